package dev.basin.trainer;

import java.util.ArrayList;
import java.util.List;

/** Keeps every trace in memory, in the order the runs began. Not thread-safe (a Sweep calls it from one thread). */
public final class MemoryTraceSink implements TraceSink {

    private final List<Trace> traces = new ArrayList<>();
    private Trace current;

    @Override
    public void begin(RunSpec spec, int numParams) {
        current = new Trace(spec, numParams);
        traces.add(current);
    }

    @Override
    public void record(int run, int epoch, double loss, double gradNorm, double[] params) {
        if (current == null || current.spec().run() != run) throw new IllegalStateException("record for run " + run + " without begin");
        current.add(epoch, loss, gradNorm, params);
    }

    @Override
    public void end(RunResult result) {
        current.finish(result);
        current = null;
    }

    public List<Trace> traces() { return List.copyOf(traces); }
}
