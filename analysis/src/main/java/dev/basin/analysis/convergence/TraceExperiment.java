package dev.basin.analysis.convergence;

import dev.basin.trainer.Architecture;
import dev.basin.trainer.DataSet;
import dev.basin.trainer.DataSets;
import dev.basin.trainer.MemoryTraceSink;
import dev.basin.trainer.Precision;
import dev.basin.trainer.RunSpec;
import dev.basin.trainer.Sweep;
import dev.basin.trainer.Trace;
import dev.basin.trainer.TrainConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Seed 004's traces: the model on centered XOR (inputs (±1, ±1), target 1 where the signs differ,
 * mean squared error over the 4 points), full-batch vanilla SGD from N(0, 1) initialisations in
 * float64, every epoch recorded. Runs are drawn with seeds base, base + 1, … in batches until
 * {@code wanted} of them converge (or {@code maxDraws} were drawn), so the feature table gets the
 * first {@code wanted} converged runs in seed order whatever the thread count; every draw is kept
 * for the non-convergence report.
 */
public final class TraceExperiment {

    private TraceExperiment() {}

    public record Settings(ModelSpec model, double learningRate, double lossTolerance, double gradTolerance,
                           int maxEpochs, long seed, int threads) {

        public TrainConfig config() {
            return TrainConfig.seed004().withLearningRate(learningRate).withLossTolerance(lossTolerance)
                    .withGradTolerance(gradTolerance).withMaxEpochs(maxEpochs).withPrecision(Precision.F64);
        }
    }

    public record Outcome(List<TraceData> all, List<TraceData> used, int wanted) {}

    public static Outcome run(Settings s, int wanted, int maxDraws, IntConsumer progress) {
        Architecture arch = s.model().architecture();
        DataSet data = DataSets.centeredXor();
        TrainConfig cfg = s.config();
        List<TraceData> all = new ArrayList<>(), used = new ArrayList<>();
        int drawn = 0;
        while (used.size() < wanted && drawn < maxDraws) {
            int batch = Math.min(maxDraws - drawn, Math.max(wanted - used.size(), 16));
            List<RunSpec> specs = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++) specs.add(new RunSpec(drawn + i, s.seed() + drawn + i, arch, data, cfg));
            MemoryTraceSink sink = new MemoryTraceSink();
            Sweep.run(specs, s.threads(), sink);
            for (Trace t : sink.traces()) {
                TraceData td = convert(t);
                all.add(td);
                if (td.converged() && used.size() < wanted) {
                    used.add(td);
                    progress.accept(1);
                }
            }
            drawn += batch;
        }
        return new Outcome(all, used, wanted);
    }

    static TraceData convert(Trace t) {
        int n = t.size();
        int[] ep = new int[n];
        double[] loss = new double[n], g = new double[n];
        double[][] p = new double[n][];
        for (int i = 0; i < n; i++) {
            ep[i] = t.epoch(i);
            loss[i] = t.loss(i);
            g[i] = t.gradNorm(i);
            p[i] = t.params(i);
        }
        return new TraceData(t.spec().run(), t.spec().seed(), t.result().status().name(), ep, loss, g, p);
    }
}
