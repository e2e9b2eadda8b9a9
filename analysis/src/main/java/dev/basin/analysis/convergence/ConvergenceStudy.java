package dev.basin.analysis.convergence;

import dev.basin.analysis.regress.Bootstrap;
import dev.basin.analysis.regress.CrossValidation;
import dev.basin.analysis.regress.Folds;
import dev.basin.analysis.regress.Regressor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Seed 004's experiment, stage by stage: traces → feature table → 11 regressors × {row, grouped}
 * 10-fold cross-validation → bootstrap intervals → smart initialisation. Each stage's wall time is
 * kept for the report.
 */
public final class ConvergenceStudy {

    public record Settings(TraceExperiment.Settings traces, int runs, int maxDraws, int folds, int bootstrap,
                           int smartCandidates, double smartKeep, Regressors.Options regressors, int threads) {}

    /** One model on one split, with its bootstrap interval for R². */
    public record Score(CrossValidation.Result cv, Bootstrap.Interval ci, double fitSeconds) {}

    public record Results(Settings settings, TraceExperiment.Outcome traces, FeatureTable table, List<Regressor> models,
                          List<Score> scores, int[] rowFolds, int[] groupFolds, SmartInit.Result smart,
                          Map<String, Double> stageSeconds, Map<String, Double> stageCpuSeconds) {

        public Score score(String model, String split) {
            for (Score s : scores) if (s.cv().model().equals(model) && s.cv().split().equals(split)) return s;
            throw new IllegalArgumentException("no score for " + model + " / " + split);
        }
    }

    public static final String ROW = "row", GROUPED = "grouped";

    /** Work units for a progress bar: traces, CV folds, bootstrap, smart init. */
    public static long workUnits(Settings s) {
        return s.runs() + 2L * 11 * s.folds() + 1 + 1;
    }

    public static Results run(Settings s, IntConsumer progress) {
        Map<String, Double> t = new LinkedHashMap<>(), cpu = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        double c0 = cpuSeconds();
        TraceExperiment.Outcome out = TraceExperiment.run(s.traces(), s.runs(), s.maxDraws(), progress);
        t.put("traces", secs(t0));
        cpu.put("traces", cpuSeconds() - c0);
        if (out.used().size() < Math.max(2, s.folds())) {
            Map<String, Integer> ends = new TreeMap<>();
            for (TraceData d : out.all()) ends.merge(d.status(), 1, Integer::sum);
            int diverged = ends.getOrDefault("DIVERGED", 0);
            String hint = 2 * diverged >= out.all().size()
                    ? diverged + " runs diverged: the learning rate --lr " + s.traces().learningRate() + " is too large for this model; lower it"
                    : "the model may not be able to reach that loss at all (one ReLU unit on XOR bottoms out at 0.25): raise --tol or --max-epochs, or pick another --model";
            throw new IllegalStateException("only " + out.used().size() + " of " + out.all().size()
                    + " runs converged (tolerance " + s.traces().lossTolerance() + ", cap " + s.traces().maxEpochs()
                    + " epochs; end states " + ends + "); need at least " + s.folds() + " for " + s.folds()
                    + "-fold grouped cross-validation. " + Character.toUpperCase(hint.charAt(0)) + hint.substring(1));
        }
        // Top up the progress bar for runs we did not need.
        if (out.used().size() < s.runs()) progress.accept(s.runs() - out.used().size());

        t0 = System.nanoTime();
        c0 = cpuSeconds();
        FeatureTable table = FeatureTable.build(out.used());
        t.put("features", secs(t0));
        cpu.put("features", cpuSeconds() - c0);

        t0 = System.nanoTime();
        c0 = cpuSeconds();
        List<Regressor> models = Regressors.all(table, s.regressors());
        int k = s.folds();
        long seed = s.traces().seed();
        int[] rowFolds = Folds.byRow(table.rows(), k, seed);
        int[] groupFolds = Folds.byGroup(table.trace, k, seed);
        List<Score> scores = crossValidate(models, table, rowFolds, groupFolds, k, seed, s.threads(), progress);
        t.put("models (11 × 2 splits × " + k + " folds)", secs(t0));
        cpu.put("models (11 × 2 splits × " + k + " folds)", cpuSeconds() - c0);

        t0 = System.nanoTime();
        c0 = cpuSeconds();
        List<Score> withCi = new ArrayList<>();
        int[] rowUnits = new int[table.rows()];
        for (int i = 0; i < rowUnits.length; i++) rowUnits[i] = i;
        for (Score sc : scores) {
            int[] units = sc.cv().split().equals(ROW) ? rowUnits : table.trace;
            Bootstrap.Interval ci = Bootstrap.r2(table.y, sc.cv().outOfFold(), units, s.bootstrap(), seed + 17);
            withCi.add(new Score(sc.cv(), ci, sc.fitSeconds()));
        }
        progress.accept(1);
        t.put("bootstrap (" + s.bootstrap() + " resamples)", secs(t0));
        cpu.put("bootstrap (" + s.bootstrap() + " resamples)", cpuSeconds() - c0);

        t0 = System.nanoTime();
        c0 = cpuSeconds();
        SmartInit.Result smart = SmartInit.run(s.traces(), s.smartCandidates(), s.smartKeep(), seed + 1_000_000L);
        progress.accept(1);
        t.put("smart initialisation", secs(t0));
        cpu.put("smart initialisation", cpuSeconds() - c0);
        return new Results(s, out, table, models, withCi, rowFolds, groupFolds, smart, t, cpu);
    }

