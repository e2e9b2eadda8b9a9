package dev.basin.analysis.rank;

import dev.basin.analysis.report.OutputFolder;
import dev.basin.kernels.Activation;
import dev.basin.kernels.Kernels;
import dev.basin.trainer.DataSet;
import dev.basin.trainer.DataSets;
import dev.basin.trainer.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code basin rank}: seed 002 on real runs. Trains one-hidden-layer nets with the trainer, then
 * at every final point computes the per-sample Jacobian's rank and smallest singular value, the
 * hidden features' scaling factor r, the sensitivity q and the certificate
 * |NN(x_d) − y_d| ≤ ε/(2qr); plus the §2.4 constructions and the §2.6 Blum–Rivest gadgets.
 */
@Command(name = "rank", mixinStandardHelpOptions = true,
        description = "Seed 002: Jacobian rank, hidden-feature scaling factor and the critical-point certificate.")
public final class RankCommand implements Callable<Integer> {

    @Option(names = "--out", description = "output folder, must not exist: report.md, runs.csv, constructions.csv, plots, data and params (default runs/rank-<timestamp>); written completely or not at all")
    Path out;

    @Option(names = "--D", defaultValue = "16", description = "training points D for the width sweep (default ${DEFAULT-VALUE})")
    int d;

    @Option(names = "--N", defaultValue = "2", description = "input dimension of the sweep's random points (default ${DEFAULT-VALUE})")
    int n;

    @Option(names = "--seeds", defaultValue = "8", description = "runs per width (default ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--activation", defaultValue = "tanh", description = "hidden activation (default ${DEFAULT-VALUE})")
    String activation;

    @Option(names = "--lr", defaultValue = "0.5", description = "largest SGD learning rate on the mean squared error; each width uses min(lr, (1−μ)/λ_max of the Gauss–Newton matrix at initialisation) (default ${DEFAULT-VALUE})")
    double lr;

    @Option(names = "--momentum", defaultValue = "0.9", description = "heavy-ball momentum μ (0 = vanilla SGD, the seeds' setting, which reaches the loss tolerance in few runs within the cap; momentum leaves the critical points unchanged; the step size is then divided by 1/(1−μ)) (default ${DEFAULT-VALUE})")
    double momentum;

    @Option(names = "--max-epochs", defaultValue = "30000", description = "epoch cap (full-batch steps) (default ${DEFAULT-VALUE})")
    int maxEpochs;

    @Option(names = "--loss-tol", defaultValue = "1e-8", description = "stop CONVERGED when the MSE is below this (default ${DEFAULT-VALUE})")
    double lossTol;

    @Option(names = "--grad-tol", defaultValue = "1e-9", description = "stop CRITICAL when the MSE gradient norm is at most this (default ${DEFAULT-VALUE})")
    double gradTol;

    @Option(names = "--experiments", defaultValue = "sweep,constructions,blum-rivest", split = ",",
            description = "which of sweep, constructions, blum-rivest (default ${DEFAULT-VALUE})")
    List<String> experiments;

    @Option(names = "--construction-max-D", defaultValue = "128", description = "largest D for the §2.4 constructions (default ${DEFAULT-VALUE})")
    int constructionMaxD;

    @Option(names = "--br-N", defaultValue = "6", description = "Blum–Rivest input bits N (default ${DEFAULT-VALUE})")
    int brN;

    @Option(names = "--br-gadgets", defaultValue = "6", description = "Blum–Rivest gadgets; D = gadgets·(N+1) (default ${DEFAULT-VALUE})")
    int brGadgets;

    @Option(names = "--threads", defaultValue = "0", description = "training threads (0 = all cores)")
    int threads;

    @Option(names = "--data-seed", defaultValue = "2024", description = "seed of the random data sets (default ${DEFAULT-VALUE})")
    long dataSeed;

