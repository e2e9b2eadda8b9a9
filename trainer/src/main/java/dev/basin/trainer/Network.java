package dev.basin.trainer;

import dev.basin.kernels.Activation;
import dev.basin.kernels.Kernels;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A dense network in flat preallocated buffers, llm.c style: one buffer of trainable parameters,
 * one of their gradients, one of frozen weights, and one work buffer holding every layer's
 * pre-activations Z, activations Y and backward signals G for up to {@code maxRows} samples.
 * Forward and backward are straight loops over the layers calling the kernels; nothing allocates.
 * A layer with one output uses gemv instead of a one-column gemm (same sums, cheaper call).
 *
 * <h2>Parameter layout (public: the rank analysis indexes it)</h2>
 * Trainable layers in order, each W (out×in row-major, W[j][i] at {@code weightOffset(l) + j·in + i})
 * then b (out values at {@code biasOffset(l)}). So for seed 004's y = |w·x + b|: p0 = w0, p1 = w1,
 * p2 = b. Frozen layers use the same layout in {@link #frozen()}.
 *
 * <h2>Work layout</h2>
 * For layer l and r rows: Z_l at {@link #preActivationOffset(int)}, Y_l at
 * {@link #activationOffset(int)} and G_l (dLoss/dY_l, turned into dLoss/dZ_l in place), each
 * r×out_l row-major with leading dimension out_l, in {@link #work()}.
 *
 * <h2>The fused step</h2>
 * When the architecture is exactly [dense(in → M, act), dense(M → 1, identity)], both layers
 * trainable with biases and in ≤ {@link #FUSED_MAX_FAN_IN}, {@link #lossAndGradient} under a
 * squared loss (SSE or MSE) is one call of {@link Kernels#denseLinearLossGrad}: one pass over the
 * hidden units per point, in registers, instead of the layer-by-layer kernels and their M×rows
 * activations in memory. It then writes only the outputs (at {@link #outputOffset()}) in the work
 * buffer, not Z, Y or G. {@link #forward}, {@link #backward} and {@link #outputGradient} are
 * always the generic layer loops.
 */
public final class Network {

    private final Architecture arch;
    private final Precision precision;
    private final Layer[] layers;
    private final int maxRows;
    private final int numParams;
    private final int lowestTrainable;

    private final Buf params, grads, frozen, work;
    private final int[] wOff, bOff;            // into params (trainable) or frozen
    private final int[] zOff, yOff, gOff;      // into work, sized for maxRows
    private final int onesOff, zerosOff;       // into work
    private final boolean fused;               // lossAndGradient may use the fused kernel
    private final int fusedOff;                // its scratch, into work

    /** Largest fan-in for which {@link #lossAndGradient} uses the fused kernel (wider: a GEMM wins). */
    public static final int FUSED_MAX_FAN_IN = 8;

    public Network(Architecture arch, Precision precision, int maxRows) {
        this(arch, precision, maxRows, true);
    }

    /** {@code allowFused = false} always runs the generic layer loops (tests compare the two). */
    Network(Architecture arch, Precision precision, int maxRows, boolean allowFused) {
        if (maxRows <= 0) throw new IllegalArgumentException("maxRows must be positive, got " + maxRows);
        this.arch = arch;
        this.precision = precision;
        this.layers = arch.layers().toArray(new Layer[0]);
        this.maxRows = maxRows;
        int nl = layers.length;
        wOff = new int[nl];
        bOff = new int[nl];
        zOff = new int[nl];
        yOff = new int[nl];
        gOff = new int[nl];
        int p = 0, f = 0, w = 0, widest = 1, low = -1;
        for (int l = 0; l < nl; l++) {
            Layer L = layers[l];
            if (L.trainable()) {
                if (low < 0) low = l;
                wOff[l] = p;
                bOff[l] = L.bias() ? p + L.in() * L.out() : -1;
                p += L.size();
            } else {
                wOff[l] = f;
                bOff[l] = L.bias() ? f + L.in() * L.out() : -1;
                f += L.size();
            }
            zOff[l] = w;
            w += maxRows * L.out();
            yOff[l] = w;
            w += maxRows * L.out();
            gOff[l] = w;
            w += maxRows * L.out();
            widest = Math.max(widest, L.out());
        }
        onesOff = w;
        w += maxRows;
        zerosOff = w;
        w += widest;
        fused = allowFused && nl == 2 && layers[0].in() <= FUSED_MAX_FAN_IN
                && layers[0].trainable() && layers[0].bias()
                && layers[1].trainable() && layers[1].bias() && layers[1].out() == 1
                && layers[1].activation() == Activation.IDENTITY;
        fusedOff = w;
        if (fused) w += Kernels.denseLinearWorkSize(layers[0].in(), layers[0].out());
        numParams = p;
        lowestTrainable = low;
        params = Buf.allocate(precision, p);
        grads = Buf.allocate(precision, p);
        frozen = Buf.allocate(precision, Math.max(f, 1));
        work = Buf.allocate(precision, w);
        work.fill(onesOff, maxRows, 1.0);
    }

    // ---- layout -------------------------------------------------------------------------

    public Architecture architecture() { return arch; }
    public Precision precision() { return precision; }
    public List<Layer> layers() { return arch.layers(); }
    public int numLayers() { return layers.length; }
    public int maxRows() { return maxRows; }
    public int inputs() { return layers[0].in(); }
    public int outputs() { return layers[layers.length - 1].out(); }

    /** Number of trainable parameters P. */
    public int numParams() { return numParams; }

    /** Offset of layer l's W in {@link #params()} (trainable l) or {@link #frozen()} (frozen l). */
    public int weightOffset(int l) { return wOff[l]; }

    /** Offset of layer l's b, or −1 if the layer has no bias. */
    public int biasOffset(int l) { return bOff[l]; }

    public boolean isTrainable(int l) { return layers[l].trainable(); }

    /** True when {@link #lossAndGradient} under SSE or MSE runs the fused kernel (see the class comment). */
    public boolean fused() { return fused; }

    public Buf params() { return params; }
    public Buf grads() { return grads; }
    public Buf frozen() { return frozen; }
    public Buf work() { return work; }

    /** Offset in {@link #work()} of layer l's pre-activations Z_l (rows × out_l, ld out_l) after a forward pass. */
    public int preActivationOffset(int l) { return zOff[l]; }

    /** Offset in {@link #work()} of layer l's activations Y_l (the hidden features feeding layer l+1). */
    public int activationOffset(int l) { return yOff[l]; }

    /** Offset in {@link #work()} of the output block after a forward pass. */
    public int outputOffset() { return yOff[layers.length - 1]; }

    /** Offset in {@link #work()} of the output gradient G_L that {@link #backward} starts from. */
    public int outputGradOffset() { return gOff[layers.length - 1]; }

    public void getParams(double[] dst) { params.copyTo(0, dst, 0, numParams); }

    public double[] paramsCopy() {
        double[] d = new double[numParams];
        getParams(d);
        return d;
    }

    public void setParams(double[] src) {
        if (src.length != numParams) {
            throw new IllegalArgumentException("expected " + numParams + " parameters, got " + src.length);
        }
        params.copyFrom(src, 0, 0, numParams);
    }

    /** Sets frozen layer l's weights (out×in row-major) and bias (null if none or zero). */
    public void setFrozen(int l, double[] weights, double[] bias) {
        Layer L = layers[l];
        if (L.trainable()) throw new IllegalArgumentException("layer " + l + " is trainable, not frozen");
        if (weights.length != L.in() * L.out()) throw new IllegalArgumentException("layer " + l + " needs " + L.in() * L.out() + " weights");
        frozen.copyFrom(weights, 0, wOff[l], weights.length);
        if (L.bias()) {
            if (bias == null) frozen.fill(bOff[l], L.out(), 0.0);
            else frozen.copyFrom(bias, 0, bOff[l], L.out());
        }
    }

    /** Draws every layer (trainable and frozen, in layer order) from the architecture's init and this seed. */
    public void initialize(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] tmp = new double[maxLayerSize()];
        for (int l = 0; l < layers.length; l++) {
            Layer L = layers[l];
            arch.init().draw(rng, L.in(), L.out(), L.bias() ? L.out() : 0, tmp, 0);
            (L.trainable() ? params : frozen).copyFrom(tmp, 0, wOff[l], L.size());
        }
    }

    private int maxLayerSize() {
        int m = 0;
        for (Layer L : layers) m = Math.max(m, L.size());
        return m;
    }

    // ---- forward / backward ---------------------------------------------------------------

    /** Forward pass over {@code rows} samples of x (rows × inputs, row-major at xOff). */
    public void forward(Buf x, int xOff, int rows) {
        checkRows(rows);
        Buf in = x;
        int inOff = xOff;
        for (int l = 0; l < layers.length; l++) {
            Layer L = layers[l];
            Buf wb = L.trainable() ? params : frozen;
            // Z = A·Wᵀ (rows×out), then Z += b and Y = act(Z)
            if (L.out() == 1) work.gemv(false, rows, L.in(), 1.0, in, inOff, L.in(), wb, wOff[l], 0.0, zOff[l]);   // z = A·w
            else work.gemm(false, true, rows, L.out(), L.in(), 1.0, in, inOff, L.in(), wb, wOff[l], L.in(), 0.0, zOff[l], L.out());
            if (L.bias()) work.biasActivate(L.activation(), rows, L.out(), wb, bOff[l], zOff[l], L.out(), yOff[l], L.out());
            else work.biasActivate(L.activation(), rows, L.out(), work, zerosOff, zOff[l], L.out(), yOff[l], L.out());
            in = work;
            inOff = yOff[l];
        }
    }

    /**
     * Backward pass after {@link #forward} on the same x and rows, starting from G_L (the output
     * gradient, at {@link #outputGradOffset()}); writes dLoss/dparams into {@link #grads()}
     * (overwriting it). Stops below the lowest trainable layer.
     */
    public void backward(Buf x, int xOff, int rows) {
        checkRows(rows);
        for (int l = layers.length - 1; l >= lowestTrainable; l--) {
            Layer L = layers[l];
            int n = rows * L.out();
            if (L.activation() != Activation.IDENTITY) work.activateBackward(L.activation(), n, work, zOff[l], gOff[l], gOff[l]);
            Buf in = l == 0 ? x : work;
            int inOff = l == 0 ? xOff : yOff[l - 1];
            if (L.trainable()) {
                // dW = Gᵀ·A (out×in), db = Gᵀ·1
                if (L.out() == 1) grads.gemv(true, rows, L.in(), 1.0, in, inOff, L.in(), work, gOff[l], 0.0, wOff[l]);   // dw = Aᵀ·g
                else grads.gemm(true, false, L.out(), L.in(), rows, 1.0, work, gOff[l], L.out(), in, inOff, L.in(), 0.0, wOff[l], L.in());
                if (L.bias()) grads.gemv(true, rows, L.out(), 1.0, work, gOff[l], L.out(), work, onesOff, 0.0, bOff[l]);
            }
            if (l > lowestTrainable) {
                // G_{l-1} = G_l·W (rows×in)
                Buf wb = L.trainable() ? params : frozen;
                work.gemm(false, false, rows, L.in(), L.out(), 1.0, work, gOff[l], L.out(), wb, wOff[l], L.in(), 0.0, gOff[l - 1], L.in());
            }
        }
    }

    /**
     * Forward, loss, backward: returns the loss and leaves its gradient in {@link #grads()} and the
     * outputs at {@link #outputOffset()}.
     */
    public double lossAndGradient(Loss loss, Buf x, int xOff, Buf targets, int tOff, int rows) {
        if (fused && (loss == Loss.SSE || loss == Loss.MSE)) {
            checkRows(rows);
            Layer hidden = layers[0];
            return work.denseLinearLossGrad(hidden.activation(), rows, hidden.in(), hidden.out(), x, xOff, targets, tOff,
                    params, grads, outputOffset(), loss == Loss.MSE, fusedOff);
        }
        forward(x, xOff, rows);
        double value = work.lossAndGrad(loss, rows, outputs(), outputOffset(), targets, tOff, outputGradOffset());
        backward(x, xOff, rows);
        return value;
    }

    /**
     * Gradient of one output, ∂NN(x_d)_k/∂params, into {@link #grads()} — one row of the
     * per-sample Jacobian (a simple O(rows) route; the rank issue may add a batched kernel).
     */
    public void outputGradient(Buf x, int xOff, int rows, int d, int k) {
        forward(x, xOff, rows);
        int out = outputs();
        work.fill(outputGradOffset(), rows * out, 0.0);
        work.set(outputGradOffset() + d * out + k, 1.0);
        backward(x, xOff, rows);
    }

    private void checkRows(int rows) {
        if (rows <= 0 || rows > maxRows) {
            throw new IllegalArgumentException("rows must be in 1.." + maxRows + ", got " + rows);
        }
    }
}
