package dev.basin.trainer;

import java.util.SplittableRandom;

/**
 * Trains one network on one data set with SGD, run after run, reusing its buffers: build it once,
 * then call {@link #run(int, long, TraceSink)} for as many seeds as needed.
 *
 * <p>The loop, per epoch e = 0, 1, …: evaluate loss and gradient on the whole data set at the
 * current parameters (this is what the trace records as epoch e: the state after e epochs), check
 * the stop rules in {@link Status}'s order, then train one epoch (one full-batch step, or
 * mini-batch steps over a fresh permutation). Nothing allocates inside the loop.
 */
public final class Trainer {

    private final Architecture arch;
    private final DataSet data;
    private final TrainConfig cfg;
    private final Network net;
    private final Buf x, t;                 // the whole data set
    private final Buf xb, tb;               // the current mini-batch (null for full batch)
    private final Buf velocity;             // null without momentum
    private final int[] order;              // mini-batch permutation
    private final double[] paramScratch;    // params handed to trace sinks
    private final int rows, batch;
    private double gradNorm;
    private SplittableRandom batchRng;

    public Trainer(Architecture arch, DataSet data, TrainConfig cfg) {
        if (data.inputs() != arch.inputs()) {
            throw new IllegalArgumentException("model '" + arch.name() + "' takes " + arch.inputs() + " inputs, data set '" + data.name() + "' has " + data.inputs());
        }
        int expectTargets = cfg.loss() == Loss.SOFTMAX_CE ? 1 : arch.outputs();
        if (data.targetsPerRow() != expectTargets) {
            throw new IllegalArgumentException("loss " + cfg.loss() + " with " + arch.outputs() + " outputs needs " + expectTargets + " target(s) per row, data set '" + data.name() + "' has " + data.targetsPerRow());
        }
        if (cfg.loss() == Loss.SOFTMAX_CE) {
            for (int r = 0; r < data.rows(); r++) {
                double c = data.t(r, 0);
                if (c != Math.rint(c) || c < 0 || c >= arch.outputs()) {
                    throw new IllegalArgumentException("data set '" + data.name() + "' row " + r + ": class " + c + " is not in 0.." + (arch.outputs() - 1));
                }
            }
        }
        this.arch = arch;
        this.data = data;
        this.cfg = cfg;
        this.rows = data.rows();
        this.batch = cfg.batchSize() == 0 || cfg.batchSize() >= rows ? 0 : cfg.batchSize();
        Precision p = cfg.precision();
        this.net = new Network(arch, p, rows);
        this.x = data.inputs(p);
        this.t = data.targets(p);
        this.xb = batch == 0 ? null : Buf.allocate(p, batch * data.inputs());
        this.tb = batch == 0 ? null : Buf.allocate(p, batch * data.targetsPerRow());
        this.order = new int[rows];
        this.velocity = cfg.momentum() == 0 ? null : Buf.allocate(p, net.numParams());
        this.paramScratch = new double[net.numParams()];
    }

    public Network network() { return net; }
    public DataSet data() { return data; }
    public TrainConfig config() { return cfg; }
    public Buf inputs() { return x; }
    public Buf targets() { return t; }

    /** Initialises the parameters from the seed and trains to a stop rule. Never throws for numerical trouble. */
    public RunResult run(int runId, long seed, TraceSink sink) {
        net.initialize(seed);
        return train(new RunSpec(runId, seed, arch, data, cfg), sink);
    }

    /** Trains from the network's current parameters; the spec's seed drives the mini-batch order. */
    public RunResult train(RunSpec spec, TraceSink sink) {
        reset(spec.seed());
        if (sink == null) sink = TraceSink.NONE;
        int p = net.numParams();
        sink.begin(spec, p);
        double[] initialParams = net.paramsCopy();
        double initialLoss = Double.NaN, loss;
        Status status;
        int epoch = 0;
        while (true) {
            loss = evaluate();
            if (epoch == 0) initialLoss = loss;
            status = stopRule(loss, gradNorm, initialLoss, epoch);
            if (epoch % cfg.traceEvery() == 0 || status != null) {
                net.getParams(paramScratch);
                sink.record(spec.run(), epoch, loss, gradNorm, paramScratch);
            }
            if (status != null) break;
            trainEpoch();
            epoch++;
        }
        RunResult r = new RunResult(spec, status, epoch, initialLoss, loss, gradNorm, initialParams, net.paramsCopy());
        sink.end(r);
        return r;
    }

    /** Restarts momentum and the mini-batch order for a new run. */
    public void reset(long seed) {
        if (velocity != null) velocity.fill(0, net.numParams(), 0.0);
        batchRng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L);
    }

    /** Loss and gradient on the whole data set at the current parameters; the gradient stays in the network. */
    public double evaluate() {
        double loss = net.lossAndGradient(cfg.loss(), x, 0, t, 0, rows);
        gradNorm = net.grads().nrm2(net.numParams(), 0);
        return loss;
    }

    /** ‖∇loss‖ from the last {@link #evaluate()}. */
    public double gradNorm() { return gradNorm; }

    /** The stop rule that applies after an evaluation, or null to keep training. */
    public Status stopRule(double loss, double gNorm, double initialLoss, int epoch) {
        if (!Double.isFinite(loss) || !Double.isFinite(gNorm)
                || loss > cfg.divergenceFactor() * Math.max(initialLoss, 1.0)) return Status.DIVERGED;
        if (loss < cfg.lossTolerance()) return Status.CONVERGED;
        if (gNorm <= cfg.gradTolerance()) return Status.CRITICAL;
        if (epoch >= cfg.maxEpochs()) return Status.MAX_EPOCHS;
        return null;
    }

    /**
     * One epoch after an {@link #evaluate()}: full batch applies the gradient just computed;
     * mini-batch draws a permutation and steps through it.
     */
    public void trainEpoch() {
        if (batch == 0) {
            update();
            return;
        }
        for (int i = 0; i < rows; i++) order[i] = i;
        for (int i = rows - 1; i > 0; i--) {      // Fisher–Yates
            int j = batchRng.nextInt(i + 1);
            int tmp = order[i]; order[i] = order[j]; order[j] = tmp;
        }
        int n = data.inputs(), k = data.targetsPerRow();
        for (int start = 0; start < rows; start += batch) {
            int m = Math.min(batch, rows - start);
            for (int i = 0; i < m; i++) {
                xb.copyFrom(x, order[start + i] * n, i * n, n);
                tb.copyFrom(t, order[start + i] * k, i * k, k);
            }
            net.lossAndGradient(cfg.loss(), xb, 0, tb, 0, m);
            update();
        }
    }

    /** One SGD step from the gradient in the network: p −= lr·g, or with momentum v = μv + g, p −= lr·v. */
    public void update() {
        int p = net.numParams();
        if (velocity == null) {
            net.params().axpy(p, -cfg.learningRate(), net.grads(), 0, 0);
        } else {
            velocity.scal(p, cfg.momentum(), 0);
            velocity.axpy(p, 1.0, net.grads(), 0, 0);
            net.params().axpy(p, -cfg.learningRate(), velocity, 0, 0);
        }
    }
}
