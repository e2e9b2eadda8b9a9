package dev.basin.trainer;

import dev.basin.kernels.Activation;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every model × hidden activation × loss: the backward pass in float64 against central finite
 * differences (h = 1e-6), as PyTorch's gradcheck. Pass: ‖g − fd‖ / max(‖g‖, ‖fd‖, 1e-12) &lt; 1e-6.
 * Cross-entropy needs several outputs, so it runs on the multi-output models; seed 004's single
 * output |w·x + b| runs with the two squared losses. The one-hidden-layer nets with one linear
 * output under SSE and MSE run the fused kernel ({@link Network#fused()}), so it is checked for
 * every activation, at fan-in 1, 2, 3 and 8 and with hidden widths that leave vector tails.
 */
class GradientCheckTest {

    static final double H = 1e-6;

    @TestFactory
    List<DynamicTest> everyModelActivationLoss() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Loss loss : new Loss[]{Loss.SSE, Loss.MSE}) {
            tests.add(check("abs-2 " + loss, Architecture.abs(2), DataSets.centeredXor(), loss, 11));
            tests.add(check("abs-5 " + loss, Architecture.abs(5), DataSets.randomPoints(7, 5, 3), loss, 12));
        }
        for (Activation act : Activation.values()) {
            for (Loss loss : Loss.values()) {
                int out = loss == Loss.SOFTMAX_CE ? 3 : 2;
                DataSet d = data(9, 3, out, loss, 21);
                tests.add(check("mlp 3-5-4-" + out + " " + act + " " + loss,
                        Architecture.mlp(act, 3, 5, 4, out), d, loss, 31));
                if (loss != Loss.SOFTMAX_CE) {
                    // 3-6-1 and the rest are one-hidden-layer, single linear output: the fused kernel's path
                    // (asserted below); 37 hidden units leave a vector tail at every width, fan-in 1 and 8 are its ends.
                    tests.add(check("mlp 3-6-1 " + act + " " + loss, Architecture.mlp(act, 3, 6, 1), data(8, 3, 1, loss, 22), loss, 32));
                    tests.add(check("fused mlp 2-37-1 " + act + " " + loss, Architecture.mlp(act, 2, 37, 1), data(13, 2, 1, loss, 24), loss, 34));
                    tests.add(check("fused mlp 1-20-1 " + act + " " + loss, Architecture.mlp(act, 1, 20, 1), data(9, 1, 1, loss, 25), loss, 35));
                    tests.add(check("fused mlp 8-19-1 " + act + " " + loss, Architecture.mlp(act, 8, 19, 1), data(11, 8, 1, loss, 26), loss, 36));
                }
                for (boolean nn3Trainable : new boolean[]{false, true}) {
                    DataSet feats = FeatureMap.random(2, 10, Activation.TANH, 5).apply(data(8, 2, out, loss, 23));
                    tests.add(check("three-stage 10-4-[" + act + "]-6-" + out + (nn3Trainable ? " trainable" : " frozen") + " " + loss,
                            Architecture.threeStage(10, 4, true, act, nn3Trainable, Init.UNIFORM_FAN_IN, 6, out), feats, loss, 33));
                }
            }
        }
        return tests;
    }

    static DataSet data(int d, int n, int out, Loss loss, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[d * n];
        for (int i = 0; i < x.length; i++) x[i] = rng.nextGaussian();
        double[] t;
        if (loss == Loss.SOFTMAX_CE) {
            t = new double[d];
            for (int i = 0; i < d; i++) t[i] = rng.nextInt(out);
        } else {
            t = new double[d * out];
            for (int i = 0; i < t.length; i++) t[i] = rng.nextGaussian();
        }
        return new DataSet("check", d, n, t.length / d, x, t, null, null);
    }

    static DynamicTest check(String name, Architecture arch, DataSet data, Loss loss, long seed) {
        return DynamicTest.dynamicTest(name, () -> {
            Trainer tr = new Trainer(arch, data, TrainConfig.defaults(loss, 0.1).withPrecision(Precision.F64));
            Network net = tr.network();
            if (name.startsWith("fused") || name.startsWith("mlp 3-6-1")) {
                assertTrue(net.fused(), name + " should run the fused kernel");
            }
            net.initialize(seed);
            tr.evaluate();
            int p = net.numParams();
            double[] g = new double[p];
            net.grads().copyTo(0, g, 0, p);
            double[] w = net.paramsCopy();
            double[] fd = new double[p];
            for (int i = 0; i < p; i++) {
                double keep = w[i];
                w[i] = keep + H; net.setParams(w); double up = tr.evaluate();
                w[i] = keep - H; net.setParams(w); double dn = tr.evaluate();
                w[i] = keep;
                fd[i] = (up - dn) / (2 * H);
            }
            net.setParams(w);
            double diff = 0, ng = 0, nf = 0;
            for (int i = 0; i < p; i++) {
                diff += (g[i] - fd[i]) * (g[i] - fd[i]);
                ng += g[i] * g[i];
                nf += fd[i] * fd[i];
            }
            double rel = Math.sqrt(diff) / Math.max(Math.max(Math.sqrt(ng), Math.sqrt(nf)), 1e-12);
            assertTrue(rel < 1e-6, name + ": relative error " + rel + " (|g| = " + Math.sqrt(ng) + ")");
            assertTrue(Math.sqrt(ng) > 0, name + ": gradient is zero, the check proves nothing");
        });
    }
}
