#!/usr/bin/python3
"""Issue 3 peer, workload 3: a ReLU MLP 2 -> M -> 1 on D = 64 random points, one full-batch SGD
step (zero_grad, forward, MSE, backward, step) in PyTorch eager, float32, 1 thread.

    /usr/bin/python3 bench/peers/mlp_step.py
"""
import time
import torch

torch.set_num_threads(1)
torch.manual_seed(0)
X = torch.randn(64, 2)
Y = torch.randn(64, 1)
for M in (16, 64, 256, 1024):
    model = torch.nn.Sequential(torch.nn.Linear(2, M), torch.nn.ReLU(), torch.nn.Linear(M, 1))
    opt = torch.optim.SGD(model.parameters(), lr=1e-4)
    lossf = torch.nn.MSELoss()

    def step():
        opt.zero_grad()
        loss = lossf(model(X), Y)
        loss.backward()
        opt.step()

    for _ in range(500):
        step()
    best = float("inf")
    for _ in range(5):
        n = 2000
        t0 = time.perf_counter()
        for _ in range(n):
            step()
        best = min(best, (time.perf_counter() - t0) / n)
    print(f"pytorch {torch.__version__} eager, 1 thread: M = {M:5d}: {best * 1e6:7.1f} us/step")
