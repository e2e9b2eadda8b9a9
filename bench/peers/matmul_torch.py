#!/usr/bin/env python3
"""PyTorch peer for basin's GEMM benchmark (issue 6): C = A @ B, n x n, row-major, float32 and float64.

For each n, thread count and dtype: torch.matmul(A, B, out=C) into a preallocated C (no
allocation in the timed loop, as basin writes into the caller's C), timed in batches long
enough for the clock (>= 20 ms), median over --rounds batches, reported as GFLOP/s = 2n^3 / time.
The same table layout as GemmBench's summary, plus the BLAS PyTorch was built with.

Run:  /usr/bin/python3 bench/peers/matmul_torch.py [--n 8,16,...,2048] [--threads 1,2] [--rounds 7] [--json out.json]
Each thread count runs in its own Python process with OPENBLAS_NUM_THREADS, OMP_NUM_THREADS and
MKL_NUM_THREADS set as well as torch.set_num_threads: Debian's PyTorch hands matmul to OpenBLAS,
whose own thread pool ignores torch.set_num_threads and is sized once, at load.
OPENBLAS_CORETYPE in the environment picks OpenBLAS's kernels (Haswell: AVX2; SkylakeX or
Cooperlake: AVX-512); the first line printed says what it was.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

CORETYPE = os.environ.get("OPENBLAS_CORETYPE", "(unset)")  # read before OpenBLAS loads and may set it
import torch  # noqa: E402


def ints(text):
    try:
        values = [int(v) for v in text.split(",") if v.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a comma-separated list of whole numbers, not '{text}'")
    if not values or min(values) < 1:
        raise argparse.ArgumentTypeError(f"every value must be >= 1, not '{text}'")
    return values


def gflops(n, dtype, threads, rounds):
    torch.set_num_threads(threads)
    g = torch.Generator().manual_seed(n)
    a = torch.rand(n, n, generator=g, dtype=dtype) - 0.5
    b = torch.rand(n, n, generator=g, dtype=dtype) - 0.5
    c = torch.empty(n, n, dtype=dtype)
    torch.matmul(a, b, out=c)
    # One batch lasts >= 20 ms, so timer resolution and Python's loop stay negligible.
    reps = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(reps):
            torch.matmul(a, b, out=c)
        if time.perf_counter() - t0 >= 0.02:
            break
        reps *= 2
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        for _ in range(reps):
            torch.matmul(a, b, out=c)
        times.append((time.perf_counter() - t0) / reps)
    return 2.0 * n ** 3 / statistics.median(times) / 1e9


def build_info():
    """BLAS_INFO, LAPACK_INFO and USE_MKLDNN from PyTorch's build settings."""
    settings = {}
    for line in torch.__config__.show().splitlines():
        if "Build settings:" in line:
            for item in line.split("Build settings:", 1)[1].split(","):
                key, _, value = item.strip().partition("=")
                settings[key] = value
    return ", ".join(f"{k}={settings[k]}" for k in ("BLAS_INFO", "LAPACK_INFO", "USE_MKLDNN") if k in settings)


def child(args):
    """One thread count, in this process: rows as JSON on stdout."""
    t = args.threads[0]
    rows = []
    for name, dtype in (("dgemm", torch.float64), ("sgemm", torch.float32)):
        for n in args.n:
            rows.append({"op": name, "n": n, "threads": t, "gflops": gflops(n, dtype, t, args.rounds)})
    json.dump(rows, sys.stdout)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=ints, default=ints("8,16,32,64,128,256,512,1024,2048"))
    ap.add_argument("--threads", type=ints, default=[1])
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--json", help="also write the rows to this file")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.rounds < 1:
        ap.error("--rounds must be >= 1")
    if args.child:
        child(args)
        return 0
    print(f"PyTorch {torch.__version__}; {build_info() or 'build settings not reported'};"
          f" OPENBLAS_CORETYPE={CORETYPE}")
    print(f"{'GFLOP/s':<28}{'torch':>10}")
    rows = []
    for t in args.threads:
        env = dict(os.environ, OPENBLAS_NUM_THREADS=str(t), OMP_NUM_THREADS=str(t), MKL_NUM_THREADS=str(t))
        cmd = [sys.executable, os.path.abspath(__file__), "--child", "--threads", str(t),
               "--n", ",".join(map(str, args.n)), "--rounds", str(args.rounds)]
        done = subprocess.run(cmd, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            sys.stderr.write(done.stderr)
            print(f"error: the run with {t} thread(s) failed (exit {done.returncode})", file=sys.stderr)
            return 1
        rows += json.loads(done.stdout)
    for name in ("dgemm", "sgemm"):
        for r in rows:
            if r["op"] == name:
                print(f"{name} NN t={r['threads']:<2} n={r['n']:>5}     {r['gflops']:10.1f}", flush=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(rows, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
