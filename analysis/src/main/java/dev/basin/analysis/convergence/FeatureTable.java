package dev.basin.analysis.convergence;

import java.util.ArrayList;
import java.util.List;

/**
 * Seed 004's appendix A.1 as a table: one row per recorded state of each trace except its final
 * one, target = epochs remaining to the trace's end, features from the current parameters p and
 * the trace's own final parameters f (Δ = p − f).
 *
 * <p>For a 3-parameter model the 18 features are: L1 = Σ|Δ_i|, L2 = ‖Δ‖₂, cosine = 1 − p·f/(‖p‖‖f‖);
 * the parameter-wise distances |Δ_i| (3: this is how the seed's "4 distance metrics" make 18 —
 * its list counts 16 if "parameter-wise" were one number); diff_i = Δ_i; ratio_i = p_i/(f_i + 1e-8);
 * log_diff_i = ln(|Δ_i| + 1e-8); interaction_ij = Δ_i·Δ_j. Bigger models (an MLP) get the
 * size-free distance block only: L1, L2, cosine and L∞ = max|Δ_i|.
 */
public final class FeatureTable {

    public final String[] names;
    public final double[][] x;
    public final double[] y;
    public final int[] trace;
    public final int[] epoch;
    /** Columns of the distance block (expanded by the polynomial models). */
    public final int[] distanceColumns;

    private FeatureTable(String[] names, double[][] x, double[] y, int[] trace, int[] epoch, int[] distanceColumns) {
        this.names = names;
        this.x = x;
        this.y = y;
        this.trace = trace;
        this.epoch = epoch;
        this.distanceColumns = distanceColumns;
    }

    public int rows() { return y.length; }

    public int column(String name) {
        for (int j = 0; j < names.length; j++) if (names[j].equals(name)) return j;
        throw new IllegalArgumentException("no feature column '" + name + "'");
    }

    public static String[] names(int numParams) {
        if (numParams != 3) return new String[] {"l1_distance", "l2_distance", "cosine_distance", "linf_distance"};
        return new String[] {
                "l1_distance", "l2_distance", "cosine_distance",
                "paramwise_p0", "paramwise_p1", "paramwise_p2",
                "diff_p0", "diff_p1", "diff_p2",
                "ratio_p0", "ratio_p1", "ratio_p2",
                "log_diff_p0", "log_diff_p1", "log_diff_p2",
                "interaction_p0_p1", "interaction_p0_p2", "interaction_p1_p2"};
    }

    /** The feature vector of the state p against the final parameters f. */
    public static double[] features(double[] p, double[] f) {
        int n = p.length;
        if (f.length != n) throw new IllegalArgumentException("state has " + n + " parameters, final point " + f.length);
        double l1 = 0, l2 = 0, linf = 0, dot = 0, np = 0, nf = 0;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = p[i] - f[i];
            l1 += Math.abs(d[i]);
            l2 += d[i] * d[i];
            linf = Math.max(linf, Math.abs(d[i]));
            dot += p[i] * f[i];
            np += p[i] * p[i];
            nf += f[i] * f[i];
        }
        l2 = Math.sqrt(l2);
        double denom = Math.sqrt(np) * Math.sqrt(nf);
        // A zero vector has no direction: its cosine distance is taken as 1 (orthogonal).
        double cos = denom > 0 ? 1 - dot / denom : 1;
        if (n != 3) return new double[] {l1, l2, cos, linf};
        return new double[] {
                l1, l2, cos,
                Math.abs(d[0]), Math.abs(d[1]), Math.abs(d[2]),
                d[0], d[1], d[2],
                p[0] / (f[0] + 1e-8), p[1] / (f[1] + 1e-8), p[2] / (f[2] + 1e-8),
                Math.log(Math.abs(d[0]) + 1e-8), Math.log(Math.abs(d[1]) + 1e-8), Math.log(Math.abs(d[2]) + 1e-8),
                d[0] * d[1], d[0] * d[2], d[1] * d[2]};
    }

    /** Builds the table from traces (callers pass the converged ones). */
    public static FeatureTable build(List<TraceData> traces) {
        if (traces.isEmpty()) throw new IllegalArgumentException("no traces to build features from");
        int p = traces.getFirst().finalParams().length;
        List<double[]> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        List<Integer> tr = new ArrayList<>(), ep = new ArrayList<>();
        for (TraceData t : traces) {
            double[] f = t.finalParams();
            for (int i = 0; i + 1 < t.states(); i++) {
                xs.add(features(t.params()[i], f));
                ys.add((double) (t.finalEpoch() - t.epochs()[i]));
                tr.add(t.run());
                ep.add(t.epochs()[i]);
            }
        }
        String[] names = names(p);
        int[] dist = p == 3 ? new int[] {0, 1, 2, 3, 4, 5} : new int[] {0, 1, 2, 3};
        return new FeatureTable(names, xs.toArray(new double[0][]), ys.stream().mapToDouble(Double::doubleValue).toArray(),
                tr.stream().mapToInt(Integer::intValue).toArray(), ep.stream().mapToInt(Integer::intValue).toArray(), dist);
    }
}
