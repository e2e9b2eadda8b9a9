package dev.basin.bench.rank;

import dev.basin.kernels.Activation;
import dev.basin.kernels.JacobianKernels;
import dev.basin.kernels.JacobianNet;
import dev.basin.kernels.NtkExtremes;
import dev.basin.kernels.NtkKernels;
import dev.basin.kernels.NtkSpectrum;
import java.util.Locale;

/**
 * The rank benchmark's problem, shared bit for bit with bench/peers/rank_torch.py: a ReLU net
 * N → M → 1 on D points in float64, inputs and parameters from one SplitMix64 stream (see the
 * peer's docstring for the exact order and scaling). {@link #main} prints the rank and
 * singular values basin computes, to compare with the peer's output.
 */
public final class RankProblem {

    public final int d, n, m;
    public final JacobianNet net;
    public final double[] x, params;

    public RankProblem(int d, int n, int m, long seed) {
        this.d = d;
        this.n = n;
        this.m = m;
        this.net = JacobianNet.dense(Activation.RELU, n, m, 1);   // layout W1, b1, w2, b2 = the peer's column order
        long[] state = {seed};
        x = new double[d * n];
        for (int i = 0; i < x.length; i++) x[i] = sym(state, 1.0);
        params = new double[net.parameterCount()];
        double sn = 1.0 / Math.sqrt(n), sm = 1.0 / Math.sqrt(m);
        int at = 0;
        for (int i = 0; i < m * n; i++) params[at++] = sym(state, sn);
        for (int i = 0; i < m; i++) params[at++] = sym(state, sn);
        for (int i = 0; i < m; i++) params[at++] = sym(state, sm);
        params[at] = sym(state, sm);
    }

