package dev.basin.trainer;

/**
 * How a run ended. {@code epochs} is the number of epochs trained (updates, for full batch):
 * the final loss, gradient norm and parameters are those at that point, evaluated on the whole
 * data set. Parameters follow {@link Network}'s layout.
 */
public record RunResult(RunSpec spec, Status status, int epochs, double initialLoss, double finalLoss,
                        double finalGradNorm, double[] initialParams, double[] finalParams) {

    public int run() { return spec.run(); }

    public long seed() { return spec.seed(); }
}
