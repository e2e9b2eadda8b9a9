package dev.basin.analysis.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.basin.kernels.Activation;
import dev.basin.kernels.JacobianKernels;
import dev.basin.trainer.Architecture;
import dev.basin.trainer.Buf;
import dev.basin.trainer.Init;
import dev.basin.trainer.Network;
import dev.basin.trainer.Precision;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bridge from the trainer's buffers: outputs and Jacobian rows equal the trainer's own. */
class NetPointTest {

    static void compareWithTrainer(Architecture arch, long seed, int d) {
        Network net = new Network(arch, Precision.F64, d);
        net.initialize(seed);
        Random r = new Random(seed);
        double[] x = MatrixRankTest.gaussian(r, d * arch.inputs());
        Buf xb = Buf.allocate(Precision.F64, x.length);
        xb.copyFrom(x, 0, 0, x.length);
        NetPoint point = NetPoint.of(arch, net.paramsCopy(), seed);
        int cols = point.columns();
        assertEquals(net.numParams(), cols);
        double[] j = new double[d * cols], out = new double[d];
        JacobianKernels.dense(point.net(), d, x, 0, arch.inputs(), point.params(), 0, j, 0, cols, out, 0, 0, null, 0, 0,
                new double[point.net().workSize()]);
        for (int s = 0; s < d; s++) {
            net.outputGradient(xb, 0, d, s, 0);
            assertEquals(net.work().get(net.outputOffset() + s), out[s], 1e-13, arch.name() + " output " + s);
            for (int c = 0; c < cols; c++) {
                assertEquals(net.grads().get(c), j[s * cols + c], 1e-12, arch.name() + " J[" + s + "," + c + "]");
            }
        }
    }

    @Test
    void mlpMatchesTrainer() {
        compareWithTrainer(Architecture.mlp(Activation.TANH, 3, 7, 1), 1, 6);
        compareWithTrainer(Architecture.mlp(Activation.RELU, 2, 5, 4, 1), 2, 5);
    }

    @Test
    void threeStageWithFrozenNn3MatchesTrainer() {
        Architecture arch = Architecture.threeStage(6, 3, true, Activation.SIGMOID, false, Init.NORMAL_FAN_IN, 4, 1);
        compareWithTrainer(arch, 3, 5);
        NetPoint p = NetPoint.of(arch, new Network(arch, Precision.F64, 1).paramsCopy(), 3);
        assertEquals(0, p.nn2());
    }
}
