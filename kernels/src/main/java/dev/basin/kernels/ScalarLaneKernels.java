package dev.basin.kernels;

/**
 * Reference lane kernels: each lane in turn, in plain Java. The order of every float operation is
 * the contract the SIMD version must match bit for bit (see {@link LaneKernels}).
 */
public class ScalarLaneKernels implements LaneKernels {

    @Override
    public String describe() {
        return "scalar lanes";
    }

    /** The "keep training" rule of {@link LaneKernels}, NaN-safe. */
    static boolean keep(float loss, float gn2, float lossTol, float gradTol2, float bound) {
        return LaneKernels.keepsTraining(loss, gn2, lossTol, gradTol2, bound);
    }

    @Override
    public int absEpoch(int n, int d, float[] x, float[] t, float lossScale, float gradScale, float lr, boolean update,
                        float lossTol, float gradTol2, float[] bound, float[] params, int stride, int count,
                        float[] loss, float[] gradNorm2) {
        return absLanes(0, count, n, d, x, t, lossScale, gradScale, lr, update, lossTol, gradTol2, bound, params, stride, loss, gradNorm2);
    }

    /** Lanes [from, to): also the tail of the vector version. */
    static int absLanes(int from, int to, int n, int d, float[] x, float[] t, float lossScale, float gradScale, float lr,
                        boolean update, float lossTol, float gradTol2, float[] bound, float[] params, int stride,
                        float[] loss, float[] gradNorm2) {
        int stopped = 0;
        float nlr = -lr;
        for (int i = from; i < to; i++) {
            float acc = 0f, g0 = 0f, g1 = 0f, gb = 0f;
            for (int k = 0; k < d; k++) {
                float z = absZ(n, x, params, stride, i, k);
                float r = Math.abs(z) - t[k];
                acc = acc + r * r;
                if (n == 2) {                 // seed 004's model: all gradients in this one pass
                    float dy = gradScale * r;
                    float dz = z > 0 ? dy : (z < 0 ? -dy : 0f);
                    g0 = g0 + dz * x[k * 2];
                    g1 = g1 + dz * x[k * 2 + 1];
                    gb = gb + dz;
                }
            }
            float l = acc * lossScale;
            float gn2;
            if (n == 2) {
                gn2 = 0f + g0 * g0;
                gn2 = gn2 + g1 * g1;
                gn2 = gn2 + gb * gb;
            } else {
                gn2 = 0f;
                for (int j = 0; j <= n; j++) {
                    float g = absGrad(n, d, x, t, gradScale, params, stride, i, j);
                    gn2 = gn2 + g * g;
                }
            }
            loss[i] = l;
            gradNorm2[i] = gn2;
            if (keep(l, gn2, lossTol, gradTol2, bound[i])) {
                if (update && n == 2) {
                    params[i] = params[i] + nlr * g0;
                    params[stride + i] = params[stride + i] + nlr * g1;
                    params[2 * stride + i] = params[2 * stride + i] + nlr * gb;
                } else if (update) {
                    absUpdateGeneral(n, d, x, t, gradScale, nlr, params, stride, i);
                }
            } else {
                stopped++;
            }
        }
        return stopped;
    }

    /** z = 0 + Σ_j w_j·x_kj + b, in the trainer's gemm-then-bias order. */
    static float absZ(int n, float[] x, float[] params, int stride, int i, int k) {
        float z = 0f;
        for (int j = 0; j < n; j++) z = z + params[j * stride + i] * x[k * n + j];
        return z + params[n * stride + i];
    }

    /** dL/dp_j (j = n is the bias): Σ_k dz_k·x_kj with dz_k = sign(z_k)·gradScale·r_k. */
    static float absGrad(int n, int d, float[] x, float[] t, float gradScale, float[] params, int stride, int i, int j) {
        float g = 0f;
        for (int k = 0; k < d; k++) {
            float z = absZ(n, x, params, stride, i, k);
            float dy = gradScale * (Math.abs(z) - t[k]);
            float dz = z > 0 ? dy : (z < 0 ? -dy : 0f);
            g = g + (j == n ? dz : dz * x[k * n + j]);
        }
        return g;
    }

