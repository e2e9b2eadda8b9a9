package dev.basin.analysis.rank;

import dev.basin.kernels.Activation;
import dev.basin.trainer.Architecture;
import dev.basin.trainer.DataSet;
import dev.basin.trainer.DataSets;
import dev.basin.trainer.FeatureMap;
import dev.basin.trainer.Init;
import dev.basin.trainer.Loss;
import dev.basin.trainer.Precision;
import dev.basin.trainer.RunResult;
import dev.basin.trainer.RunSpec;
import dev.basin.trainer.Sweep;
import dev.basin.trainer.TrainConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Seed 002's experiments. Training goes through the trainer ({@link Sweep}: full-batch vanilla
 * SGD in float64 on the mean squared error, PyTorch's default initialisation); every final point
 * is then analysed in float64 by {@link PointAnalysis} with the seed's sum-of-squares Error.
 */
public final class RankExperiments {

    /** Knobs shared by the trained experiments. */
    public record Settings(int seeds, double learningRate, double momentum, int maxEpochs, double lossTolerance, double gradTolerance,
                           Activation activation, int threads, long dataSeed) {
        TrainConfig config() {
            return TrainConfig.defaults(Loss.MSE, learningRate).withMaxEpochs(maxEpochs).withLossTolerance(lossTolerance)
                    .withGradTolerance(gradTolerance).withMomentum(momentum).withTraceEvery(Math.max(1, maxEpochs)).withPrecision(Precision.F64);
        }
    }

    private RankExperiments() {}