    @Override
    public Integer call() throws Exception {
        Set<String> known = Set.of("sweep", "constructions", "blum-rivest");
        for (String e : experiments) {
            if (!known.contains(e)) throw new IllegalArgumentException("unknown experiment '" + e + "' (expected sweep, constructions or blum-rivest)");
        }
        if (d < 2) throw new IllegalArgumentException("--D must be at least 2, got " + d);
        if (n < 1) throw new IllegalArgumentException("--N must be at least 1, got " + n);
        if (seeds < 1) throw new IllegalArgumentException("--seeds must be at least 1, got " + seeds);
        if (constructionMaxD < 2) throw new IllegalArgumentException("--construction-max-D must be at least 2");
        Activation act = Activation.parse(activation);
        int th = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        RankExperiments.Settings s = new RankExperiments.Settings(seeds, lr, momentum, maxEpochs, lossTol, gradTol, act, th, dataSeed);
        // Everything is written into a hidden sibling folder, renamed into place only when complete.
        Path target = out != null ? out
                : Path.of("runs", "rank-" + java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        if (Files.exists(target)) throw new IllegalArgumentException("--out " + target + " already exists; choose a new folder");
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        out = OutputFolder.createTemp(parent, target);
        try {
            int rc = runInto(target, act, th, s);
            Files.move(out, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            System.err.println("basin rank: wrote " + target.resolve("report.md"));
            return rc;
        } finally {
            OutputFolder.deleteTree(out);
        }
    }

    private int runInto(Path target, Activation act, int th, RankExperiments.Settings s) throws Exception {
        long start = System.nanoTime();
        StringBuilder report = new StringBuilder();
        report.append("# basin rank — seed 002: critical points, Jacobian rank and the certificate\n\n");
        report.append("Kernels: ").append(Kernels.implementation()).append(". Training: the trainer's full-batch SGD in float64 on the")
                .append(" mean squared error").append(momentum == 0 ? "" : " with heavy-ball momentum " + momentum)
                .append(", step size min(").append(lr).append(", (1−μ)/λ_max((2/D)·JᵀJ at initialisation)) per width (column `lr`), at most ").append(maxEpochs).append(" epochs, CONVERGED when MSE < ")
                .append(lossTol).append(", CRITICAL when ‖∇MSE‖ ≤ ").append(gradTol).append(", PyTorch's default initialisation (")
                .append(RankExperiments.initName()).append("), hidden activation ").append(act.name().toLowerCase(Locale.ROOT)).append(".\n\n");
        report.append("Analysis at each final point, float64: Error = Σ_d (NN(x_d) − y_d)² (the seed's sum form, column `final_loss`), ")
                .append("ε = ‖∇Error‖ over every trainable parameter (`grad_norm`), J the D × P per-sample Jacobian (`rank`, `sigma_min`; ")
                .append("rank tolerance σ_max·max(D,P)·eps as NumPy), x' the hidden activations feeding the output layer (NN2 = the output ")
                .append("layer, NN3 = identity so q = 1), r = min_v |x'v|/|v| (0 when x' has rank < D), bound = ε/(2qr). `holds` is false only ")
                .append("when some |NN(x_d) − y_d| exceeds the bound by more than a relative 1e-9.\n\n");

        List<RunRecord> runs = new ArrayList<>();
        if (experiments.contains("sweep")) {
            DataSet data = DataSets.randomPoints(d, n, dataSeed);
            int[] widths = RankExperiments.sweepWidths(d);
            System.err.println("basin rank: width sweep, D=" + d + ", M in " + Arrays.toString(widths) + ", " + seeds + " seeds each");
            List<RunRecord> sweep = RankExperiments.widthSweep(data, widths, s, progress(widths.length * seeds));
            writeExperimentFiles("sweep", data, sweep);
            runs.addAll(sweep);
            sweepReport(report, sweep, data);
        }
        if (experiments.contains("blum-rivest")) {
            DataSet data = DataSets.blumRivest(brN, brGadgets);
            int dd = data.rows();
            int[] widths = Arrays.stream(new int[] {2, 3, brGadgets / 2, brGadgets, brGadgets + 2, dd / 2, dd, 2 * dd})
                    .filter(m -> m >= 1).distinct().sorted().toArray();
            System.err.println("basin rank: Blum–Rivest, N=" + brN + ", " + brGadgets + " gadgets, D=" + dd + ", M in " + Arrays.toString(widths));
            List<RunRecord> br = RankExperiments.blumRivest(data, widths, s, progress(widths.length * seeds));
            writeExperimentFiles("blum-rivest", data, br);
            runs.addAll(br);
            blumRivestReport(report, br, data);
        }
        if (!runs.isEmpty()) RankFiles.writeRuns(out.resolve("runs.csv"), runs);
        if (experiments.contains("constructions")) {
            List<Integer> ds = new ArrayList<>();
            for (int v = 2; v <= constructionMaxD; v *= 2) ds.add(v);
            for (int v : new int[] {3, 5, 6, 10, 12, 20, 24, 40, 48}) if (v <= constructionMaxD) ds.add(v);
            int[] dArr = ds.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
            System.err.println("basin rank: §2.4 constructions for D in " + Arrays.toString(dArr));
            var rows = RankExperiments.constructions(dArr, dataSeed);
            RankFiles.writeConstructions(out.resolve("constructions.csv"), rows);
            constructionsReport(report, rows);
        }
        long violated = runs.stream().filter(r -> !r.analysis().certificate().holds()).count();
        report.append("## Verdict\n\n");
        if (!runs.isEmpty()) {
            report.append(violated == 0
                    ? "- The certificate |NN(x_d) − y_d| ≤ ε/(2qr) held at every one of the " + runs.size() + " final points where r, q > 0; "
                      + "it was vacuous (r = 0: x' not linearly independent) wherever M < D, as requirement 1 says it must be.\n"
                    : "- The certificate FAILED at " + violated + " of " + runs.size() + " final points (see `holds` in runs.csv): "
                      + "with r, q > 0 that contradicts Theorem 1 unless the net is not differentiable there.\n");
        }
        report.append("\nFiles: `runs.csv`, `constructions.csv`, `<experiment>/data.csv` and `<experiment>/params/<run>.csv` ")
                .append("(layout in dev.basin.analysis.rank.RankFiles; `python3 bench/peers/rank_recompute.py ").append(target)
                .append("` recomputes every run's J, rank, σ_min, r and bound with NumPy and compares).\n");
        report.append(String.format(Locale.ROOT, "\nWall time %.1f s on %d thread(s).%n", (System.nanoTime() - start) / 1e9, th));
        RankFiles.write(out.resolve("report.md"), w -> w.print(report));
        return 0;
    }

    /** A one-line progress count on stderr. */
    private static java.util.function.IntConsumer progress(int total) {
        int[] done = {0};
        return k -> {
            done[0] += k;
            if (done[0] == total || done[0] % Math.max(1, total / 10) == 0) System.err.println("  " + done[0] + " / " + total + " runs");
        };
    }

    private void writeExperimentFiles(String experiment, DataSet data, List<RunRecord> runs) {
        Path dir = out.resolve(experiment);
        RankFiles.writeData(dir.resolve("data.csv"), data);
        for (RunRecord r : runs) RankFiles.writeParams(dir.resolve("params").resolve(r.id() + ".csv"), r.point());
    }

    private static double median(List<Double> v) {
        if (v.isEmpty()) return Double.NaN;
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : 0.5 * (a[a.length / 2 - 1] + a[a.length / 2]);
    }

    private static String fmt(double v) {
        return RankFiles.short4(v);
    }

    private void sweepReport(StringBuilder rep, List<RunRecord> runs, DataSet data) {
        int dd = data.rows();
        rep.append("## Width sweep: ").append(data.inputs()).append(" → M → 1 on D = ").append(dd)
                .append(" random points (inputs and targets N(0,1), data seed ").append(dataSeed).append(")\n\n");
        rep.append("| M | M/D | P | runs | converged | median Error | median ε | median rank(J) | median σ_min(J) | rank(x') | median r | holds / vacuous / violated |\n");
        rep.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        var byM = new TreeMap<Integer, List<RunRecord>>(runs.stream().collect(Collectors.groupingBy(RunRecord::m)));
        RankPlots.Series conv = new RankPlots.Series(), sig = new RankPlots.Series(), loss = new RankPlots.Series();
        Integer firstAllConverged = null, firstFullX = null;
        for (var e : byM.entrySet()) {
            int m = e.getKey();
            List<RunRecord> rs = e.getValue();
            long c = rs.stream().filter(r -> r.status() == Status.CONVERGED).count();
            long holds = rs.stream().filter(r -> r.analysis().certificate().verdict() == Certificate.Verdict.HOLDS).count();
            long viol = rs.stream().filter(r -> !r.analysis().certificate().holds()).count();
            long vac = rs.size() - holds - viol;
            double ratio = (double) m / dd;
            rep.append(String.format(Locale.ROOT, "| %d | %.3f | %d | %d | %d (%.0f%%) | %s | %s | %s | %s | %s | %s | %d / %d / %d |%n",
                    m, ratio, rs.getFirst().analysis().columns(), rs.size(), c, 100.0 * c / rs.size(),
                    fmt(median(rs.stream().map(r -> r.analysis().loss()).toList())),
                    fmt(median(rs.stream().map(r -> r.analysis().certificate().epsilon()).toList())),
                    fmt(median(rs.stream().map(r -> (double) r.analysis().jacobian().rank()).toList())),
                    fmt(median(rs.stream().map(r -> r.analysis().jacobian().sigmaMin()).toList())),
                    fmt(median(rs.stream().map(r -> (double) r.analysis().features().rank()).toList())),
                    fmt(median(rs.stream().map(r -> r.analysis().certificate().r()).toList())), holds, vac, viol));
            conv.add("fraction converged", ratio, (double) c / rs.size());
            for (RunRecord r : rs) {
                sig.add("σ_min(J)", ratio, r.analysis().jacobian().sigmaMin());
                sig.add("r = σ_min(x')", ratio, r.analysis().certificate().r());
                loss.add("final Error", ratio, r.analysis().loss());
                if (r.analysis().certificate().verdict() == Certificate.Verdict.HOLDS) loss.add("bound ε/(2qr)", ratio, r.analysis().certificate().bound());
            }
            if (firstAllConverged == null && c == rs.size()) firstAllConverged = m;
            if (firstFullX == null && rs.stream().allMatch(r -> r.analysis().features().rank() == dd)) firstFullX = m;
        }
        RankPlots.save(out.resolve("sweep_converged.png"), "Fraction of runs reaching zero training loss (D=" + dd + ")", "M / D",
                "fraction CONVERGED", conv, false, false, true);
        RankPlots.save(out.resolve("sweep_sigma_min.png"), "Smallest singular values at the final point (D=" + dd + ")", "M / D",
                "σ_min (log)", sig, false, true, false);
        RankPlots.save(out.resolve("sweep_loss.png"), "Final Error and the certificate's bound (D=" + dd + ")", "M / D",
                "Error / bound (log)", loss, false, true, false);
        rep.append("\nPlots: `sweep_converged.png`, `sweep_sigma_min.png`, `sweep_loss.png`.\n\n");
        rep.append("- Smallest M at which every run converged: ").append(firstAllConverged == null ? "none in the sweep" : firstAllConverged + " (M/D = "
                + String.format(Locale.ROOT, "%.3f", (double) firstAllConverged / dd) + ")").append(".\n");
        rep.append("- Smallest M at which x' had full rank D in every run (the certificate's requirement 1, so r > 0): ")
                .append(firstFullX == null ? "none in the sweep" : firstFullX + " (M/D = " + String.format(Locale.ROOT, "%.3f", (double) firstFullX / dd) + ")")
                .append(". x' has D rows of M features, so rank(x') ≤ M: below M = D the theorem cannot apply.\n\n");
    }

    private void blumRivestReport(StringBuilder rep, List<RunRecord> runs, DataSet data) {
        int dd = data.rows();
        rep.append("## Blum–Rivest gadgets (seed 002 §2.6): N = ").append(brN).append(", ").append(brGadgets)
                .append(" gadgets, D = ").append(dd).append("\n\n");
        rep.append("A run *stopped at a bad critical point* when it ended CRITICAL (gradient below the tolerance) or at the epoch cap with ")
                .append("its MSE still ≥ 1e-6, i.e. not fitting the data.\n\n");
        rep.append("| M | runs | converged | bad critical (CRITICAL) | not fitted at the cap | median Error | median ε | rank(x') | holds / vacuous / violated |\n");
        rep.append("|---|---|---|---|---|---|---|---|---|\n");
        var byM = new TreeMap<Integer, List<RunRecord>>(runs.stream().collect(Collectors.groupingBy(RunRecord::m)));
        RankPlots.Series s = new RankPlots.Series();
        for (var e : byM.entrySet()) {
            List<RunRecord> rs = e.getValue();
            long c = rs.stream().filter(r -> r.status() == Status.CONVERGED).count();
            long crit = rs.stream().filter(r -> r.status() == Status.CRITICAL).count();
            long cap = rs.stream().filter(r -> r.status() == Status.MAX_EPOCHS && r.trainerLoss() >= 1e-6).count();
            long holds = rs.stream().filter(r -> r.analysis().certificate().verdict() == Certificate.Verdict.HOLDS).count();
            long viol = rs.stream().filter(r -> !r.analysis().certificate().holds()).count();
            rep.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %d | %s | %s | %s | %d / %d / %d |%n", e.getKey(), rs.size(), c, crit, cap,
                    fmt(median(rs.stream().map(r -> r.analysis().loss()).toList())),
                    fmt(median(rs.stream().map(r -> r.analysis().certificate().epsilon()).toList())),
                    fmt(median(rs.stream().map(r -> (double) r.analysis().features().rank()).toList())), holds, rs.size() - holds - viol, viol));
            for (RunRecord r : rs) s.add("final Error", (double) e.getKey() / dd, r.analysis().loss());
        }
        RankPlots.save(out.resolve("blum_rivest.png"), "Blum–Rivest gadgets: final Error by width (D=" + dd + ")", "M / D",
                "final Error (log)", s, true, true, false);
        rep.append("\nPlot: `blum_rivest.png`.\n\n");
    }

