package dev.basin.bench;

import java.util.SplittableRandom;

/** Benchmark inputs: uniform in [-1, 1), half negative so sign-dependent branches are unpredictable. */
final class Data {

    private Data() {}

    static float[] floats(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (2 * r.nextDouble() - 1);
        return v;
    }

    static double[] doubles(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = 2 * r.nextDouble() - 1;
        return v;
    }

    static float[] negate(float[] v) {
        float[] w = new float[v.length];
        for (int i = 0; i < v.length; i++) w[i] = -v[i];
        return w;
    }

    static double[] negate(double[] v) {
        double[] w = new double[v.length];
        for (int i = 0; i < v.length; i++) w[i] = -v[i];
        return w;
    }
}
