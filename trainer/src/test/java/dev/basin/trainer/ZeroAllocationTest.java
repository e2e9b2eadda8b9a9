package dev.basin.trainer;

import dev.basin.kernels.Activation;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** After warm-up a training step allocates nothing: measured with the JVM's per-thread allocation counter. */
class ZeroAllocationTest {

    static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    static long allocatedBytes() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    static long bytesFor10kSteps(Trainer tr) {
        tr.network().initialize(1);
        tr.reset(1);
        for (int i = 0; i < 20_000; i++) { tr.evaluate(); tr.trainEpoch(); }   // warm-up: let C2 compile
        tr.network().initialize(1);
        long b0 = allocatedBytes();
        long b1 = allocatedBytes();                // b1 − b0: what reading the counter itself costs
        for (int i = 0; i < 10_000; i++) { tr.evaluate(); tr.trainEpoch(); }
        long b2 = allocatedBytes();
        return (b2 - b1) - (b1 - b0);
    }

    @Test
    void fullBatchMlpStepAllocatesZeroBytes() {
        Trainer tr = new Trainer(Architecture.mlp(Activation.RELU, 2, 16, 1), DataSets.randomPoints(64, 2, 1),
                TrainConfig.defaults(Loss.MSE, 1e-3));
        assertEquals(0, bytesFor10kSteps(tr));
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
