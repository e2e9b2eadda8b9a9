package dev.basin.analysis;

import dev.basin.analysis.convergence.ConvergenceStudy;
import dev.basin.analysis.convergence.ModelSpec;
import dev.basin.analysis.convergence.Regressors;
import dev.basin.analysis.convergence.TraceExperiment;
import dev.basin.analysis.report.Evidence;
import dev.basin.analysis.report.OutputFolder;
import dev.basin.analysis.report.ReportWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code basin convergence}: seed 004's experiment end to end. */
@Command(name = "convergence", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Seed 004 end to end: traces of y = |Wx + b| on centered XOR under vanilla SGD, the 18 distance features,",
                "11 regressors with 10-fold CV (row and grouped-by-trace splits) and bootstrap intervals, smart initialisation,",
                "a report with plots. Writes --out completely or not at all."})
public final class ConvergenceCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--runs", defaultValue = "100", description = "Converged traces for the feature table (default ${DEFAULT-VALUE}).")
    int runs;
    @Option(names = "--tol", defaultValue = "1e-3", description = "Loss tolerance: a run converges when its loss is below this (default ${DEFAULT-VALUE}).")
    double tol;
    @Option(names = "--lr", defaultValue = "0.05", description = "SGD learning rate (default ${DEFAULT-VALUE}).")
    double lr;
    @Option(names = "--max-epochs", defaultValue = "1000", description = "Epoch cap per run (default ${DEFAULT-VALUE}).")
    int maxEpochs;
    @Option(names = "--grad-tol", defaultValue = "1e-6", description = "Stop as a critical point when ‖∇loss‖ ≤ this (default ${DEFAULT-VALUE}).")
    double gradTol;
    @Option(names = "--max-draws", defaultValue = "0", description = "Most initialisations drawn to get --runs converged ones (default 20 × runs).")
    int maxDraws;
    @Option(names = "--model", defaultValue = "abs", description = "abs (seed 004), relu, or mlp (default ${DEFAULT-VALUE}).")
    String model;
    @Option(names = "--width", defaultValue = "8", description = "Hidden width for --model mlp (default ${DEFAULT-VALUE}).")
    int width;
    @Option(names = "--activation", defaultValue = "relu", description = "Hidden activation for --model mlp: abs, relu, leaky-relu, tanh, sigmoid, identity (default ${DEFAULT-VALUE}).")
    String activation;
    @Option(names = "--folds", defaultValue = "10", description = "Cross-validation folds (default ${DEFAULT-VALUE}).")
    int folds;
    @Option(names = "--bootstrap", defaultValue = "50", description = "Bootstrap resamples for the R² intervals (default ${DEFAULT-VALUE}).")
    int bootstrap;
    @Option(names = "--smart-candidates", defaultValue = "1000", description = "Initialisations sampled for the smart-init study (default ${DEFAULT-VALUE}).")
    int smartCandidates;
    @Option(names = "--smart-keep", defaultValue = "0.1", description = "Fraction kept by lowest initial loss (default ${DEFAULT-VALUE}).")
    double smartKeep;
    @Option(names = "--trees", defaultValue = "100", description = "Random forest trees (default ${DEFAULT-VALUE}).")
    int trees;
    @Option(names = "--boost-rounds", defaultValue = "100", description = "Gradient boosting rounds (default ${DEFAULT-VALUE}).")
    int boostRounds;
    @Option(names = "--rbf-landmarks", defaultValue = "300", description = "Nyström landmarks of the RBF kernel ridge (default ${DEFAULT-VALUE}).")
    int rbfLandmarks;
    @Option(names = "--nn-epochs", defaultValue = "25", description = "Training epochs of the two neural-net regressors (default ${DEFAULT-VALUE}).")
    int nnEpochs;
    @Option(names = "--seed", defaultValue = "4", description = "Base seed: run i uses seed + i (default ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--threads", defaultValue = "0", description = "Worker threads (default: all cores).")
    int threads;
    @Option(names = "--out", description = "Output folder, must not exist (default runs/convergence-<timestamp>).")
    Path out;
    @Option(names = "--no-progress", description = "No progress bar on stderr.")
    boolean noProgress;

    @Override
    public Integer call() throws IOException {
        ConvergenceStudy.Settings settings = settings();
        Path target = out != null ? out : Path.of("runs", "convergence-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        target = target.toAbsolutePath().normalize();
        if (Files.exists(target)) throw bad("--out " + target + " already exists; choose a new folder");
        long t0 = System.nanoTime();
        PrintStream err = System.err;
        ProgressBar bar = noProgress ? null : new ProgressBarBuilder().setTaskName("convergence").setInitialMax(ConvergenceStudy.workUnits(settings))
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(err)).setUpdateIntervalMillis(250).build();
        ConvergenceStudy.Results results;
        try {
            results = ConvergenceStudy.run(settings, n -> { if (bar != null) bar.stepBy(n); });
        } finally {
            if (bar != null) bar.close();
        }
        long w0 = System.nanoTime();
        double c0 = ConvergenceStudy.cpuSeconds();
        Evidence ev = new Evidence(results, Math.max(gradTol, 1e-4));
        ReportWriter writer = new ReportWriter(results, ev, commandLine());
        // The timings go into the report too, so the last stage is measured up to rendering it.
        results.stageSeconds().put("report, CSV and plots", 0.0);
        results.stageCpuSeconds().put("report, CSV and plots", 0.0);
        writer.beforeReport(() -> {
            results.stageSeconds().put("report, CSV and plots", (System.nanoTime() - w0) / 1e9);
            results.stageCpuSeconds().put("report, CSV and plots", ConvergenceStudy.cpuSeconds() - c0);
        });
        writeAtomically(target, writer);
        double total = (System.nanoTime() - t0) / 1e9;

        var o = spec.commandLine().getOut();
        o.println(writer.rankingTable());
        o.printf(Locale.ROOT, "  %-40s %9s %9s%n", "stage", "wall", "cpu");
        for (Map.Entry<String, Double> e : results.stageSeconds().entrySet()) {
            o.printf(Locale.ROOT, "  %-40s %7.2f s %7.2f s%n", e.getKey(), e.getValue(), results.stageCpuSeconds().get(e.getKey()));
        }
        o.printf(Locale.ROOT, "  %-40s %7.2f s %7.2f s (wall from the command start; CPU of the whole process)%n", "total", total, ConvergenceStudy.cpuSeconds());
        o.println("wrote " + target);
        o.flush();
        return 0;
    }

    ConvergenceStudy.Settings settings() {
        if (runs < 2) throw bad("--runs must be ≥ 2, got " + runs);
        if (!(tol > 0) || !Double.isFinite(tol)) throw bad("--tol must be a positive number, got " + tol);
        if (!(lr > 0) || !Double.isFinite(lr)) throw bad("--lr must be a positive number, got " + lr);
        if (maxEpochs < 1) throw bad("--max-epochs must be ≥ 1, got " + maxEpochs);
        if (Double.isNaN(gradTol) || gradTol < 0) throw bad("--grad-tol must be ≥ 0, got " + gradTol);
        if (folds < 2) throw bad("--folds must be ≥ 2, got " + folds);
        if (runs < folds) throw bad("--runs (" + runs + ") must be at least --folds (" + folds + ") for the grouped split");
        if (bootstrap < 1) throw bad("--bootstrap must be ≥ 1, got " + bootstrap);
        if (smartCandidates < 10) throw bad("--smart-candidates must be ≥ 10, got " + smartCandidates);
        if (!(smartKeep > 0 && smartKeep < 1)) throw bad("--smart-keep must be in (0, 1), got " + smartKeep);
        if (trees < 1 || boostRounds < 1) throw bad("--trees and --boost-rounds must be ≥ 1");
        if (rbfLandmarks < 1) throw bad("--rbf-landmarks must be ≥ 1, got " + rbfLandmarks);
        if (nnEpochs < 1) throw bad("--nn-epochs must be ≥ 1, got " + nnEpochs);
        if (threads < 0) throw bad("--threads must be ≥ 0, got " + threads);
        if (maxDraws < 0) throw bad("--max-draws must be ≥ 0, got " + maxDraws);
        ModelSpec m;
        try {
            m = ModelSpec.parse(model, width, activation);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
        int th = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        int draws = maxDraws == 0 ? 20 * runs : maxDraws;
        if (draws < runs) throw bad("--max-draws (" + draws + ") must be at least --runs (" + runs + ")");
        TraceExperiment.Settings ts = new TraceExperiment.Settings(m, lr, tol, gradTol, maxEpochs, seed, th);
        return new ConvergenceStudy.Settings(ts, runs, draws, folds, bootstrap, smartCandidates, smartKeep,
                new Regressors.Options(trees, boostRounds, rbfLandmarks, nnEpochs, 1), th);
    }

    private CommandLine.ParameterException bad(String msg) {
        return new CommandLine.ParameterException(spec.commandLine(), msg);
    }

    private String commandLine() {
        return ("basin " + String.join(" ", spec.commandLine().getParseResult().originalArgs())).trim();
    }

    /** Writes into a hidden sibling folder and renames it into place, so --out is complete or absent. */
    static void writeAtomically(Path target, ReportWriter writer) throws IOException {
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path tmp = OutputFolder.createTemp(parent, target);
        try {
            writer.writeAll(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                throw new IllegalArgumentException("--out " + target + " appeared while the study ran; results not written");
            }
        } catch (IOException | RuntimeException e) {
            OutputFolder.deleteTree(tmp);
            throw e;
        }
    }
}
