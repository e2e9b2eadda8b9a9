package dev.basin.trainer;

/**
 * One run: an id, the seed (initialisation from SplittableRandom(seed); mini-batch order from
 * SplittableRandom(seed mixed)), the model, the data and the training configuration. It travels
 * with the run's trace and result.
 */
public record RunSpec(int run, long seed, Architecture architecture, DataSet data, TrainConfig config) {
    public RunSpec {
        if (architecture == null || data == null || config == null) throw new IllegalArgumentException("run " + run + ": architecture, data and config are required");
    }
}
