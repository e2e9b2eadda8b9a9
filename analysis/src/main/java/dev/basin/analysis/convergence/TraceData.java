package dev.basin.analysis.convergence;

/**
 * One run's recorded states, independent of the trainer's classes: state i was recorded after
 * {@code epochs[i]} epochs, with that loss, gradient norm and parameter vector. The last state is
 * where the run ended, and {@code status} says why (CONVERGED, CRITICAL, MAX_EPOCHS, DIVERGED).
 */
public record TraceData(int run, long seed, String status, int[] epochs, double[] loss, double[] gradNorm, double[][] params) {

    public TraceData {
        int n = epochs.length;
        if (n == 0 || loss.length != n || gradNorm.length != n || params.length != n) {
            throw new IllegalArgumentException("trace " + run + ": epochs, loss, gradNorm and params must have the same non-zero length");
        }
    }

    public int states() { return epochs.length; }

    public int finalEpoch() { return epochs[epochs.length - 1]; }

    public double[] finalParams() { return params[params.length - 1]; }

    public boolean converged() { return "CONVERGED".equals(status); }
}
