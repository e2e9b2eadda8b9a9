#!/usr/bin/env python3
"""PyTorch peer for basin's rank benchmark (issue 5): ReLU net N -> M -> 1 on D points, float64.

Times, on one thread:
  jac    per-sample Jacobian J (D x P) with functorch vmap(jacrev)
  svd    J + torch.linalg.svdvals(J): rank (tol = s_max * max(D, P) * eps, NumPy's default), s_min
  gram   J + K = J J^T + torch.linalg.eigvalsh(K): rank and s_min = sqrt(lambda_min)

The data and parameters come from SplitMix64 uniforms, exactly as basin's
dev.basin.bench.rank.RankProblem makes them, so both sides see bit-identical inputs:
  X[d, n]  = 2u - 1                      (D x N, row-major, drawn first)
  W1[m, n] = (2u - 1) / sqrt(N)          (M x N, PyTorch nn.Linear's default range)
  b1[m]    = (2u - 1) / sqrt(N)
  w2[m]    = (2u - 1) / sqrt(M)
  b2       = (2u - 1) / sqrt(M)
with u = (next() >>> 11) * 2^-53 and one SplitMix64 stream seeded with --seed.

Run:  /usr/bin/python3 bench/peers/rank_torch.py [--D 512 --M 1024 --N 2 --seed 42 --reps 20]
"""
import argparse
import time

import torch

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def uniform(self):
        return (self.next() >> 11) * (1.0 / (1 << 53))


def problem(D, N, M, seed):
    rng = SplitMix64(seed)
    sym = lambda scale: (2.0 * rng.uniform() - 1.0) * scale
    X = [[sym(1.0) for _ in range(N)] for _ in range(D)]
    sN, sM = 1.0 / N ** 0.5, 1.0 / M ** 0.5
    W1 = [[sym(sN) for _ in range(N)] for _ in range(M)]
    b1 = [sym(sN) for _ in range(M)]
    w2 = [sym(sM) for _ in range(M)]
    b2 = sym(sM)
    t = lambda v: torch.tensor(v, dtype=torch.float64)
    return t(X), (t(W1), t(b1), t(w2).reshape(1, M), t([b2]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--D", type=int, default=512)
    ap.add_argument("--N", type=int, default=2)
    ap.add_argument("--M", type=int, default=1024)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--reps", type=int, default=20)
    ap.add_argument("--threads", type=int, default=1)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    from functorch import jacrev, vmap

    X, params = problem(a.D, a.N, a.M, a.seed)

    def net(p, x):
        W1, b1, w2, b2 = p
        return (w2 @ torch.relu(W1 @ x + b1) + b2)[0]

    def jacobian():
        g = vmap(jacrev(net), in_dims=(None, 0))(params, X)
        return torch.cat([t.reshape(a.D, -1) for t in g], dim=1)  # columns: W1, b1, w2, b2

    eps = torch.finfo(torch.float64).eps

    def svd_route():
        J = jacobian()
        s = torch.linalg.svdvals(J)
        tol = s.max() * max(J.shape) * eps
        return int((s > tol).sum()), float(s.min()), float(s.max())

    def gram_route():
        J = jacobian()
        lam = torch.linalg.eigvalsh(J @ J.T)
        s = torch.sqrt(torch.clamp(lam, min=0.0))
        tol = s.max() * max(J.shape) * eps
        return int((s > tol).sum()), float(s.min()), float(s.max())

    def timed(f):
        f()
        times = []
        for _ in range(a.reps):
            t0 = time.perf_counter()
            out = f()
            times.append(time.perf_counter() - t0)
        times.sort()
        return times[len(times) // 2] * 1e3, times[0] * 1e3, out

    P = a.M * a.N + 2 * a.M + 1
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, D={a.D} N={a.N} M={a.M} P={P} seed={a.seed}")
    med, best, _ = timed(jacobian)
    print(f"jac   median {med:8.2f} ms  best {best:8.2f} ms")
    med, best, (r, smin, smax) = timed(svd_route)
    print(f"svd   median {med:8.2f} ms  best {best:8.2f} ms  rank {r}  sigma_min {smin:.17g}  sigma_max {smax:.17g}")
    med, best, (r, smin, smax) = timed(gram_route)
    print(f"gram  median {med:8.2f} ms  best {best:8.2f} ms  rank {r}  sigma_min {smin:.17g}  sigma_max {smax:.17g}")


if __name__ == "__main__":
    main()
