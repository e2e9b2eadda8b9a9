package dev.basin.trainer;

/**
 * Receives a run's trace: {@link #begin} once, {@link #record} per recorded epoch (the params
 * array is only valid during the call: copy it to keep it), {@link #end} once. A sink given to a
 * {@link Sweep} is called from one thread, run after run in run order.
 */
public interface TraceSink {

    default void begin(RunSpec spec, int numParams) {}

    void record(int run, int epoch, double loss, double gradNorm, double[] params);

    default void end(RunResult result) {}

    /** A sink that keeps nothing. */
    TraceSink NONE = (run, epoch, loss, gradNorm, params) -> {};
}
