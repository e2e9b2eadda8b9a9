package dev.basin.trainer;

/**
 * How to train: loss, SGD settings and stop rules. Immutable; {@code with…} methods give changed
 * copies. An epoch is one pass over the data: one full-batch step, or ⌈D/batch⌉ mini-batch steps
 * over a permutation drawn from the run's seed.
 *
 * @param loss              the training loss
 * @param learningRate      SGD step size
 * @param momentum          0 for vanilla SGD (the seeds' setting); else PyTorch-style v = μv + g, p −= lr·v
 * @param batchSize         0 for full batch, else the mini-batch size
 * @param maxEpochs         cap on epochs (updates, for full batch)
 * @param lossTolerance     stop CONVERGED when loss &lt; this
 * @param gradTolerance     stop CRITICAL when ‖∇loss‖ ≤ this (negative disables)
 * @param divergenceFactor  stop DIVERGED when loss &gt; this · max(initial loss, 1)
 * @param traceEvery        record every k-th epoch (the first and last are always recorded)
 * @param precision         F32 (default) or F64
 */
public record TrainConfig(Loss loss, double learningRate, double momentum, int batchSize, int maxEpochs,
                          double lossTolerance, double gradTolerance, double divergenceFactor,
                          int traceEvery, Precision precision) {

    public TrainConfig {
        if (loss == null || precision == null) throw new IllegalArgumentException("loss and precision are required");
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) throw new IllegalArgumentException("learning rate must be positive and finite, got " + learningRate);
        if (!(momentum >= 0 && momentum < 1)) throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        if (batchSize < 0) throw new IllegalArgumentException("batch size must be ≥ 0 (0 = full batch), got " + batchSize);
        if (maxEpochs < 0) throw new IllegalArgumentException("max epochs must be ≥ 0, got " + maxEpochs);
        if (Double.isNaN(lossTolerance) || Double.isNaN(gradTolerance)) throw new IllegalArgumentException("tolerances must not be NaN");
        if (!(divergenceFactor > 1)) throw new IllegalArgumentException("divergence factor must be > 1, got " + divergenceFactor);
        if (traceEvery < 1) throw new IllegalArgumentException("trace interval must be ≥ 1, got " + traceEvery);
    }

    /** Seed 004's setting: MSE over the four XOR points, lr 0.05, to loss &lt; 1e-3, at most 1,000 epochs. */
    public static TrainConfig seed004() {
        return defaults(Loss.MSE, 0.05).withMaxEpochs(1000).withLossTolerance(1e-3);
    }

    /** Full-batch vanilla SGD, float32, 1,000 epochs, loss tolerance 0 (off), ε = 0, divergence factor 1e6. */
    public static TrainConfig defaults(Loss loss, double lr) {
        return new TrainConfig(loss, lr, 0.0, 0, 1000, 0.0, 0.0, 1e6, 1, Precision.F32);
    }

    public TrainConfig withLoss(Loss v) { return new TrainConfig(v, learningRate, momentum, batchSize, maxEpochs, lossTolerance, gradTolerance, divergenceFactor, traceEvery, precision); }
    public TrainConfig withLearningRate(double v) { return new TrainConfig(loss, v, momentum, batchSize, maxEpochs, lossTolerance, gradTolerance, divergenceFactor, traceEvery, precision); }
    public TrainConfig withMomentum(double v) { return new TrainConfig(loss, learningRate, v, batchSize, maxEpochs, lossTolerance, gradTolerance, divergenceFactor, traceEvery, precision); }
    public TrainConfig withBatchSize(int v) { return new TrainConfig(loss, learningRate, momentum, v, maxEpochs, lossTolerance, gradTolerance, divergenceFactor, traceEvery, precision); }
    public TrainConfig withMaxEpochs(int v) { return new TrainConfig(loss, learningRate, momentum, batchSize, v, lossTolerance, gradTolerance, divergenceFactor, traceEvery, precision); }
    public TrainConfig withLossTolerance(double v) { return new TrainConfig(loss, learningRate, momentum, batchSize, maxEpochs, v, gradTolerance, divergenceFactor, traceEvery, precision); }
    public TrainConfig withGradTolerance(double v) { return new TrainConfig(loss, learningRate, momentum, batchSize, maxEpochs, lossTolerance, v, divergenceFactor, traceEvery, precision); }
    public TrainConfig withDivergenceFactor(double v) { return new TrainConfig(loss, learningRate, momentum, batchSize, maxEpochs, lossTolerance, gradTolerance, v, traceEvery, precision); }
    public TrainConfig withTraceEvery(int v) { return new TrainConfig(loss, learningRate, momentum, batchSize, maxEpochs, lossTolerance, gradTolerance, divergenceFactor, v, precision); }
    public TrainConfig withPrecision(Precision v) { return new TrainConfig(loss, learningRate, momentum, batchSize, maxEpochs, lossTolerance, gradTolerance, divergenceFactor, traceEvery, v); }
}