    private void constructionsReport(StringBuilder rep, List<RankExperiments.ConstructionRow> rows) {
        rep.append("## Seed 002 §2.4 constructions of x' (M = D hidden nodes, no training)\n\n");
        rep.append("Rank with NumPy's tolerance and the scaling factor r = σ_min(x'); `exact r` is the closed form where one is known ")
                .append("(the upper-triangular ones matrix: 1/(2 sin((2D−1)π/(4D+2))) → 1/2).\n\n");
        rep.append("| construction | D | rank | r | σ_max | exact r |\n|---|---|---|---|---|---|\n");
        RankPlots.Series s = new RankPlots.Series();
        var byName = new TreeMap<String, List<RankExperiments.ConstructionRow>>(rows.stream().collect(Collectors.groupingBy(RankExperiments.ConstructionRow::construction)));
        for (var e : byName.entrySet()) {
            for (var r : e.getValue().stream().sorted((a, b) -> Integer.compare(a.d(), b.d())).toList()) {
                rep.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %s |%n", r.construction(), r.d(), r.spectrum().rank(),
                        fmt(r.spectrum().rowScalingFactor()), fmt(r.spectrum().sigmaMax()), Double.isNaN(r.exactR()) ? "" : fmt(r.exactR())));
                s.add(r.construction(), r.d(), r.spectrum().rowScalingFactor());
            }
        }
        RankPlots.save(out.resolve("constructions_r.png"), "Scaling factor r of x' as D grows (M = D)", "D", "r = σ_min(x') (log)", s, true, true, true);
        rep.append("\nPlot: `constructions_r.png`. A construction whose numerical rank falls below D is full-rank only in exact arithmetic: ")
                .append("its r is below float64's resolution σ_max·D·eps and the certificate's bound ε/(2qr) is useless there.\n\n");
    }
}
