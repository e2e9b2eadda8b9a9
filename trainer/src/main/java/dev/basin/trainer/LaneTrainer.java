package dev.basin.trainer;

import dev.basin.kernels.Activation;
import dev.basin.kernels.LaneKernelProvider;
import dev.basin.kernels.LaneKernels;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Trains many independent tiny models in lock-step, one per SIMD lane ({@link LaneKernels}):
 * seed 004's y = |w·x + b| ({@link Architecture#abs}) and one-hidden-layer MLPs n → h → 1
 * ({@link Architecture#mlp}, identity/abs/ReLU/leaky-ReLU vectorised, tanh/sigmoid scalar), full
 * batch, vanilla SGD, float32, SSE or MSE.
 *
 * <p>Runs are processed in chunks of lanes; in a chunk all live lanes take epoch e together, and a
 * lane that meets a stop rule is retired at once (its slot is filled by the last live lane), so
 * each run stops on its own and finished runs cost nothing. Each run is initialised exactly as
 * {@link Network#initialize} does from its seed and performs exactly the float operations of a
 * {@link Trainer} run on the scalar kernels, so its parameters equal the run trained alone bit for
 * bit (tested). Losses and gradient norms are accumulated in float here (double in {@link Trainer}),
 * so a stop decision within float rounding of a tolerance may fall one epoch apart. Stop rules are
 * {@link Trainer}'s: diverged, converged, critical, max epochs.
 */
public final class LaneTrainer {

    private final Architecture arch;
    private final DataSet data;
    private final TrainConfig cfg;
    private final boolean isAbs;
    private final Activation act;
    private final int n, h, d, p;
    private final float[] x, t;
    private final LaneKernels kernels;

    public LaneTrainer(Architecture arch, DataSet data, TrainConfig cfg) {
        this(arch, data, cfg, LaneKernelProvider.get());
    }

    /** With a given kernel implementation (tests compare the scalar reference and the SIMD one). */
    public LaneTrainer(Architecture arch, DataSet data, TrainConfig cfg, LaneKernels kernels) {
        List<Layer> ls = arch.layers();
        boolean abs = ls.size() == 1 && ls.get(0).out() == 1 && ls.get(0).activation() == Activation.ABS && ls.get(0).bias() && ls.get(0).trainable();
        boolean mlp = ls.size() == 2 && ls.get(1).out() == 1 && ls.get(1).activation() == Activation.IDENTITY
                && ls.stream().allMatch(l -> l.bias() && l.trainable());
        if (!abs && !mlp) {
            throw new IllegalArgumentException("lane trainer supports |w·x + b| and n → h → 1 MLPs with linear output, not '" + arch.name() + "'");
        }
        if (cfg.precision() != Precision.F32 || cfg.batchSize() != 0 || cfg.momentum() != 0
                || (cfg.loss() != Loss.SSE && cfg.loss() != Loss.MSE)) {
            throw new IllegalArgumentException("lane trainer runs full-batch vanilla SGD in float32 with SSE or MSE; got " + cfg);
        }
        if (data.inputs() != arch.inputs() || data.targetsPerRow() != 1) {
            throw new IllegalArgumentException("data set '" + data.name() + "' does not fit model '" + arch.name() + "'");
        }
        this.arch = arch;
        this.data = data;
        this.cfg = cfg;
        this.isAbs = abs;
        this.act = ls.get(0).activation();
        this.n = arch.inputs();
        this.h = abs ? 0 : ls.get(0).out();
        this.d = data.rows();
        this.p = abs ? n + 1 : LaneKernels.mlpParams(n, h);
        this.kernels = kernels;
        this.x = new float[d * n];
        this.t = new float[d];
        for (int r = 0; r < d; r++) {
            for (int c = 0; c < n; c++) x[r * n + c] = (float) data.x(r, c);
            t[r] = (float) data.t(r, 0);
        }
    }

    public int numParams() { return p; }

    /** Trains runs 0..seeds.length−1 (run i from seeds[i]) on {@code threads} threads; results in run order, identical for any thread count. */
    public List<RunResult> run(long[] seeds, int threads) {
        return run(seeds, threads, null);
    }

    /**
     * As {@link #run(long[], int)}, recording every {@code traceEvery}-th epoch (and the last) of
     * every run into per-run {@link Trace}s that are handed to {@code sink} in run order at the end.
     * Trace losses and gradient norms are the lane kernel's float values.
     */
    public List<RunResult> run(long[] seeds, int threads, TraceSink sink) {
        int count = seeds.length;
        RunResult[] out = new RunResult[count];
        Trace[] traces = sink == null ? null : new Trace[count];
        int chunk = chunkSize();
        int chunks = (count + chunk - 1) / chunk;
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            Chunk c = new Chunk(chunk);
            int k;
            while ((k = next.getAndIncrement()) < chunks) {
                int from = k * chunk;
                c.train(seeds, from, Math.min(count, from + chunk), out, traces);
            }
        };
        if (threads <= 1 || chunks <= 1) {
            worker.run();
        } else {
            List<Thread> pool = new ArrayList<>();
            for (int i = 0; i < Math.min(threads, chunks); i++) pool.add(Thread.ofPlatform().name("basin-lanes-" + i).start(worker));
            for (Thread th : pool) {
                try {
                    th.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("lane training interrupted", e);
                }
            }
        }
        for (int i = 0; i < count; i++) if (out[i] == null) throw new IllegalStateException("run " + i + " did not finish (a worker failed)");
        if (traces != null) for (Trace tr : traces) tr.replay(sink);
        return List.of(out);
    }

    /** Lanes per chunk: the live parameters of a chunk stay in L1/L2 (≈ 16 KiB of parameters, at least 64 lanes). */
    int chunkSize() {
        return Math.max(64, Math.min(4096, (16384 / (4 * p)) / 64 * 64));
    }

    /** One chunk's buffers, reused for every chunk a worker takes. */
    private final class Chunk {
        final int cap;
        final float[] params, bound, loss, gn2, scratch, before;
        final double[] row = new double[p];
        Trace[] laneTrace;
        final int[] ids;
        final double[] initialLoss;
        final double[][] initialParams;
        final double[] draw = new double[Math.max(p, 1)];

        Chunk(int cap) {
            this.cap = cap;
            params = new float[p * cap];
            bound = new float[cap];
            loss = new float[cap];
            gn2 = new float[cap];
            ids = new int[cap];
            initialLoss = new double[cap];
            initialParams = new double[cap][];
            scratch = new float[isAbs ? 1 : LaneKernels.mlpScratchSize(n, h, d)];
            before = new float[p * cap];
        }

        void train(long[] seeds, int from, int to, RunResult[] out, Trace[] traces) {
            int live = to - from;
            if (traces != null && laneTrace == null) laneTrace = new Trace[cap];
            for (int i = 0; i < live; i++) {
                ids[i] = from + i;
                initialise(seeds[from + i], i);
                bound[i] = Float.POSITIVE_INFINITY;
                if (traces != null) {
                    laneTrace[i] = new Trace(new RunSpec(from + i, seeds[from + i], arch, data, cfg), p);
                    traces[from + i] = laneTrace[i];
                }
            }
            int every = cfg.traceEvery();
            boolean mse = cfg.loss() == Loss.MSE;
            float lossScale = mse ? 1f / d : 1f, gradScale = mse ? 2f / d : 2f;
            float lr = (float) cfg.learningRate(), lossTol = (float) cfg.lossTolerance();
            double gt = cfg.gradTolerance();
            float gradTol2 = gt < 0 ? -1f : (float) (gt * gt);
            for (int epoch = 0; live > 0; epoch++) {
                boolean update = epoch < cfg.maxEpochs();
                boolean snap = traces != null && epoch % every == 0;
                if (snap) System.arraycopy(params, 0, before, 0, p * cap);   // the kernel updates in place
                int stopped = isAbs
                        ? kernels.absEpoch(n, d, x, t, lossScale, gradScale, lr, update, lossTol, gradTol2, bound, params, cap, live, loss, gn2)
                        : kernels.mlpEpoch(act, n, h, d, x, t, lossScale, gradScale, lr, update, lossTol, gradTol2, bound, params, cap, live, loss, gn2, scratch);
                if (epoch == 0) {
                    for (int i = 0; i < live; i++) {
                        initialLoss[i] = loss[i];
                        float b = (float) (cfg.divergenceFactor() * Math.max(loss[i], 1.0));
                        // the epoch-0 rule used +∞; a lane that stopped then must stay stopped below
                        if (LaneKernels.keepsTraining(loss[i], gn2[i], lossTol, gradTol2, Float.POSITIVE_INFINITY)) bound[i] = b;
                    }
                }
                if (stopped == 0 && update && !snap) continue;
                for (int i = 0; i < live; ) {
                    if (update && LaneKernels.keepsTraining(loss[i], gn2[i], lossTol, gradTol2, epoch == 0 ? Float.POSITIVE_INFINITY : bound[i])) {
                        if (snap) record(i, epoch, before);
                        i++;
                        continue;
                    }
                    out[ids[i]] = result(i, epoch, lossTol, gradTol2, seeds[ids[i]]);
                    if (traces != null) {
                        record(i, epoch, params);          // a stopped lane was not updated
                        laneTrace[i].finish(out[ids[i]]);
                    }
                    live--;
                    moveLane(live, i);
                }
            }
        }

        private void record(int i, int epoch, float[] from) {
            for (int q = 0; q < p; q++) row[q] = from[q * cap + i];
            laneTrace[i].add(epoch, loss[i], Math.sqrt(gn2[i]), row);
        }

        private RunResult result(int i, int epoch, float lossTol, float gradTol2, long seed) {
            float l = loss[i], g2 = gn2[i];
            Status s;
            if (!Float.isFinite(l) || !Float.isFinite(g2) || (epoch > 0 && l > bound[i])) s = Status.DIVERGED;
            else if (l < lossTol) s = Status.CONVERGED;
            else if (g2 <= gradTol2) s = Status.CRITICAL;
            else s = Status.MAX_EPOCHS;
            double[] fin = new double[p];
            for (int q = 0; q < p; q++) fin[q] = params[q * cap + i];
            RunSpec spec = new RunSpec(ids[i], seed, arch, data, cfg);
            return new RunResult(spec, s, epoch, initialLoss[i], l, Math.sqrt(g2), initialParams[i], fin);
        }

        private void moveLane(int from, int to) {
            if (from == to) return;
            for (int q = 0; q < p; q++) {
                params[q * cap + to] = params[q * cap + from];
                before[q * cap + to] = before[q * cap + from];
            }
            ids[to] = ids[from];
            bound[to] = bound[from];
            loss[to] = loss[from];
            gn2[to] = gn2[from];
            initialLoss[to] = initialLoss[from];
            initialParams[to] = initialParams[from];
            if (laneTrace != null) laneTrace[to] = laneTrace[from];
        }

        /** The same draws as {@link Network#initialize}: layer by layer, W then b, in double, rounded to float. */
        private void initialise(long seed, int lane) {
            SplittableRandom rng = new SplittableRandom(seed);
            int off = 0;
            for (Layer l : arch.layers()) {
                arch.init().draw(rng, l.in(), l.out(), l.bias() ? l.out() : 0, draw, off);
                off += l.size();
            }
            double[] init = new double[p];
            for (int q = 0; q < p; q++) {
                float v = (float) draw[q];
                params[q * cap + lane] = v;
                init[q] = v;
            }
            initialParams[lane] = init;
        }
    }
}
