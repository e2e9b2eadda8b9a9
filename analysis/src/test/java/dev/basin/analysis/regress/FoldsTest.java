package dev.basin.analysis.regress;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FoldsTest {

    /** Every row in exactly one fold, every fold non-empty, sizes within one of each other. */
    @Property(tries = 100)
    void rowFoldsAreDisjointAndCovering(@ForAll @IntRange(min = 10, max = 500) int n, @ForAll @IntRange(min = 2, max = 10) int k,
                                        @ForAll long seed) {
        int[] fold = Folds.byRow(n, k, seed);
        assertEquals(n, fold.length);
        int[] size = new int[k];
        for (int f : fold) { assertTrue(f >= 0 && f < k); size[f]++; }
        int min = Integer.MAX_VALUE, max = 0;
        for (int s : size) { min = Math.min(min, s); max = Math.max(max, s); }
        assertTrue(min >= 1 && max - min <= 1, "fold sizes " + java.util.Arrays.toString(size));
        // Train/test of fold f are complements: test ∪ train = all rows, test ∩ train = ∅ by construction of one label per row.
        int total = 0;
        for (int f = 0; f < k; f++) total += CrossValidation.rowsOf(fold, f).length;
        assertEquals(n, total);
    }

    /** No trace ever has rows in two folds, so no trace is on both sides of any split. */
    @Property(tries = 100)
    void groupedFoldsNeverSplitATrace(@ForAll @IntRange(min = 10, max = 120) int traces, @ForAll @IntRange(min = 2, max = 10) int k,
                                      @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 0;
        int[] len = new int[traces];
        for (int t = 0; t < traces; t++) { len[t] = 1 + r.nextInt(50); n += len[t]; }
        int[] group = new int[n];
        int i = 0;
        for (int t = 0; t < traces; t++) for (int e = 0; e < len[t]; e++) group[i++] = 1000 + t;
        // shuffle rows so groups are not contiguous
        for (int a = n - 1; a > 0; a--) { int b = r.nextInt(a + 1); int tmp = group[a]; group[a] = group[b]; group[b] = tmp; }
        int[] fold = Folds.byGroup(group, k, seed);
        Map<Integer, Integer> foldOf = new HashMap<>();
        int[] size = new int[k];
        for (int row = 0; row < n; row++) {
            Integer prev = foldOf.putIfAbsent(group[row], fold[row]);
            if (prev != null) assertEquals(prev.intValue(), fold[row], "trace " + group[row] + " in two folds");
            size[fold[row]]++;
        }
        for (int s : size) assertTrue(s > 0, "empty fold");
    }

    @Property(tries = 20)
    void crossValidationPredictsEveryRowOnceFromOtherFolds(@ForAll @IntRange(min = 20, max = 80) int n, @ForAll long seed) {
        double[][] x = new double[n][1];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) { x[i][0] = i; y[i] = 2 * i + 1; }
        int[] fold = Folds.byRow(n, 5, seed);
        CrossValidation.Result r = CrossValidation.run(new LinearRegression(), "row", x, y, fold, 5, 1);
        for (int i = 0; i < n; i++) assertEquals(y[i], r.outOfFold()[i], 1e-8);
        assertEquals(1.0, r.mean().r2(), 1e-12);
    }
}
