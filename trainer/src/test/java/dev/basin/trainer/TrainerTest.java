package dev.basin.trainer;

import dev.basin.kernels.Activation;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class TrainerTest {

    @Test
    void seed004ModelConvergesOnXorFromSomeSeedsAndRecordsEveryEpoch() {
        Trainer tr = new Trainer(Architecture.abs(2), DataSets.centeredXor(), TrainConfig.seed004());
        int converged = 0;
        for (int s = 0; s < 50; s++) {
            MemoryTraceSink sink = new MemoryTraceSink();
            RunResult r = tr.run(s, s, sink);
            Trace trace = sink.traces().getFirst();
            assertEquals(r.epochs() + 1, trace.size(), "every epoch 0..end recorded");
            assertEquals(r.finalLoss(), trace.loss(trace.size() - 1));
            assertArrayEquals(r.finalParams(), trace.params(trace.size() - 1));
            assertSame(r, trace.result());
            if (r.status() == Status.CONVERGED) {
                converged++;
                assertTrue(r.finalLoss() < 1e-3);
                assertTrue(trace.loss(trace.size() - 2) >= 1e-3, "stops at the first epoch under the tolerance");
            } else {
                assertTrue(r.status() == Status.MAX_EPOCHS || r.status() == Status.CRITICAL, r.status().toString());
            }
        }
        assertTrue(converged > 10 && converged < 50, "converged " + converged + " of 50");
    }

    @Test
    void aDivergingLearningRateEndsDivergedWithItsTraceAndNeverThrows() {
        Trainer tr = new Trainer(Architecture.mlp(Activation.TANH, 2, 8, 1), DataSets.randomPoints(16, 2, 1),
                TrainConfig.defaults(Loss.SSE, 50.0).withMaxEpochs(100_000));
        MemoryTraceSink sink = new MemoryTraceSink();
        RunResult r = tr.run(0, 7, sink);
        assertEquals(Status.DIVERGED, r.status());
        assertTrue(r.epochs() < 1000, "detected early, at epoch " + r.epochs());
        Trace t = sink.traces().getFirst();
        assertEquals(r.epochs(), t.epoch(t.size() - 1));
        double last = r.finalLoss();
        assertTrue(!Double.isFinite(last) || last > 1e6 * Math.max(r.initialLoss(), 1));
    }

    @Test
    void nanParametersEndDiverged() {
        Trainer tr = new Trainer(Architecture.abs(2), DataSets.centeredXor(), TrainConfig.seed004());
        tr.network().setParams(new double[]{Double.NaN, 0, 0});
        RunResult r = tr.train(new RunSpec(0, 0, tr.network().architecture(), tr.data(), tr.config()), null);
        assertEquals(Status.DIVERGED, r.status());
        assertEquals(0, r.epochs());
    }

    @Test
    void maxEpochsAndCriticalStops() {
        TrainConfig cfg = TrainConfig.defaults(Loss.MSE, 0.01).withMaxEpochs(7).withGradTolerance(-1);
        RunResult r = new Trainer(Architecture.mlp(Activation.RELU, 2, 4, 1), DataSets.randomPoints(10, 2, 2), cfg).run(0, 1, null);
        assertEquals(Status.MAX_EPOCHS, r.status());
        assertEquals(7, r.epochs());
        // all-zero start of a ReLU net: every hidden unit dead, only the output bias moves; ε large stops at once
        Trainer tr = new Trainer(new Architecture("zero", Architecture.mlp(Activation.RELU, 2, 4, 1).layers(), Init.ZERO),
                DataSets.randomPoints(10, 2, 2), cfg.withMaxEpochs(100).withGradTolerance(1e9));
        assertEquals(Status.CRITICAL, tr.run(0, 1, null).status());
    }

    @Test
    void traceEveryKthEpochKeepsFirstAndLast() {
        Trainer tr = new Trainer(Architecture.mlp(Activation.TANH, 2, 8, 1), DataSets.randomPoints(16, 2, 1),
                TrainConfig.defaults(Loss.MSE, 0.05).withMaxEpochs(23).withTraceEvery(5));
        MemoryTraceSink sink = new MemoryTraceSink();
        tr.run(0, 3, sink);
        Trace t = sink.traces().getFirst();
        int[] expect = {0, 5, 10, 15, 20, 23};
        assertEquals(expect.length, t.size());
        for (int i = 0; i < expect.length; i++) assertEquals(expect[i], t.epoch(i));
    }

    @Test
    void float32AndFloat64AgreeOnASmoothModel() {
        TrainConfig cfg = TrainConfig.defaults(Loss.MSE, 0.05).withMaxEpochs(200);
        Architecture a = Architecture.mlp(Activation.TANH, 2, 8, 1);
        DataSet d = DataSets.randomPoints(16, 2, 1);
        RunResult f = new Trainer(a, d, cfg).run(0, 9, null);
        RunResult g = new Trainer(a, d, cfg.withPrecision(Precision.F64)).run(0, 9, null);
        assertEquals(g.finalLoss(), f.finalLoss(), 1e-4 * g.finalLoss() + 1e-6);
        for (int i = 0; i < f.finalParams().length; i++) assertEquals(g.finalParams()[i], f.finalParams()[i], 1e-3);
    }

    @Test
    void miniBatchesAndMomentumAreReproducibleFromTheSeedAndReduceTheLoss() {
        TrainConfig cfg = TrainConfig.defaults(Loss.MSE, 0.02).withBatchSize(5).withMomentum(0.9).withMaxEpochs(100);
        Architecture a = Architecture.mlp(Activation.RELU, 3, 16, 1);
        DataSet d = DataSets.randomPoints(23, 3, 4);
        RunResult r1 = new Trainer(a, d, cfg).run(0, 42, null);
        Trainer tr = new Trainer(a, d, cfg);
        tr.run(0, 1, null);                       // another run first: buffers are reset per run
        RunResult r2 = tr.run(0, 42, null);
        assertArrayEquals(r1.finalParams(), r2.finalParams());
        assertTrue(r1.finalLoss() < 0.7 * r1.initialLoss(), r1.initialLoss() + " → " + r1.finalLoss());
        RunResult other = new Trainer(a, d, cfg).run(0, 43, null);
        assertFalse(java.util.Arrays.equals(r1.finalParams(), other.finalParams()));
    }

    @Test
    void crossEntropyLearnsASeparableProblem() {
        double[] x = {-2, 0, -1.5, 0.5, 2, 0, 1.5, -0.5, 0, 2, 0.5, 1.5};
        double[] t = {0, 0, 1, 1, 2, 2};
        DataSet d = new DataSet("three", 6, 2, 1, x, t, null, null);
        RunResult r = new Trainer(Architecture.mlp(Activation.TANH, 2, 8, 3), d,
                TrainConfig.defaults(Loss.SOFTMAX_CE, 0.5).withMaxEpochs(2000).withLossTolerance(0.05)).run(0, 1, null);
        assertEquals(Status.CONVERGED, r.status());
    }

    @Test
    void mismatchedDataIsRejectedWithItsName() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(Architecture.abs(3), DataSets.centeredXor(), TrainConfig.seed004()));
        assertTrue(e.getMessage().contains("centered-xor"), e.getMessage());
    }

    @Test
    void layoutIsPublicAndMatchesTheSeedsParameterNames() {
        Network n = new Network(Architecture.abs(2), Precision.F32, 4);
        assertEquals(3, n.numParams());
        assertEquals(0, n.weightOffset(0));
        assertEquals(2, n.biasOffset(0));
        n.setParams(new double[]{0.5, -1, 0.25});
        Buf x = DataSets.centeredXor().inputs(Precision.F32);
        n.forward(x, 0, 4);
        // |0.5·x0 − x1 + 0.25| at (−1,−1), (−1,1), (1,−1), (1,1)
        double[] expect = {0.75, 1.25, 1.75, 0.25};
        for (int d = 0; d < 4; d++) assertEquals(expect[d], n.work().get(n.outputOffset() + d), 1e-7);
    }

    @Test
    void outputGradientIsAJacobianRow() {
        Network n = new Network(Architecture.abs(2), Precision.F64, 4);
        n.setParams(new double[]{0.5, -1, 0.25});
        Buf x = DataSets.centeredXor().inputs(Precision.F64);
        n.outputGradient(x, 0, 4, 2, 0);           // d|w·x+b|/dp at x = (1, −1): sign = +1 → (1, −1, 1)
        assertEquals(1.0, n.grads().get(0));
        assertEquals(-1.0, n.grads().get(1));
        assertEquals(1.0, n.grads().get(2));
    }
}
