package dev.basin.kernels;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * A digest of every kernel's output on fixed inputs (shapes with tails, every transpose,
 * activation and fan-in), one line {@code name=hex} per kernel, for {@link JitIndependenceTest}:
 * run once in an interpreter-only JVM and once after the kernels are compiled by C2, the two
 * must print the same bits. {@code main(warmPasses)} repeats the work that many times first.
 */
public final class KernelDigests {

    private final Map<String, Long> digests = new LinkedHashMap<>();
    private final Random random = new Random(20261203);

    private KernelDigests() {}

    public static void main(String[] args) {
        int warm = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        for (int i = 0; i < warm; i++) compute();
        compute().forEach((name, h) -> System.out.println(name + "=" + Long.toHexString(h)));
    }

    static Map<String, Long> compute() {
        KernelDigests d = new KernelDigests();
        d.level1();
        d.level2();
        d.level3();
        d.activations();
        d.denseLinear();
        d.jacobianAndSpectrum();
        return d.digests;
    }

    private void put(String name, float[] v) {
        long h = digests.getOrDefault(name, 17L);
        for (float f : v) h = h * 31 + Float.floatToRawIntBits(f);
        digests.put(name, h);
    }

    private void put(String name, double[] v) {
        long h = digests.getOrDefault(name, 17L);
        for (double x : v) h = h * 31 + Double.doubleToRawLongBits(x);
        digests.put(name, h);
    }

    private void put(String name, double v) {
        put(name, new double[]{v});
    }

