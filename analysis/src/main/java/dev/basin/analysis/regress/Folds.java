package dev.basin.analysis.regress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * K-fold splits: by rows (shuffled, as scikit-learn's KFold(shuffle=True)), or grouped (every row of
 * one group — one trace — in the same fold, as GroupKFold: groups shuffled and dealt to the fold
 * with the fewest rows so far). Each fold is the test set once; the folds partition the rows.
 */
public final class Folds {

    private Folds() {}

    /** fold[i] ∈ [0, k) for each of n rows. */
    public static int[] byRow(int n, int k, long seed) {
        check(n, k);
        int[] perm = permutation(n, seed);
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) fold[perm[i]] = i % k;
        return fold;
    }

    /** fold[i] ∈ [0, k) for each row, equal for rows of the same group. */
    public static int[] byGroup(int[] group, int k, long seed) {
        Map<Integer, List<Integer>> rows = new LinkedHashMap<>();
        for (int i = 0; i < group.length; i++) rows.computeIfAbsent(group[i], g -> new ArrayList<>()).add(i);
        if (rows.size() < k) {
            throw new IllegalArgumentException(k + "-fold grouped cross-validation needs at least " + k + " traces, got " + rows.size());
        }
        List<List<Integer>> groups = new ArrayList<>(rows.values());
        int[] perm = permutation(groups.size(), seed);
        int[] size = new int[k];
        int[] fold = new int[group.length];
        for (int gi = 0; gi < groups.size(); gi++) {
            List<Integer> g = groups.get(perm[gi]);
            int best = 0;
            for (int f = 1; f < k; f++) if (size[f] < size[best]) best = f;
            for (int r : g) fold[r] = best;
            size[best] += g.size();
        }
        return fold;
    }

    private static void check(int n, int k) {
        if (k < 2) throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + k);
        if (n < k) throw new IllegalArgumentException(k + "-fold cross-validation needs at least " + k + " rows, got " + n);
    }

    static int[] permutation(int n, long seed) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i]; p[i] = p[j]; p[j] = t;
        }
        return p;
    }
}