    static long next(long[] s) {
        s[0] += 0x9E3779B97F4A7C15L;
        long z = s[0];
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static double sym(long[] s, double scale) {
        double u = (next(s) >>> 11) * 0x1.0p-53;
        return (2.0 * u - 1.0) * scale;
    }

    /** Buffers for one evaluation, allocated once. */
    public final class Work {
        public final double[] j = new double[d * net.columns()];
        public final double[] jacWork = new double[net.workSize()];
        public final double[] k = new double[d * d];
        public final double[] gramWork = new double[NtkKernels.gramWorkSize(d, m)];
        public final double[] eig = new double[d];
        public final double[] eigWork = new double[NtkSpectrum.workSize(d)];
        public final double[] vec = new double[d];
        public final double[] u = new double[net.columns()];
        public final double[] extremes = new double[NtkExtremes.OUT_SIZE];
        public final double[] extremesWork = new double[NtkExtremes.workSize(d)];
    }

    public Work work() {
        return new Work();
    }

    public void jacobian(Work w) {
        JacobianKernels.dense(net, d, x, 0, n, params, 0, w.j, 0, net.columns(), w.jacWork);
    }

    /**
     * The structured Gram K = J·Jᵀ and its eigenvalues; returns {rank, σ_min, σ_max} with
     * NumPy's tolerance σ_max·max(D, P)·eps on σ = √λ. σ_min is √λ_min(K): its relative error
     * grows like eps·κ(J)² (about 1e-7 on this problem), see {@link #refinedSigmaMin}.
     */
    public double[] gramRankSigmaMin(Work w) {
        NtkKernels.gramOneHidden(net, d, x, 0, n, params, 0, w.k, 0, d, w.gramWork);
        NtkSpectrum.symmetricEigenvalues(d, w.k, 0, d, w.eig, 0, w.eigWork);
        return rankOf(w);
    }

    private double[] rankOf(Work w) {
        double smax = Math.sqrt(Math.max(w.eig[d - 1], 0));
        double tol = smax * Math.max(d, net.columns()) * Math.ulp(1.0);
        int rank = 0;
        for (double l : w.eig) if (Math.sqrt(Math.max(l, 0)) > tol) rank++;
        return new double[] {rank, Math.sqrt(Math.max(w.eig[0], 0)), smax};
    }

    /**
     * The Gram route with σ_min refined through J (needs {@link #jacobian} first): eigenvalues
     * and the smallest eigenvector of K, then σ_min = ‖Jᵀv‖ (the Rayleigh quotient evaluated
     * through J). Returns {rank, σ_min, σ_max, Kato–Temple relative error estimate of σ_min}.
     */
    public double[] refinedSigmaMin(Work w) {
        NtkKernels.gramOneHidden(net, d, x, 0, n, params, 0, w.k, 0, d, w.gramWork);
        return refinedFrom(w);
    }

    private double[] refinedFrom(Work w) {
        NtkSpectrum.smallestEigenpair(d, w.k, 0, d, w.eig, 0, w.vec, 0, w.eigWork);
        double[] r = rankOf(w);
        double[] tr = NtkKernels.rayleighThroughJ(d, net.columns(), w.j, 0, net.columns(), w.vec, 0, w.u);
        double gap = w.eig[1] - tr[0];
        double dl = gap > tr[1] ? tr[1] * tr[1] / gap : tr[1];
        return new double[] {r[0], Math.sqrt(tr[0]), r[2], 0.5 * dl / tr[0]};
    }

    /**
     * The fast path (what MatrixRank.choleskyLanczos and so {@code basin rank} run; needs
     * {@link #jacobian} first): structured Gram with H and G read from J, Cholesky, Lanczos on K⁻¹ for λ_min and its
     * eigenvector and on K for λ_max, σ_min refined through J. When the factorisation fails, a
     * Lanczos run does not converge or λ_min ≤ 200·D·eps·λ_max it falls back to
     * {@link #refinedSigmaMin}'s full eigensolver (K's upper triangle is left intact for it).
     * Returns {rank, σ_min, σ_max, Kato–Temple relative error estimate of σ_min, 1 if the fast path decided}.
     */
    public double[] fastSigmaMin(Work w) {
        NtkKernels.gramOneHiddenFromJacobian(net, d, x, 0, n, w.j, 0, net.columns(), w.k, 0, d, w.gramWork);
        double[] out = w.extremes;
        int p = net.columns();
        double eps = Math.ulp(1.0);
        if (NtkExtremes.extremes(d, w.k, 0, d, out, w.vec, 0, w.extremesWork)
                && out[NtkExtremes.LAMBDA_MIN] > 200.0 * d * eps * (out[NtkExtremes.LAMBDA_MAX] + out[NtkExtremes.LAMBDA_MAX_ERR])) {
            double smax = Math.sqrt(out[NtkExtremes.LAMBDA_MAX]);
            double tol = smax * Math.max(d, p) * eps;
            if (out[NtkExtremes.LAMBDA_MIN] > tol * tol) {
                double[] tr = NtkKernels.rayleighThroughJ(d, p, w.j, 0, p, w.vec, 0, w.u);
                double gap = out[NtkExtremes.LAMBDA_2] - tr[0];
                double dl = gap > tr[1] ? tr[1] * tr[1] / gap : tr[1];
                return new double[] {d, Math.sqrt(tr[0]), smax, 0.5 * dl / tr[0], 1};
            }
        }
        // gramOneHidden wrote both triangles and the fast path kept the diagonal and upper one
        double[] r = refinedFrom(w);
        return new double[] {r[0], r[1], r[2], r[3], 0};
    }

    /** Prints basin's rank, σ_min and σ_max for the default problem (or D N M seed [reference σ_min] from args). */
    public static void main(String[] args) {
        int d = args.length > 0 ? Integer.parseInt(args[0]) : 512;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int m = args.length > 2 ? Integer.parseInt(args[2]) : 1024;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
        RankProblem p = new RankProblem(d, n, m, seed);
        Work w = p.work();
        p.jacobian(w);
        double[] r = p.gramRankSigmaMin(w);
        System.out.printf(Locale.ROOT, "basin gram     D=%d N=%d M=%d P=%d seed=%d  rank %d  sigma_min %.17g  sigma_max %.17g%n",
                d, n, m, p.net.columns(), seed, (int) r[0], r[1], r[2]);
        r = p.refinedSigmaMin(w);
        System.out.printf(Locale.ROOT, "basin gram+rq  D=%d N=%d M=%d P=%d seed=%d  rank %d  sigma_min %.17g  sigma_max %.17g  (Kato-Temple rel. error <= %.1e)%n",
                d, n, m, p.net.columns(), seed, (int) r[0], r[1], r[2], r[3]);
        double refinedMin = r[1];
        r = p.fastSigmaMin(w);
        System.out.printf(Locale.ROOT, "basin fast     D=%d N=%d M=%d P=%d seed=%d  rank %d  sigma_min %.17g  sigma_max %.17g  (Kato-Temple rel. error <= %.1e, %s; Lanczos steps %d + %d)%n",
                d, n, m, p.net.columns(), seed, (int) r[0], r[1], r[2], r[3], r[4] == 1 ? "Cholesky + Lanczos" : "fell back to the eigensolver",
                (int) w.extremes[NtkExtremes.STEPS_MIN], (int) w.extremes[NtkExtremes.STEPS_MAX]);
        System.out.printf(Locale.ROOT, "fast vs gram+rq sigma_min: %.1e relative%n", Math.abs(r[1] / refinedMin - 1));
        if (args.length > 4) {
            double ref = Double.parseDouble(args[4]);
            System.out.printf(Locale.ROOT, "vs the given reference sigma_min %.17g (e.g. svdvals): gram+rq %.1e, fast %.1e relative%n",
                    ref, Math.abs(refinedMin / ref - 1), Math.abs(r[1] / ref - 1));
        }
    }
}
