package dev.basin.kernels;

/**
 * Lock-step kernels for many tiny independent models, one model per SIMD lane: when a model has
 * 3 parameters (seed 004's y = |w·x + b|) or a hidden layer of ≤ 16 units, one run cannot fill a
 * vector, but 16 runs side by side can.
 *
 * <h2>Layout</h2>
 * Parameters are stored structure-of-arrays: parameter j of lane i at {@code params[j·stride + i]}.
 * The parameter order is the trainer's network layout: W (out×in row-major), b, … So for
 * {@code |w·x + b|} with n inputs: w_0..w_{n−1}, b; for the MLP n → h → 1: W1 (h×n), b1 (h),
 * w2 (h), b2. The data (d points) is shared by all lanes: {@code x} d×n row-major, {@code t} d.
 *
 * <h2>One epoch</h2>
 * For every lane in [0, count): the loss L = lossScale·Σ_k r_k² with r_k = y(x_k) − t_k and its
 * gradient, with dL/dy_k = gradScale·r_k (MSE: lossScale = 1/d, gradScale = 2/d; SSE: 1 and 2);
 * then the lane <em>keeps training</em> iff lossTol ≤ L ≤ bound[i], L finite, and gradTol2 &lt;
 * ‖g‖² &lt; ∞; a lane that keeps training (and only if {@code update}) takes the step
 * p ← p + (−lr)·g. {@code loss[i]} and {@code gradNorm2[i]} receive L and ‖g‖². Returns the number
 * of lanes that did not keep training (the caller then decides their status and retires them).
 *
 * <p>Every implementation performs, for each lane, exactly the float operations of
 * {@link ScalarLaneKernels} in the same order (no fused multiply-add), so the results are
 * bitwise identical whatever the vector width; those operations are also the ones the trainer's
 * network performs with the scalar kernels, so a lane's run equals the run trained alone.
 */
public interface LaneKernels {

    String describe();

    /** One full-batch epoch of y = |w·x + b| (n inputs) in every lane. */
    int absEpoch(int n, int d, float[] x, float[] t, float lossScale, float gradScale, float lr, boolean update,
                 float lossTol, float gradTol2, float[] bound, float[] params, int stride, int count,
                 float[] loss, float[] gradNorm2);

    /**
     * One full-batch epoch of the MLP n → h → 1, y = w2·act(W1·x + b1) + b2, in every lane.
     * {@code scratch} must hold at least {@link #mlpScratchSize(int, int, int)} floats.
     */
    int mlpEpoch(Activation act, int n, int h, int d, float[] x, float[] t, float lossScale, float gradScale,
                 float lr, boolean update, float lossTol, float gradTol2, float[] bound, float[] params,
                 int stride, int count, float[] loss, float[] gradNorm2, float[] scratch);

    /** The "keeps training" rule above, NaN-safe; callers use it to tell which lanes stopped. */
    static boolean keepsTraining(float loss, float gradNorm2, float lossTol, float gradTol2, float bound) {
        return loss >= lossTol && loss <= bound && loss < Float.POSITIVE_INFINITY
                && gradNorm2 > gradTol2 && gradNorm2 < Float.POSITIVE_INFINITY;
    }

    /** Parameters of the MLP n → h → 1. */
    static int mlpParams(int n, int h) {
        return h * n + 2 * h + 1;
    }

    /** Scratch floats {@link #mlpEpoch} needs for d points: per vector of lanes (up to 64), gradients and per-unit or per-point values. */
    static int mlpScratchSize(int n, int h, int d) {
        return (mlpParams(n, h) + 2 * h + d) * 64;
    }
}