    private static List<Score> crossValidate(List<Regressor> models, FeatureTable table, int[] rowFolds, int[] groupFolds,
                                             int k, long seed, int threads, IntConsumer progress) {
        record Task(int model, int split, int fold) {}
        List<Task> tasks = new ArrayList<>();
        for (int m = 0; m < models.size(); m++) for (int sp = 0; sp < 2; sp++) for (int f = 0; f < k; f++) tasks.add(new Task(m, sp, f));
        double[][][][] pred = new double[models.size()][2][k][];
        double[][] seconds = new double[models.size()][2];
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<?>> fs = new ArrayList<>();
            // Slow models first so the pool stays busy to the end.
            tasks.sort(Comparator.comparingInt((Task x) -> -cost(models.get(x.model()).name())));
            for (Task tk : tasks) {
                fs.add(pool.submit(() -> {
                    long s0 = System.nanoTime();
                    int[] folds = tk.split() == 0 ? rowFolds : groupFolds;
                    pred[tk.model()][tk.split()][tk.fold()] = CrossValidation.foldPredictions(models.get(tk.model()), table.x, table.y, folds, tk.fold(), seed);
                    synchronized (seconds) { seconds[tk.model()][tk.split()] += secs(s0); }
                    progress.accept(1);
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof RuntimeException re) throw re;
                    throw new IllegalStateException(c);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        List<Score> out = new ArrayList<>();
        for (int m = 0; m < models.size(); m++) {
            for (int sp = 0; sp < 2; sp++) {
                CrossValidation.Result r = CrossValidation.assemble(models.get(m).name(), sp == 0 ? ROW : GROUPED, table.y,
                        sp == 0 ? rowFolds : groupFolds, k, pred[m][sp]);
                out.add(new Score(r, null, seconds[m][sp]));
            }
        }
        return out;
    }

    private static int cost(String name) {
        if (name.startsWith("Neural")) return 3;
        if (name.startsWith("Random") || name.startsWith("RBF") || name.startsWith("Gradient")) return 2;
        return 1;
    }

    static double secs(long t0) { return (System.nanoTime() - t0) / 1e9; }

    /** CPU time of the whole process (all threads, native XGBoost included): the load-independent cost of a stage. */
    public static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }
}