    private static void absUpdateGeneral(int n, int d, float[] x, float[] t, float gradScale, float nlr,
                                         float[] params, int stride, int i) {
        // Every gradient must see the old parameters: compute them all (into a per-thread
        // buffer, allocated once) before writing any. Slow but general; n = 2 has its fast path.
        if (n + 1 > GEN_MAX) throw new IllegalArgumentException("|w·x + b| lanes support at most " + (GEN_MAX - 1) + " inputs, got " + n);
        float[] g = GEN_SCRATCH.get();
        for (int j = 0; j <= n; j++) g[j] = absGrad(n, d, x, t, gradScale, params, stride, i, j);
        for (int j = 0; j <= n; j++) params[j * stride + i] = params[j * stride + i] + nlr * g[j];
    }

    private static final int GEN_MAX = 256;
    private static final ThreadLocal<float[]> GEN_SCRATCH = ThreadLocal.withInitial(() -> new float[GEN_MAX]);

    @Override
    public int mlpEpoch(Activation act, int n, int h, int d, float[] x, float[] t, float lossScale, float gradScale,
                        float lr, boolean update, float lossTol, float gradTol2, float[] bound, float[] params,
                        int stride, int count, float[] loss, float[] gradNorm2, float[] scratch) {
        return mlpLanes(0, count, act, n, h, d, x, t, lossScale, gradScale, lr, update, lossTol, gradTol2, bound, params, stride, loss, gradNorm2, scratch);
    }

    /** Lanes [from, to) of the MLP epoch; scratch holds one lane's gradients (P floats) then z and a (2h). */
    static int mlpLanes(int from, int to, Activation act, int n, int h, int d, float[] x, float[] t, float lossScale,
                        float gradScale, float lr, boolean update, float lossTol, float gradTol2, float[] bound,
                        float[] params, int stride, float[] loss, float[] gradNorm2, float[] scratch) {
        int p = LaneKernels.mlpParams(n, h);
        int oB1 = h * n, oW2 = oB1 + h, oB2 = oW2 + h;
        int zs = p, as = p + h;
        int stopped = 0;
        float nlr = -lr;
        for (int i = from; i < to; i++) {
            java.util.Arrays.fill(scratch, 0, p, 0f);
            float acc = 0f;
            for (int k = 0; k < d; k++) {
                // forward: z_m = Σ_j W1[m][j]·x_j + b1[m]; a_m = act(z_m); y = Σ_m w2[m]·a_m + b2
                float y = 0f;
                for (int m = 0; m < h; m++) {
                    float z = 0f;
                    for (int j = 0; j < n; j++) z = z + params[(m * n + j) * stride + i] * x[k * n + j];
                    z = z + params[(oB1 + m) * stride + i];
                    float a = act.apply(z);
                    scratch[zs + m] = z;
                    scratch[as + m] = a;
                    float term = params[(oW2 + m) * stride + i] * a;
                    y = y + term;
                }
                y = y + params[oB2 * stride + i];
                float r = y - t[k];
                acc = acc + r * r;
                float dy = gradScale * r;
                // backward
                for (int m = 0; m < h; m++) {
                    scratch[oW2 + m] = scratch[oW2 + m] + dy * scratch[as + m];
                    float dh = 0f + dy * params[(oW2 + m) * stride + i];
                    float dz = dh * act.derivative(scratch[zs + m]);
                    for (int j = 0; j < n; j++) scratch[m * n + j] = scratch[m * n + j] + dz * x[k * n + j];
                    scratch[oB1 + m] = scratch[oB1 + m] + dz;
                }
                scratch[oB2] = scratch[oB2] + dy;
            }
            float l = acc * lossScale;
            float gn2 = 0f;
            for (int q = 0; q < p; q++) gn2 = gn2 + scratch[q] * scratch[q];
            loss[i] = l;
            gradNorm2[i] = gn2;
            if (keep(l, gn2, lossTol, gradTol2, bound[i])) {
                if (update) for (int q = 0; q < p; q++) params[q * stride + i] = params[q * stride + i] + nlr * scratch[q];
            } else {
                stopped++;
            }
        }
        return stopped;
    }
}
