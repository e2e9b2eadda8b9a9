package dev.basin.analysis.regress;

import java.util.ArrayList;
import java.util.List;

/**
 * OLS on every feature plus all monomials of degree 2..k in a chosen subset of the features (the
 * distance metrics): y ≈ β₀ + βᵀz + Σ γ_m·m(z_S). Columns are z-scored before the expansion.
 * Expanding only the distance block keeps degree 3 at tens of columns instead of the 1,539 of a
 * full cubic in 18 features, and asks the seed's question directly: does curvature in distance help?
 */
public final class PolynomialRegression implements Regressor {

    private final int degree;
    private final int[] expand;
    private final String expandNames;

    public PolynomialRegression(int degree, int[] expandColumns, String expandNames) {
        if (degree < 1) throw new IllegalArgumentException("polynomial degree must be ≥ 1, got " + degree);
        this.degree = degree;
        this.expand = expandColumns.clone();
        this.expandNames = expandNames;
    }

    @Override public String name() { return "Polynomial (degree " + degree + ")"; }

    @Override public String hyperparameters() {
        return "OLS with intercept on all z-scored features + all monomials of degree 2.." + degree + " in " + expandNames;
    }

    /** Monomials of degree 2..k over {@code expand.length} variables, each a list of column indices (with repeats). */
    private List<int[]> monomials() {
        List<int[]> out = new ArrayList<>();
        for (int deg = 2; deg <= degree; deg++) combos(new int[deg], 0, 0, out);
        return out;
    }

    private void combos(int[] cur, int pos, int start, List<int[]> out) {
        if (pos == cur.length) { out.add(cur.clone()); return; }
        for (int i = start; i < expand.length; i++) {
            cur[pos] = expand[i];
            combos(cur, pos + 1, i, out);
        }
    }

    static double[] expandRow(double[] z, List<int[]> monos) {
        double[] r = new double[z.length + monos.size()];
        System.arraycopy(z, 0, r, 0, z.length);
        for (int m = 0; m < monos.size(); m++) {
            double v = 1;
            for (int c : monos.get(m)) v *= z[c];
            r[z.length + m] = v;
        }
        return r;
    }

    @Override
    public Model fit(double[][] x, double[] y, long seed) {
        Standardizer s = Standardizer.fit(x);
        List<int[]> monos = monomials();
        double[][] a = new double[x.length][];
        for (int i = 0; i < x.length; i++) a[i] = expandRow(s.apply(x[i]), monos);
        double[] beta = LeastSquares.solve(LeastSquares.withIntercept(a), y, 0.0);
        return row -> LeastSquares.dotWithIntercept(beta, expandRow(s.apply(row), monos));
    }
}