    /** Widths M for the sweep: D/8 … 4D, always including D−1, D and D+1 around the predicted transition. */
    public static int[] sweepWidths(int d) {
        double[] ratios = {0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0};
        java.util.TreeSet<Integer> ms = new java.util.TreeSet<>();
        for (double r : ratios) ms.add(Math.max(1, (int) Math.round(r * d)));
        ms.add(Math.max(1, d - 1));
        ms.add(d + 1);
        return ms.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Width sweep: a one-hidden-layer net N → M → 1 on D random points, for each M and seed. */
    public static List<RunRecord> widthSweep(DataSet data, int[] widths, Settings s, java.util.function.IntConsumer progress) {
        List<RunRecord> out = new ArrayList<>();
        for (int m : widths) {
            Architecture arch = Architecture.mlp(s.activation(), data.inputs(), m, 1);
            out.addAll(train("sweep", "m" + m, arch, data, s, m, progress));
        }
        return out;
    }

    /**
     * Blum–Rivest gadgets (seed 002 §2.6): the same data for narrow (M ≪ D) and wide (M ≥ D)
     * nets; how often gradient descent stops at a critical point that does not fit the data.
     */
    public static List<RunRecord> blumRivest(DataSet data, int[] widths, Settings s, java.util.function.IntConsumer progress) {
        List<RunRecord> out = new ArrayList<>();
        for (int m : widths) {
            Architecture arch = Architecture.mlp(s.activation(), data.inputs(), m, 1);
            out.addAll(train("blum-rivest", "m" + m, arch, data, s, m, progress));
        }
        return out;
    }

    /**
     * The step size for one architecture: the smaller of the requested rate and 1/λ_max of the
     * MSE's Gauss–Newton matrix (2/D)·JᵀJ at the initialisation of the first seed. With
     * PyTorch's default initialisation λ_max grows about linearly with M, so a fixed rate that
     * suits M = D/8 diverges at M = 4D; this keeps full-batch SGD stable across the sweep.
     */
    static double stepSize(Architecture arch, DataSet data, Settings s, long seed) {
        dev.basin.trainer.Network init = new dev.basin.trainer.Network(arch, Precision.F64, 1);
        init.initialize(seed);
        NetPoint p = NetPoint.of(arch, init.paramsCopy(), seed);
        int d = data.rows(), cols = p.columns();
        double[] j = new double[d * cols];
        dev.basin.kernels.JacobianKernels.dense(p.net(), d, data.xCopy(), 0, data.inputs(), p.params(), 0, j, 0, cols,
                new double[p.net().workSize()]);
        // λ_max(JᵀJ) = λ_max(J·Jᵀ) by power iteration on the D×D Gram matrix
        double[] k = new double[d * d];
        for (int a = 0; a < d; a++)
            for (int b = 0; b <= a; b++) {
                double t = dev.basin.kernels.Kernels.dot(cols, j, a * cols, j, b * cols);
                k[a * d + b] = t;
                k[b * d + a] = t;
            }
        double lmax = MatrixRank.gram(k, d, cols).sigmaMax();
        lmax *= lmax;
        // heavy-ball momentum μ amplifies the step by up to 1/(1−μ) along the top direction
        double gn = 2.0 / d * lmax / (1 - s.momentum());
        return gn > 0 ? Math.min(s.learningRate(), 1.0 / gn) : s.learningRate();
    }

    static List<RunRecord> train(String experiment, String label, Architecture arch, DataSet data, Settings s, int m,
                                 java.util.function.IntConsumer progress) {
        long base = 1000L * m + 1;
        TrainConfig cfg = s.config().withLearningRate(stepSize(arch, data, s, base));
        List<RunSpec> specs = Sweep.seeds(arch, data, cfg, base, s.seeds());
        List<RunResult> results = Sweep.run(specs, s.threads(), null);
        List<RunRecord> out = new ArrayList<>();
        double[] x = data.xCopy(), y = data.tCopy();
        for (RunResult r : results) {
            NetPoint point = NetPoint.of(arch, r.finalParams(), r.seed());
            PointAnalysis a = PointAnalysis.of(point, data.rows(), x, y, false);
            out.add(new RunRecord(experiment, label + "-s" + r.seed(), widthsOf(point), activationsOf(point), m, r.seed(),
                    r.status(), r.epochs(), r.finalLoss(), r.finalGradNorm(), cfg.learningRate(), point, a));
            if (progress != null) progress.accept(1);
        }
        return out;
    }

    static String widthsOf(NetPoint p) {
        StringBuilder b = new StringBuilder();
        for (int l = 0; l <= p.net().layers(); l++) b.append(l == 0 ? "" : "-").append(p.net().width(l));
        return b.toString();
    }

    static String activationsOf(NetPoint p) {
        StringBuilder b = new StringBuilder();
        for (int l = 0; l < p.net().layers(); l++) {
            b.append(l == 0 ? "" : "|").append(p.net().activation(l).name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return b.toString();
    }

    // ---- §2.4 constructions: no training, the matrix x' itself ---------------------------------

    /** One construction at one D: the spectrum of x' (D samples × M = D features). */
    public record ConstructionRow(String construction, int d, int m, Spectrum spectrum, double exactR) {}

    /** The three constructions of seed 002 §2.4 for each D (M = D hidden nodes). */
    public static List<ConstructionRow> constructions(int[] ds, long seed) {
        List<ConstructionRow> rows = new ArrayList<>();
        for (int d : ds) {
            DataSet grid = DataSets.grid(new double[d]);
            rows.add(row("threshold-upper-triangular", FeatureMap.upperTriangular(d).apply(grid), d,
                    1 / (2 * Math.sin((2.0 * d - 1) * Math.PI / (4.0 * d + 2)))));
            rows.add(row("double-vandermonde-sigmoid(d*i)", FeatureMap.doubleVandermonde(d).apply(grid), d, Double.NaN));
            DataSet pts = DataSets.randomPoints(d, 2, seed);
            rows.add(row("fixed-random-tanh-layer(N=2)", FeatureMap.random(2, d, Activation.TANH, seed + 1).apply(pts), d, Double.NaN));
            rows.add(row("fixed-random-relu-layer(N=2)", FeatureMap.random(2, d, Activation.RELU, seed + 1).apply(pts), d, Double.NaN));
            rows.add(row("fixed-random-sigmoid-layer(grid)", FeatureMap.random(1, d, Activation.SIGMOID, seed + 1).apply(grid), d, Double.NaN));
        }
        return rows;
    }

    private static ConstructionRow row(String name, DataSet features, int d, double exactR) {
        return new ConstructionRow(name, d, features.inputs(), MatrixRank.svd(features.xCopy(), d, features.inputs()), exactR);
    }

    /** Uses {@link Init} so the report can name the initialisation. */
    static String initName() {
        return Init.UNIFORM_FAN_IN.name();
    }
}
