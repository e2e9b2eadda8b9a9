package dev.basin.analysis.rank;

/**
 * Seed 002's Theorem 1 checked at one point w: with ε = ‖∇Error(w)‖ (Error = Σ_d (NN(x_d) − y_d)²),
 * r = min_v |x'·v|/|v| the scaling factor of the hidden features x'_d = NN1(x_d) (one column per
 * sample), and q = min_d ‖∇NN3(z_d)‖, the theorem says |NN(x_d) − y_d| ≤ ε/(2qr) for every d.
 *
 * <p>The check is exact arithmetic's inequality evaluated in float64, so it allows a relative
 * slack of {@link #SLACK}. r is taken as zero when it is at or below NumPy's rank tolerance for
 * x' (the features are numerically dependent), and then the bound is vacuous (infinite).
 *
 * @param epsilon     ‖∇Error‖ over every trainable parameter
 * @param r           scaling factor of x' (0 when its rank is below D)
 * @param rTolerance  the tolerance r was compared with
 * @param q           min_d ‖∇NN3(z_d)‖
 * @param bound       ε/(2qr), +∞ when q or r is 0
 * @param residuals   NN(x_d) − y_d
 * @param verdict     what the check found
 */
public record Certificate(double epsilon, double r, double rTolerance, double q, double bound,
                          double[] residuals, Verdict verdict) {

    /** Relative slack for rounding: |res_d| ≤ bound·(1 + SLACK) counts as holding. */
    public static final double SLACK = 1e-9;

    public enum Verdict {
        /** Every |res_d| is within the bound. */
        HOLDS("holds"),
        /** Requirement 1 broken: the features x'_d are linearly dependent (e.g. M < D), r = 0, no bound. */
        VACUOUS_DEPENDENT_FEATURES("vacuous: x' not linearly independent (requirement 1 broken)"),
        /** Requirement 3.2 broken: ∇NN3 vanishes at some z_d (a flat activation), q = 0, no bound. */
        VACUOUS_FLAT_NN3("vacuous: NN3 flat at some z_d (requirement 3.2 broken)"),
        /**
         * The bound fails although r, q > 0: a contradiction of Theorem 1 as stated — unless a
         * hypothesis the numbers cannot show is broken (the network not differentiable at w, e.g. a
         * ReLU pre-activation exactly at its kink in NN3, or ε not taken at the same w).
         */
        VIOLATED("violated: contradicts Theorem 1 or a non-differentiable point");

        public final String text;

        Verdict(String text) {
            this.text = text;
        }
    }

    /** max_d |res_d|. */
    public double maxResidual() {
        double m = 0;
        for (double v : residuals) m = Math.max(m, Math.abs(v));
        return m;
    }

    /** bound − max_d |res_d| (how much room the worst sample leaves; +∞ for a vacuous bound). */
    public double slack() {
        return bound - maxResidual();
    }

    /** Samples whose residual exceeds the bound (none unless VIOLATED). */
    public int failures() {
        int f = 0;
        for (double v : residuals) if (!within(v, bound)) f++;
        return f;
    }

    public boolean holds() {
        return verdict != Verdict.VIOLATED;
    }

    static boolean within(double residual, double bound) {
        return Math.abs(residual) <= bound * (1 + SLACK);
    }

    /**
     * Evaluates the certificate.
     *
     * @param samples     D
     * @param features    x' as D rows of M values (row d = x'_d), row-major
     * @param m           M, the features' dimension
     * @param residuals   NN(x_d) − y_d, D values
     * @param epsilon     ‖∇Error‖ (sum-of-squares Error) at the same weights
     * @param sensitivity ∇NN3(z_d) as D rows of mz values; null means NN3 is the identity (q = 1)
     * @param mz          dimension of z
     */
    public static Certificate evaluate(int samples, double[] features, int m, double[] residuals, double epsilon,
                                       double[] sensitivity, int mz) {
        if (samples < 1) throw new IllegalArgumentException("a certificate needs at least one sample");
        if (residuals.length < samples) throw new IllegalArgumentException("need " + samples + " residuals, got " + residuals.length);
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) throw new IllegalArgumentException("gradient norm ε must be finite and ≥ 0, got " + epsilon);
        MatrixRank.requireFinite(residuals, samples, "residual");
        Spectrum xs = MatrixRank.svd(features, samples, m);
        double r = xs.rank() == samples ? xs.rowScalingFactor() : 0.0;
        double q = 1.0;
        if (sensitivity != null) {
            MatrixRank.requireShape(sensitivity, samples, mz);
            q = Double.POSITIVE_INFINITY;
            for (int d = 0; d < samples; d++) {
                double s = 0;
                for (int i = 0; i < mz; i++) s += sensitivity[d * mz + i] * sensitivity[d * mz + i];
                q = Math.min(q, Math.sqrt(s));
            }
        }
        double[] res = java.util.Arrays.copyOf(residuals, samples);
        Verdict verdict;
        double bound;
        if (r == 0.0) {
            bound = Double.POSITIVE_INFINITY;
            verdict = Verdict.VACUOUS_DEPENDENT_FEATURES;
        } else if (q == 0.0) {
            bound = Double.POSITIVE_INFINITY;
            verdict = Verdict.VACUOUS_FLAT_NN3;
        } else {
            bound = epsilon / (2 * q * r);
            verdict = Verdict.HOLDS;
            for (double v : res) if (!within(v, bound)) verdict = Verdict.VIOLATED;
        }
        return new Certificate(epsilon, r, xs.tolerance(), q, bound, res, verdict);
    }
}
