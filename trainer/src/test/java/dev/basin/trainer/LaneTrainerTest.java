package dev.basin.trainer;

import dev.basin.kernels.Activation;
import dev.basin.kernels.KernelProvider;
import dev.basin.kernels.LaneKernelProvider;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The lock-step lane trainer against (a) itself on the scalar reference kernels and on 2 threads:
 * bitwise; (b) each run trained alone by {@link Trainer}: bitwise parameters when the trainer's
 * kernels are the scalar ones (the surefire run with -Dbasin.kernels=scalar), else within 1e-5;
 * and the same status and epoch count except where a loss lies within float rounding of the
 * tolerance (at most 1% of runs).
 */
class LaneTrainerTest {

    static long[] seeds(int n, long base) {
        long[] s = new long[n];
        for (int i = 0; i < n; i++) s[i] = base + i;
        return s;
    }

    static void sameBits(RunResult a, RunResult b) {
        assertEquals(a.status(), b.status(), "run " + a.run());
        assertEquals(a.epochs(), b.epochs(), "run " + a.run());
        assertArrayEquals(a.finalParams(), b.finalParams(), "run " + a.run());
        assertEquals(a.finalLoss(), b.finalLoss(), 0.0, "run " + a.run());
    }

    @Test
    void simdScalarAndThreadCountsGiveBitwiseIdenticalRuns() {
        LaneTrainer simd = new LaneTrainer(Architecture.abs(2), DataSets.centeredXor(), TrainConfig.seed004());
        LaneTrainer ref = new LaneTrainer(Architecture.abs(2), DataSets.centeredXor(), TrainConfig.seed004(), LaneKernelProvider.scalar());
        long[] s = seeds(3000, 11);
        List<RunResult> a = simd.run(s, 1), b = simd.run(s, 2), c = ref.run(s, 1);
        for (int i = 0; i < s.length; i++) {
            assertEquals(i, a.get(i).run());
            assertEquals(s[i], a.get(i).seed());
            sameBits(a.get(i), b.get(i));
            sameBits(a.get(i), c.get(i));
        }
    }

    @Test
    void seed004LanesEqualRunsTrainedAlone() {
        compareWithTrainer(Architecture.abs(2), DataSets.centeredXor(), TrainConfig.seed004(), 1000);
    }

    @Test
    void mlpLanesEqualRunsTrainedAlone() {
        DataSet r = DataSets.randomPoints(64, 2, 3);
        double[] x = r.xCopy(), t = new double[64];
        for (int i = 0; i < 64; i++) t[i] = Math.abs(x[2 * i]) + 0.5 * x[2 * i + 1];   // a target the nets can fit
        DataSet d = new DataSet("fit", 64, 2, x, t);
        TrainConfig cfg = TrainConfig.defaults(Loss.MSE, 0.1).withMaxEpochs(300).withLossTolerance(0.05);
        for (Activation act : new Activation[]{Activation.RELU, Activation.TANH, Activation.ABS}) {
            compareWithTrainer(Architecture.mlp(act, 2, 16, 1), d, cfg, 40);
        }
    }

    static void compareWithTrainer(Architecture arch, DataSet data, TrainConfig cfg, int runs) {
        List<RunResult> lanes = new LaneTrainer(arch, data, cfg).run(seeds(runs, 500), 2);
        Trainer alone = new Trainer(arch, data, cfg);
        boolean bitwise = !KernelProvider.isVectorized();
        int epochMismatch = 0, converged = 0;
        for (int i = 0; i < runs; i++) {
            RunResult a = alone.run(i, 500 + i, null), l = lanes.get(i);
            assertArrayEquals(a.initialParams(), l.initialParams(), "same initialisation, run " + i);
            if (a.epochs() != l.epochs() || a.status() != l.status()) {
                epochMismatch++;
                assertTrue(Math.abs(a.finalLoss() - cfg.lossTolerance()) < 1e-6 * cfg.lossTolerance() + 1e-9
                        || Math.abs(l.finalLoss() - cfg.lossTolerance()) < 1e-6, "run " + i + ": " + a + " vs " + l);
                continue;
            }
            if (a.status() == Status.CONVERGED) converged++;
            for (int q = 0; q < a.finalParams().length; q++) {
                if (bitwise) assertEquals(a.finalParams()[q], l.finalParams()[q], 0.0, "run " + i + " p" + q);
                else assertEquals(a.finalParams()[q], l.finalParams()[q], 1e-5 * Math.max(1, Math.abs(a.finalParams()[q])), "run " + i + " p" + q);
            }
            assertEquals(a.finalLoss(), l.finalLoss(), 1e-5 * Math.max(a.finalLoss(), 1e-3));
        }
        assertTrue(epochMismatch <= runs / 100, epochMismatch + " of " + runs + " runs stopped at another epoch");
        System.out.println(arch.name() + ": " + converged + " of " + runs + " converged, " + epochMismatch + " stopped at another epoch");
        assertTrue(converged > 0, "no run converged: the comparison saw only capped runs");
    }

    @Test
    void aDivergingLearningRateRetiresLanesAsDiverged() {
        TrainConfig cfg = TrainConfig.seed004().withLearningRate(5.0).withMaxEpochs(100_000);
        List<RunResult> r = new LaneTrainer(Architecture.abs(2), DataSets.centeredXor(), cfg).run(seeds(100, 1), 1);
        long diverged = r.stream().filter(x -> x.status() == Status.DIVERGED).count();
        assertTrue(diverged > 50, diverged + " diverged");
        for (RunResult x : r) assertTrue(x.epochs() < 100_000);
    }

    @Test
    void unsupportedSetupsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new LaneTrainer(Architecture.mlp(Activation.RELU, 2, 4, 4, 1), DataSets.randomPoints(4, 2, 1), TrainConfig.seed004()));
        assertThrows(IllegalArgumentException.class, () -> new LaneTrainer(Architecture.abs(2), DataSets.centeredXor(), TrainConfig.seed004().withMomentum(0.5)));
    }

    @Test
    void laneTracesMatchTracesOfRunsTrainedAlone() {
        TrainConfig cfg = TrainConfig.seed004().withTraceEvery(3);
        MemoryTraceSink lanes = new MemoryTraceSink(), alone = new MemoryTraceSink();
        List<RunResult> r = new LaneTrainer(Architecture.abs(2), DataSets.centeredXor(), cfg).run(seeds(40, 0), 2, lanes);
        Trainer t = new Trainer(Architecture.abs(2), DataSets.centeredXor(), cfg);
        for (int i = 0; i < 40; i++) t.run(i, i, alone);
        for (int i = 0; i < 40; i++) {
            Trace a = alone.traces().get(i), l = lanes.traces().get(i);
            assertEquals(i, l.spec().run());
            assertSame(r.get(i), l.result());
            assertEquals(a.size(), l.size(), "run " + i);
            for (int k = 0; k < a.size(); k++) {
                assertEquals(a.epoch(k), l.epoch(k));
                assertEquals(a.loss(k), l.loss(k), 1e-6 * Math.max(1, a.loss(k)));
                for (int q = 0; q < 3; q++) assertEquals(a.param(k, q), l.param(k, q), 1e-5 * Math.max(1, Math.abs(a.param(k, q))));
            }
        }
    }
}
