package dev.basin.trainer;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The built-in data sets of the seeds. */
public final class DataSets {

    private DataSets() {}

    /**
     * Centered XOR, exactly these four points in this order (seed 004):
     * <pre>
     *   x = (−1, −1) → 0
     *   x = (−1, +1) → 1
     *   x = (+1, −1) → 1
     *   x = (+1, +1) → 0
     * </pre>
     * i.e. target 1 where the signs differ, else 0.
     */
    public static DataSet centeredXor() {
        double[] x = {-1, -1, -1, 1, 1, -1, 1, 1};
        double[] t = {0, 1, 1, 0};
        return new DataSet("centered-xor", 4, 2, x, t);
    }

    /**
     * D points in N dimensions with inputs and targets all drawn N(0,1) from one
     * {@link SplittableRandom}(seed), row by row: the N inputs then the target.
     */
    public static DataSet randomPoints(int d, int n, long seed) {
        if (d <= 0 || n <= 0) throw new IllegalArgumentException("random points need D > 0 and N > 0, got " + d + ", " + n);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[d * n], t = new double[d];
        for (int r = 0; r < d; r++) {
            for (int c = 0; c < n; c++) x[r * n + c] = rng.nextGaussian();
            t[r] = rng.nextGaussian();
        }
        return new DataSet("random-" + d + "x" + n + "-s" + seed, d, n, x, t);
    }

    /** Seed 002 §2.4's one-dimensional grid x_d = d for d = 1..D, with the given targets. */
    public static DataSet grid(double[] targets) {
        int d = targets.length;
        double[] x = new double[d];
        for (int i = 0; i < d; i++) x[i] = i + 1;
        return new DataSet("grid-" + d, d, 1, x, targets);
    }

    /** The grid x_d = d (d = 1..D) with targets drawn N(0,1) from {@link SplittableRandom}(seed). */
    public static DataSet grid(int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] t = new double[d];
        for (int i = 0; i < d; i++) t[i] = rng.nextGaussian();
        return grid(t);
    }

    /**
     * Seed 002 §2.6's Blum–Rivest gadgets in {0,1}^N: {@code gadgets} corners, each labelled 0,
     * followed by its N Hamming neighbours (bit i flipped, i = 0..N−1) labelled 1; D = gadgets·(N+1).
     * The corners are the first ones, in increasing binary order (bit 0 = input 0), at Hamming
     * distance ≥ 3 from every corner chosen before, so no point belongs to two gadgets.
     *
     * @throws IllegalArgumentException if {0,1}^N has room for fewer gadgets this way
     */
    public static DataSet blumRivest(int n, int gadgets) {
        if (n < 1 || n > 30) throw new IllegalArgumentException("Blum–Rivest gadgets need 1 ≤ N ≤ 30, got " + n);
        if (gadgets < 1) throw new IllegalArgumentException("need at least one gadget, got " + gadgets);
        List<Integer> corners = new ArrayList<>();
        for (int c = 0; c < (1 << n) && corners.size() < gadgets; c++) {
            boolean far = true;
            for (int o : corners) if (Integer.bitCount(o ^ c) < 3) { far = false; break; }
            if (far) corners.add(c);
        }
        if (corners.size() < gadgets) {
            throw new IllegalArgumentException("{0,1}^" + n + " holds only " + corners.size()
                    + " spaced-out gadgets by greedy choice, " + gadgets + " requested");
        }
        int d = gadgets * (n + 1);
        double[] x = new double[d * n], t = new double[d];
        int row = 0;
        for (int c : corners) {
            for (int k = -1; k < n; k++) {
                int p = k < 0 ? c : c ^ (1 << k);
                for (int i = 0; i < n; i++) x[row * n + i] = (p >> i) & 1;
                t[row] = k < 0 ? 0 : 1;
                row++;
            }
        }
        return new DataSet("blum-rivest-n" + n + "-g" + gadgets, d, n, x, t);
    }
}
