package dev.basin.analysis.regress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap of the out-of-fold R²: resample the units (rows for the row split, whole
 * traces for the grouped split, so correlated epochs of one trace move together), recompute R² on
 * the pooled out-of-fold predictions, and take the 2.5% and 97.5% quantiles. The models are not
 * refitted: the interval covers the test-set sampling, not the refit noise.
 */
public final class Bootstrap {

    private Bootstrap() {}

    public record Interval(double low, double high) {}

    /** units[i] is row i's resampling unit (its own index, or its trace). */
    public static Interval r2(double[] actual, double[] predicted, int[] units, int resamples, long seed) {
        if (resamples < 1) throw new IllegalArgumentException("bootstrap needs at least 1 resample, got " + resamples);
        Map<Integer, List<Integer>> byUnit = new LinkedHashMap<>();
        for (int i = 0; i < units.length; i++) byUnit.computeIfAbsent(units[i], u -> new ArrayList<>()).add(i);
        List<int[]> groups = new ArrayList<>();
        for (List<Integer> l : byUnit.values()) groups.add(l.stream().mapToInt(Integer::intValue).toArray());
        SplittableRandom rng = new SplittableRandom(seed);
        double[] r2 = new double[resamples];
        int g = groups.size();
        for (int b = 0; b < resamples; b++) {
            int[] pick = new int[g];
            int total = 0;
            for (int k = 0; k < g; k++) { pick[k] = rng.nextInt(g); total += groups.get(pick[k]).length; }
            int[] rows = new int[total];
            int c = 0;
            for (int k = 0; k < g; k++) for (int r : groups.get(pick[k])) rows[c++] = r;
            r2[b] = Metrics.of(actual, predicted, rows).r2();
        }
        return new Interval(quantile(r2, 0.025), quantile(r2, 0.975));
    }

    /** Linear-interpolated quantile (NumPy's default) of the values. */
    public static double quantile(double[] values, double q) {
        double[] s = values.clone();
        Arrays.sort(s);
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos), hi = (int) Math.ceil(pos);
        return s[lo] + (s[hi] - s[lo]) * (pos - lo);
    }

    /** Percentile interval of a statistic's bootstrap replicates. */
    public static Interval percentile(double[] replicates) {
        return new Interval(quantile(replicates, 0.025), quantile(replicates, 0.975));
    }
}
