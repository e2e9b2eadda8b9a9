#!/usr/bin/env python3
"""Recompute `basin rank`'s numbers with NumPy from its CSV files, and compare.

For every run in DIR/runs.csv: rebuild the net from `widths`/`activations` and
DIR/<experiment>/params/<run>.csv, evaluate it on DIR/<experiment>/data.csv, and recompute
  final_loss  Error = sum_d (NN(x_d) - y_d)^2
  grad_norm   eps = ||grad Error|| = ||2 J^T res||   over the trainable parameters
  rank        np.linalg.matrix_rank(J)  (tolerance S.max() * max(J.shape) * eps)
  sigma_min   smallest of the min(D, P) singular values of J
  r           smallest singular value of x' (D x M hidden features feeding the output layer) if rank D, else 0
  q           1 (NN3 is the identity for these one-hidden-layer nets)
  bound       eps / (2 q r)
then prints the largest relative differences against basin's values.

Layouts (see dev.basin.analysis.rank.RankFiles):
  data.csv          x0,...,x{N-1},y
  params/<run>.csv  layer,kind,row,col,trainable,value   (kind W: W[row][col], out x in; kind b: b[row])
Run:  /usr/bin/python3 bench/peers/rank_recompute.py OUT_DIR
"""
import csv
import math
import os
import sys

import numpy as np

ACT = {
    "identity": (lambda z: z, lambda z: np.ones_like(z)),
    "relu": (lambda z: np.maximum(z, 0), lambda z: (z > 0).astype(float)),
    "abs": (np.abs, np.sign),
    "leaky-relu": (lambda z: np.where(z > 0, z, 0.01 * z), lambda z: np.where(z > 0, 1.0, 0.01)),
    "tanh": (np.tanh, lambda z: 1 - np.tanh(z) ** 2),
    "sigmoid": (lambda z: 1 / (1 + np.exp(-z)), lambda z: (1 / (1 + np.exp(-z))) * (1 - 1 / (1 + np.exp(-z)))),
}


def load_params(path, widths):
    L = len(widths) - 1
    W = [np.zeros((widths[l + 1], widths[l])) for l in range(L)]
    b = [None] * L
    trainable = [False] * L
    with open(path) as f:
        for row in csv.DictReader(f):
            l, i, j, v = int(row["layer"]), int(row["row"]), int(row["col"]), float(row["value"])
            trainable[l] = row["trainable"] == "1"
            if row["kind"] == "W":
                W[l][i, j] = v
            else:
                if b[l] is None:
                    b[l] = np.zeros(widths[l + 1])
                b[l][i] = v
    return W, b, trainable


def jacobian(X, W, b, acts, trainable):
    """Per-sample Jacobian, columns in params-file order (W row-major then b, trainable layers)."""
    D = X.shape[0]
    L = len(W)
    a, z = [X], []
    for l in range(L):
        zz = a[-1] @ W[l].T + (b[l] if b[l] is not None else 0)
        z.append(zz)
        a.append(ACT[acts[l]][0](zz))
    out = a[-1][:, 0]
    delta = ACT[acts[-1]][1](z[-1])  # D x 1
    blocks = []
    for l in range(L - 1, -1, -1):
        if trainable[l]:
            blk = [(delta[:, :, None] * a[l][:, None, :]).reshape(D, -1)]
            if b[l] is not None:
                blk.append(delta)
            blocks = blk + blocks
        if l > 0:
            delta = (delta @ W[l]) * ACT[acts[l - 1]][1](z[l - 1])
    return out, np.concatenate(blocks, axis=1), a


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    root = sys.argv[1]
    worst = {}
    n = 0
    with open(os.path.join(root, "runs.csv")) as f:
        runs = list(csv.DictReader(f))
    data_cache = {}
    for run in runs:
        exp = run["experiment"]
        if exp not in data_cache:
            d = np.loadtxt(os.path.join(root, exp, "data.csv"), delimiter=",", skiprows=1, ndmin=2)
            data_cache[exp] = (d[:, :-1], d[:, -1])
        X, y = data_cache[exp]
        widths = [int(w) for w in run["widths"].split("-")]
        acts = run["activations"].split("|")
        W, b, tr = load_params(os.path.join(root, exp, "params", run["run"] + ".csv"), widths)
        out, J, a = jacobian(X, W, b, acts, tr)
        res = out - y
        loss = float(res @ res)
        eps = float(np.linalg.norm(2 * J.T @ res))
        s = np.linalg.svd(J, compute_uv=False)
        rank = int(np.linalg.matrix_rank(J))
        feats = a[-2]  # input of the output layer: x'
        fs = np.linalg.svd(feats, compute_uv=False)
        D = feats.shape[0]
        r = float(fs[-1]) if feats.shape[1] >= D and np.linalg.matrix_rank(feats) == D else 0.0
        bound = eps / (2 * r) if r > 0 else math.inf
        mine = {"final_loss": loss, "grad_norm": eps, "sigma_min": float(s[-1]), "r": r, "bound": bound}
        for k, v in mine.items():
            theirs = float(run[k])
            if math.isinf(v) and math.isinf(theirs):
                rel = 0.0
            else:
                rel = abs(v - theirs) / max(abs(v), 1e-300)
            if rel > worst.get(k, (0, ""))[0]:
                worst[k] = (rel, run["run"])
        if rank != int(run["rank"]):
            print(f"rank differs for {exp}/{run['run']}: numpy {rank}, basin {run['rank']}")
        holds = bool(np.all(np.abs(res) <= bound * (1 + 1e-9)))
        if str(holds).lower() != run["holds"]:
            print(f"holds differs for {exp}/{run['run']}: numpy {holds}, basin {run['holds']}")
        n += 1
    print(f"{n} runs recomputed with NumPy {np.__version__}")
    for k, (rel, rid) in worst.items():
        print(f"  {k:10s} largest relative difference {rel:.2e}  ({rid})")


if __name__ == "__main__":
    main()
