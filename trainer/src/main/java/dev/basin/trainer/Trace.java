package dev.basin.trainer;

import java.util.Arrays;

/** One run's recorded epochs, kept in memory: epoch, loss, gradient norm and all parameters. */
public final class Trace {

    private final RunSpec spec;
    private final int numParams;
    private int size;
    private int[] epochs = new int[16];
    private double[] loss = new double[16], gradNorm = new double[16];
    private double[] params;   // size × numParams row-major
    private RunResult result;

    public Trace(RunSpec spec, int numParams) {
        this.spec = spec;
        this.numParams = numParams;
        this.params = new double[16 * numParams];
    }

    void add(int epoch, double l, double g, double[] p) {
        if (size == epochs.length) {
            int cap = size * 2;
            epochs = Arrays.copyOf(epochs, cap);
            loss = Arrays.copyOf(loss, cap);
            gradNorm = Arrays.copyOf(gradNorm, cap);
            params = Arrays.copyOf(params, cap * numParams);
        }
        epochs[size] = epoch;
        loss[size] = l;
        gradNorm[size] = g;
        System.arraycopy(p, 0, params, size * numParams, numParams);
        size++;
    }

    void finish(RunResult r) { this.result = r; }

    public RunSpec spec() { return spec; }
    public int numParams() { return numParams; }
    /** Number of recorded rows. */
    public int size() { return size; }
    public int epoch(int i) { return epochs[i]; }
    public double loss(int i) { return loss[i]; }
    public double gradNorm(int i) { return gradNorm[i]; }
    public double param(int i, int p) { return params[i * numParams + p]; }
    public double[] params(int i) { return Arrays.copyOfRange(params, i * numParams, (i + 1) * numParams); }
    /** The run's result, once it ended. */
    public RunResult result() { return result; }

    /** Replays this trace into another sink. */
    public void replay(TraceSink sink) {
        sink.begin(spec, numParams);
        double[] p = new double[numParams];
        for (int i = 0; i < size; i++) {
            System.arraycopy(params, i * numParams, p, 0, numParams);
            sink.record(spec.run(), epochs[i], loss[i], gradNorm[i], p);
        }
        if (result != null) sink.end(result);
    }
}
