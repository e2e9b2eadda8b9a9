#!/usr/bin/python3
"""Issue 3 peer, workload 4: R = 1,000 independent ReLU MLPs 2 -> 16 -> 1 on the same D = 64 points,
trained in lock-step with batched matrix products (torch.bmm), full-batch SGD on each run's MSE,
float32, 1 thread (or the given count). Reports run-steps/s.

    /usr/bin/python3 bench/peers/mlp_bmm.py [threads=1]
"""
import sys, time
import torch

T = int(sys.argv[1]) if len(sys.argv) > 1 else 1
torch.set_num_threads(T)
torch.manual_seed(0)
R, M, D, STEPS, LR = 1000, 16, 64, 100, 1e-3
X = torch.randn(D, 2)
Y = torch.randn(D)
Xt = X.T.unsqueeze(0).expand(R, 2, D)                   # R x 2 x D
W1 = (torch.rand(R, M, 2) * 2 - 1) / 2 ** 0.5
b1 = (torch.rand(R, M, 1) * 2 - 1) / 2 ** 0.5
W2 = (torch.rand(R, 1, M) * 2 - 1) / M ** 0.5
b2 = (torch.rand(R, 1, 1) * 2 - 1) / M ** 0.5
params = [p.requires_grad_(True) for p in (W1, b1, W2, b2)]


def step():
    h = torch.relu(torch.bmm(W1, Xt) + b1)              # R x M x D
    out = torch.bmm(W2, h) + b2                         # R x 1 x D
    loss = ((out.squeeze(1) - Y) ** 2).mean(dim=1).sum()
    grads = torch.autograd.grad(loss, params)
    with torch.no_grad():
        for p, g in zip(params, grads):
            p -= LR * g


for _ in range(20):
    step()
best = float("inf")
for _ in range(3):
    t0 = time.perf_counter()
    for _ in range(STEPS):
        step()
    best = min(best, time.perf_counter() - t0)
print(f"pytorch {torch.__version__} bmm, {T} thread(s): {R} runs x {STEPS} steps in {best:.3f} s = "
      f"{R * STEPS / best / 1e3:.1f} k run-steps/s")
