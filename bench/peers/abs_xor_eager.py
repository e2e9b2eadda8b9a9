#!/usr/bin/python3
"""Issue 3 peer, workload 2: seed 004's model trained one run at a time as the seed did (PyTorch
eager autograd + optim.SGD), 100 traces with every epoch recorded (epoch, loss, grad norm, params),
MSE on centered XOR, lr 0.05, to loss < 1e-3, cap 1,000 epochs.

    /usr/bin/python3 bench/peers/abs_xor_eager.py [traces=100]
"""
import sys, time
import torch

torch.set_num_threads(1)
N = int(sys.argv[1]) if len(sys.argv) > 1 else 100
X = torch.tensor([[-1., -1.], [-1., 1.], [1., -1.], [1., 1.]])
Y = torch.tensor([0., 1., 1., 0.])


def one(seed):
    torch.manual_seed(seed)
    w = torch.randn(2, requires_grad=True)
    b = torch.randn(1, requires_grad=True)
    opt = torch.optim.SGD([w, b], lr=0.05)
    trace = []
    for epoch in range(1001):
        opt.zero_grad()
        loss = ((torch.abs(X @ w + b) - Y) ** 2).mean()
        loss.backward()
        gn = torch.sqrt((w.grad ** 2).sum() + (b.grad ** 2).sum()).item()
        trace.append((epoch, loss.item(), gn, *w.tolist(), *b.tolist()))
        if loss.item() < 1e-3 or epoch == 1000:
            break
        opt.step()
    return trace


one(0)
t0 = time.perf_counter()
traces = [one(s) for s in range(N)]
dt = time.perf_counter() - t0
epochs = sum(len(t) - 1 for t in traces)
print(f"pytorch {torch.__version__} eager, 1 thread: {N} traces ({epochs} epochs) in {dt:.2f} s")
