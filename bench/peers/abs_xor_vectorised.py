#!/usr/bin/python3
"""Issue 3 peer, workload 1: seed 004's y = |w.x + b| on centered XOR, R independent runs from
N(0,1) initialisations trained together ("vectorised across runs"), MSE over the 4 points,
lr 0.05, stop each run at loss < 1e-3, cap 1,000 epochs. Counts run-epochs exactly as basin does:
the sum over runs of the epochs (updates) each run trained. Prints PyTorch and NumPy figures.

    /usr/bin/python3 bench/peers/abs_xor_vectorised.py [runs=100000] [threads=1]
"""
import sys, time
import numpy as np
import torch

R = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
T = int(sys.argv[2]) if len(sys.argv) > 2 else 1
torch.set_num_threads(T)
LR, TOL, CAP = 0.05, 1e-3, 1000
X = np.array([[-1, -1], [-1, 1], [1, -1], [1, 1]], dtype=np.float32)
Y = np.array([0, 1, 1, 0], dtype=np.float32)


def run_torch(seed=0):
    g = torch.Generator().manual_seed(seed)
    p = torch.randn(R, 3, generator=g)                     # w0, w1, b per run
    x, y = torch.from_numpy(X), torch.from_numpy(Y)
    active = torch.ones(R, dtype=torch.bool)
    run_epochs = 0
    t0 = time.perf_counter()
    for epoch in range(CAP + 1):
        p.requires_grad_(True)
        z = p[:, :2] @ x.T + p[:, 2:3]                     # R x 4
        loss = ((z.abs() - y) ** 2).mean(dim=1)            # R
        loss.sum().backward()
        with torch.no_grad():
            active &= loss >= TOL
            if epoch == CAP or not bool(active.any()):
                break
            run_epochs += int(active.sum())
            p = p - LR * p.grad * active.unsqueeze(1)
    dt = time.perf_counter() - t0
    return dt, run_epochs, int((loss < TOL).sum())


def run_numpy(seed=0):
    rng = np.random.default_rng(seed)
    w = rng.standard_normal((R, 2)).astype(np.float32)
    b = rng.standard_normal(R).astype(np.float32)
    active = np.ones(R, dtype=bool)
    run_epochs = 0
    t0 = time.perf_counter()
    for epoch in range(CAP + 1):
        z = w @ X.T + b[:, None]
        r = np.abs(z) - Y
        loss = (r * r).mean(axis=1)
        active &= loss >= TOL
        if epoch == CAP or not active.any():
            break
        run_epochs += int(active.sum())
        dz = (2.0 / 4) * r * np.sign(z) * active[:, None]
        w -= LR * (dz @ X)
        b -= LR * dz.sum(axis=1)
    dt = time.perf_counter() - t0
    return dt, run_epochs, int((loss < TOL).sum())


for name, f in (("pytorch", run_torch), ("numpy", run_numpy)):
    f()  # warm-up
    best = min((f(s) for s in range(3)), key=lambda r: r[0])
    dt, re, conv = best
    print(f"{name} {torch.__version__ if name == 'pytorch' else np.__version__}, {T} thread(s): {R} runs, "
          f"{conv} converged, {re} run-epochs in {dt:.3f} s = {re / dt / 1e6:.2f} M run-epochs/s")