    private double[] doubles(int n, double scale) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = random.nextGaussian() * scale;
        return v;
    }

    private static float[] floats(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
        return f;
    }

    private void level1() {
        for (int n : new int[]{1, 3, 7, 8, 15, 16, 17, 31, 33, 63, 64, 65, 100, 257}) {
            double[] x = doubles(n, 1), y = doubles(n, 1);
            float[] xf = floats(x), yf = floats(y);
            put("dot/f", new double[]{Kernels.dot(n, xf, 0, yf, 0)});
            put("dot/d", Kernels.dot(n, x, 0, y, 0));
            put("sum/f", new double[]{Kernels.sum(n, xf, 0)});
            put("sum/d", Kernels.sum(n, x, 0));
            put("asum/f", new double[]{Kernels.asum(n, xf, 0)});
            put("asum/d", Kernels.asum(n, x, 0));
            put("nrm2/f", new double[]{Kernels.nrm2(n, xf, 0)});
            put("nrm2/d", Kernels.nrm2(n, x, 0));
            Kernels.axpy(n, 0.7f, xf, 0, yf, 0);
            Kernels.axpy(n, 0.7, x, 0, y, 0);
            Kernels.scal(n, -1.3f, yf, 0);
            Kernels.scal(n, -1.3, y, 0);
            put("axpy+scal/f", yf);
            put("axpy+scal/d", y);
        }
    }

    private void level2() {
        int[][] shapes = {{1, 1}, {5, 9}, {17, 33}, {64, 64}, {70, 130}};
        for (int[] s : shapes) {
            int m = s[0], n = s[1];
            double[] a = doubles(m * n, 1), x = doubles(Math.max(m, n), 1);
            float[] af = floats(a), xf = floats(x);
            for (boolean trans : new boolean[]{false, true}) {
                int out = trans ? n : m;
                double[] y = doubles(out, 1);
                float[] yf = floats(y);
                Kernels.sgemv(trans, m, n, 1.5f, af, 0, n, xf, 0, 0.5f, yf, 0);
                Kernels.dgemv(trans, m, n, 1.5, a, 0, n, x, 0, 0.5, y, 0);
                put("gemv/f" + (trans ? "T" : "N"), yf);
                put("gemv/d" + (trans ? "T" : "N"), y);
            }
            double[] y = doubles(n, 1);
            float[] yf = floats(y);
            Kernels.ger(m, n, -0.25f, xf, 0, floats(y), 0, af, 0, n);
            Kernels.ger(m, n, -0.25, x, 0, y, 0, a, 0, n);
            put("ger/f", af);
            put("ger/d", a);
        }
    }

    private void level3() {
        // small (unpacked) and packed shapes; every transpose
        int[][] shapes = {{1, 1, 1}, {5, 7, 9}, {17, 33, 20}, {64, 64, 64}, {90, 100, 130}};
        for (int[] s : shapes) {
            int m = s[0], n = s[1], k = s[2];
            for (int t = 0; t < 4; t++) {
                boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
                double[] a = doubles(m * k, 1), b = doubles(k * n, 1), c = doubles(m * n, 1);
                float[] af = floats(a), bf = floats(b), cf = floats(c);
                int lda = ta ? m : k, ldb = tb ? k : n;
                Kernels.sgemm(ta, tb, m, n, k, 0.75f, af, 0, lda, bf, 0, ldb, 0.5f, cf, 0, n);
                Kernels.dgemm(ta, tb, m, n, k, 0.75, a, 0, lda, b, 0, ldb, 0.5, c, 0, n);
                String op = (ta ? "T" : "N") + (tb ? "T" : "N");
                put("gemm/f" + op, cf);
                put("gemm/d" + op, c);
            }
            double[] a = doubles(m * k, 1), c = new double[m * m];
            float[] cf = new float[m * m];
            Kernels.gram(m, k, 1f, floats(a), 0, k, 0f, cf, 0, m);
            Kernels.gram(m, k, 1.0, a, 0, k, 0.0, c, 0, m);
            put("gram/f", cf);
            put("gram/d", c);
        }
    }

    private void activations() {
        for (Activation act : Activation.values()) {
            for (int n : new int[]{1, 5, 16, 17, 33, 100}) {
                double[] z = doubles(n, 3), dy = doubles(n, 1), y = new double[n], dz = new double[n];
                float[] zf = floats(z), dyf = floats(dy), yf = new float[n], dzf = new float[n];
                Kernels.activate(act, n, zf, 0, yf, 0);
                Kernels.activate(act, n, z, 0, y, 0);
                Kernels.activateBackward(act, n, zf, 0, dyf, 0, dzf, 0);
                Kernels.activateBackward(act, n, z, 0, dy, 0, dz, 0);
                put("activate/f " + act, yf);
                put("activate/d " + act, y);
                put("backward/f " + act, dzf);
                put("backward/d " + act, dz);
            }
            int m = 3, n = 21;
            double[] bias = doubles(n, 1), z = doubles(m * n, 2), y = new double[m * n];
            float[] zf = floats(z), yf = new float[m * n];
            Kernels.biasActivate(act, m, n, floats(bias), 0, zf, 0, n, yf, 0, n);
            Kernels.biasActivate(act, m, n, bias, 0, z, 0, n, y, 0, n);
            put("biasActivate/f " + act, yf);
            put("biasActivate/d " + act, y);
        }
    }

    private void denseLinear() {
        for (Activation act : Activation.values()) {
            for (int in : new int[]{1, 2, 3, 8, 9}) {
                for (int hidden : new int[]{1, 7, 16, 33}) {
                    int rows = 6, np = Kernels.denseLinearParams(in, hidden);
                    double[] x = doubles(rows * in, 1), t = doubles(rows, 1), p = doubles(np, 0.8);
                    double[] g = new double[np], out = new double[rows], w = new double[Kernels.denseLinearWorkSize(in, hidden)];
                    float[] gf = new float[np], outf = new float[rows], wf = new float[w.length];
                    double lf = Kernels.denseLinearLossGrad(act, rows, in, hidden, floats(x), 0, floats(t), 0, floats(p), 0,
                            gf, 0, outf, 0, true, wf, 0);
                    double ld = Kernels.denseLinearLossGrad(act, rows, in, hidden, x, 0, t, 0, p, 0, g, 0, out, 0, true, w, 0);
                    put("denseLinear/f " + act, gf);
                    put("denseLinear/f " + act, outf);
                    put("denseLinear/f " + act, lf);
                    put("denseLinear/d " + act, g);
                    put("denseLinear/d " + act, out);
                    put("denseLinear/d " + act, ld);
                }
            }
        }
    }

    private void jacobianAndSpectrum() {
        for (Activation act : new Activation[]{Activation.TANH, Activation.RELU}) {
            JacobianNet net = JacobianNet.dense(act, 3, 19, 1);
            int d = 11;
            double[] x = doubles(d * 3, 1), p = doubles(net.parameterCount(), 0.7);
            double[] j = new double[d * net.columns()], out = new double[d], work = new double[net.workSize()];
            JacobianKernels.dense(net, d, x, 0, 3, p, 0, j, 0, net.columns(), out, 0, 0, null, 0, 0, work);
            put("jacobian " + act, j);
            put("jacobian " + act, out);
            double[] k = new double[d * d];
            NtkKernels.gramOneHidden(net, d, x, 0, 3, p, 0, k, 0, d, new double[NtkKernels.gramWorkSize(d, 19)]);
            put("ntkGram " + act, k);
        }
        for (int n : new int[]{5, 37, 70}) {
            int kk = n + 3;
            double[] a = doubles(n * kk, 1), c = new double[n * n];
            NtkKernels.syrkLower(n, kk, a, 0, kk, c, 0, n);
            put("syrkLower", c);
            for (int r = 0; r < n; r++) {
                for (int s = r + 1; s < n; s++) c[r * n + s] = c[s * n + r];
            }
            double[] eig = new double[n];
            NtkSpectrum.symmetricEigenvalues(n, c, 0, n, eig, 0, new double[NtkSpectrum.workSize(n)]);
            put("symmetricEigenvalues", eig);
        }
    }
}
