package dev.basin.trainer;

import dev.basin.kernels.Activation;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** After warm-up a training step allocates nothing: measured with the JVM's per-thread allocation counter. */
class ZeroAllocationTest {

    static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    static long allocatedBytes() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    /** Bytes allocated by n steps, less what reading the counter itself costs. */
    static long bytesFor(Trainer tr, int steps) {
        long b0 = allocatedBytes();
        long b1 = allocatedBytes();
        for (int i = 0; i < steps; i++) { tr.evaluate(); tr.trainEpoch(); }
        long b2 = allocatedBytes();
        return (b2 - b1) - (b1 - b0);
    }

    /**
     * Warms up until a window of 1,000 steps allocates nothing (C2 must have compiled the kernels:
     * before that the Vector API boxes its vectors; on a busy machine that takes a variable time),
     * giving up after 30 s; then measures 10,000 steps.
     */
    static long bytesFor10kSteps(Trainer tr) {
        tr.network().initialize(1);
        tr.reset(1);
        long deadline = System.nanoTime() + 30_000_000_000L;
        for (int i = 0; i < 20 || (bytesFor(tr, 1_000) != 0 && System.nanoTime() < deadline); i++) {
            bytesFor(tr, 1_000);
        }
        tr.network().initialize(1);
        return bytesFor(tr, 10_000);
    }

    @Test
    void fullBatchMlpStepAllocatesZeroBytes() {
        Trainer tr = new Trainer(Architecture.mlp(Activation.RELU, 2, 16, 1), DataSets.randomPoints(64, 2, 1),
                TrainConfig.defaults(Loss.MSE, 1e-3));
        assertTrue(tr.network().fused());
        assertEquals(0, bytesFor10kSteps(tr));
    }

    /** The same kind of MLP through the generic layer loops (two hidden layers: what every other architecture runs). */
    @Test
    void genericMlpStepAllocatesZeroBytes() {
        Trainer tr = new Trainer(Architecture.mlp(Activation.RELU, 2, 16, 16, 1), DataSets.randomPoints(64, 2, 1),
                TrainConfig.defaults(Loss.MSE, 1e-3));
        assertFalse(tr.network().fused());
        assertEquals(0, bytesFor10kSteps(tr));
    }

    /** The fused one-hidden-layer kernel (the MLP step above takes it too): a wide float tanh net and a float64 sigmoid one. */
    @Test
    void fusedStepsAllocateZeroBytes() {
        Trainer tanh = new Trainer(Architecture.mlp(Activation.TANH, 2, 1024, 1), DataSets.randomPoints(64, 2, 1),
                TrainConfig.defaults(Loss.MSE, 1e-4));
        assertTrue(tanh.network().fused());
        assertEquals(0, bytesFor10kSteps(tanh));
        Trainer sigmoid = new Trainer(Architecture.mlp(Activation.SIGMOID, 3, 37, 1), DataSets.randomPoints(20, 3, 2),
                TrainConfig.defaults(Loss.SSE, 1e-4).withPrecision(Precision.F64));
        assertTrue(sigmoid.network().fused());
        assertEquals(0, bytesFor10kSteps(sigmoid));
    }

    @Test
    void seed004ModelStepAllocatesZeroBytes() {
        assertEquals(0, bytesFor10kSteps(new Trainer(Architecture.abs(2), DataSets.centeredXor(), TrainConfig.seed004().withLearningRate(1e-4))));
    }

    @Test
    void miniBatchMomentumFloat64ThreeStageStepAllocatesZeroBytes() {
        DataSet feats = FeatureMap.random(2, 12, Activation.TANH, 2).apply(DataSets.randomPoints(12, 2, 3));
        Trainer tr = new Trainer(Architecture.threeStage(12, 4, true, Activation.SIGMOID, false, Init.UNIFORM_FAN_IN, 5, 1), feats,
                TrainConfig.defaults(Loss.SSE, 1e-4).withBatchSize(5).withMomentum(0.5).withPrecision(Precision.F64));
        assertEquals(0, bytesFor10kSteps(tr));
    }
}
