package dev.basin.analysis.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basin.kernels.Activation;
import dev.basin.kernels.JacobianNet;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;

class CertificateTest {

    /** Least-squares w2, b2 for fixed hidden features: the critical point of Error restricted to NN2. */
    static double[] solveOutputLayer(JacobianNet net, double[] p, double[] x, double[] y, int d) {
        int n = net.width(0), m = net.width(1);
        double[][] h = new double[d][m + 1];
        for (int s = 0; s < d; s++) {
            for (int i = 0; i < m; i++) {
                double z = p[net.biasOffset(0) + i];
                for (int t = 0; t < n; t++) z += p[net.weightOffset(0) + i * n + t] * x[s * n + t];
                h[s][i] = net.activation(0).apply(z);
            }
            h[s][m] = 1;
        }
        double[] sol = new SingularValueDecomposition(new Array2DRowRealMatrix(h, false)).getSolver()
                .solve(new ArrayRealVector(java.util.Arrays.copyOf(y, d))).toArray();
        double[] q = p.clone();
        System.arraycopy(sol, 0, q, net.weightOffset(1), m);
        q[net.biasOffset(1)] = sol[m];
        return q;
    }

    /** M ≥ D: the critical point of the output layer fits the data exactly, and the certificate says so. */
    @Test
    void constructedCriticalPointIsOptimal() {
        Random r = new Random(4);
        int d = 12, n = 2, m = 20;
        JacobianNet net = JacobianNet.dense(Activation.TANH, n, m, 1);
        double[] x = MatrixRankTest.gaussian(r, d * n), y = MatrixRankTest.gaussian(r, d);
        double[] p = solveOutputLayer(net, MatrixRankTest.gaussian(r, net.parameterCount()), x, y, d);
        PointAnalysis a = PointAnalysis.of(new NetPoint(net, p, 1), d, x, y, true);
        Certificate c = a.certificate();
        assertEquals(Certificate.Verdict.HOLDS, c.verdict());
        assertTrue(c.maxResidual() < 1e-12, "residual " + c.maxResidual());
        assertTrue(c.epsilon() < 1e-10, "ε " + c.epsilon());
        assertEquals(1.0, c.q(), 0.0);
        assertTrue(c.r() > 0);
        assertEquals(d, a.jacobian().rank());
    }

    /**
     * M &lt; D: the output layer's least-squares point is critical in w2, b2 but leaves residuals;
     * x' is dependent, so the certificate is vacuous — the theorem's hypothesis is what fails.
     */
    @Test
    void narrowCriticalPointIsVacuousNotViolated() {
        Random r = new Random(5);
        int d = 30, n = 2, m = 6;
        JacobianNet net = JacobianNet.dense(Activation.TANH, n, m, 1);
        double[] x = MatrixRankTest.gaussian(r, d * n), y = MatrixRankTest.gaussian(r, d);
        double[] p = solveOutputLayer(net, MatrixRankTest.gaussian(r, net.parameterCount()), x, y, d);
        PointAnalysis a = PointAnalysis.of(new NetPoint(net, p, 1), d, x, y, true);
        Certificate c = a.certificate();
        assertEquals(Certificate.Verdict.VACUOUS_DEPENDENT_FEATURES, c.verdict());
        assertEquals(0.0, c.r(), 0.0);
        assertTrue(c.maxResidual() > 0.1);
        assertEquals(m, a.features().rank());
    }

    /** The theorem is an inequality true at every w (critical or not) when r, q &gt; 0: it must always hold. */
    @Property(tries = 60)
    void holdsAtRandomPoints(@ForAll @IntRange(min = 1, max = 12) int d, @ForAll @IntRange(min = 0, max = 10) int extra,
                             @ForAll long seed) {
        Random r = new Random(seed);
        int n = 3, m = d + extra;
        Activation act = Activation.values()[Math.floorMod((int) seed, 3) + 3];   // leaky-relu, tanh, sigmoid
        JacobianNet net = JacobianNet.dense(act, n, m, 1);
        double[] x = MatrixRankTest.gaussian(r, d * n), y = MatrixRankTest.gaussian(r, d);
        double[] p = MatrixRankTest.gaussian(r, net.parameterCount());
        Certificate c = PointAnalysis.of(new NetPoint(net, p, 1), d, x, y, true).certificate();
        assertTrue(c.verdict() == Certificate.Verdict.HOLDS || c.verdict() == Certificate.Verdict.VACUOUS_DEPENDENT_FEATURES,
                c.verdict() + " bound " + c.bound() + " max residual " + c.maxResidual());
        if (c.verdict() == Certificate.Verdict.HOLDS) assertTrue(c.slack() >= -Certificate.SLACK * c.bound());
    }

    /** The three-stage machine with a sigmoid NN3: q is min ‖∇NN3(z_d)‖ and the bound holds. */
    @Test
    void threeStageMachineWithNonlinearNn3() {
        Random r = new Random(9);
        int d = 10, m = 14, mz = 3, h = 4;
        int[] widths = {m, mz, h, 1};
        Activation[] acts = {Activation.SIGMOID, Activation.SIGMOID, Activation.IDENTITY};
        int w0 = 0, b0 = m * mz, w1 = b0 + mz, b1 = w1 + mz * h, w2 = b1 + h, b2 = w2 + h;
        JacobianNet net = JacobianNet.of(widths, acts, new int[] {w0, w1, w2}, new int[] {b0, b1, b2},
                new int[] {w0, -1, -1}, new int[] {b0, -1, -1});
        double[] xp = MatrixRankTest.gaussian(r, d * m), y = MatrixRankTest.gaussian(r, d);
        double[] p = MatrixRankTest.gaussian(r, b2 + 1);
        PointAnalysis a = PointAnalysis.of(new NetPoint(net, p, 0), d, xp, y, true);
        Certificate c = a.certificate();
        assertEquals(Certificate.Verdict.HOLDS, c.verdict());
        assertTrue(c.q() > 0 && c.q() < 1, "q " + c.q());
        assertEquals(m * mz + mz, a.columns());
    }

    @Test
    void aTooSmallGradientIsReportedAsViolation() {
        Random r = new Random(3);
        int d = 5, m = 8;
        double[] feats = MatrixRankTest.gaussian(r, d * m), res = MatrixRankTest.gaussian(r, d);
        Certificate honest = Certificate.evaluate(d, feats, m, res, 10.0, null, 1);
        double needed = 2 * honest.r() * honest.maxResidual();      // the smallest ε the bound allows
        assertEquals(Certificate.Verdict.HOLDS, Certificate.evaluate(d, feats, m, res, needed * 1.001, null, 1).verdict());
        Certificate bad = Certificate.evaluate(d, feats, m, res, needed * 0.9, null, 1);
        assertEquals(Certificate.Verdict.VIOLATED, bad.verdict());
        assertTrue(bad.failures() >= 1);
        double[] flat = new double[d * 2];
        assertEquals(Certificate.Verdict.VACUOUS_FLAT_NN3, Certificate.evaluate(d, feats, m, res, 1.0, flat, 2).verdict());
    }
}
