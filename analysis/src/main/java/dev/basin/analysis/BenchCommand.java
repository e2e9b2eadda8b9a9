package dev.basin.analysis;

import dev.basin.kernels.KernelProvider;
import dev.basin.kernels.KernelSupport;
import dev.basin.kernels.Kernels;
import dev.basin.kernels.ScalarKernels;
import dev.basin.kernels.VectorGemm;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code basin bench}: a quick look at kernel throughput on this CPU, scalar reference against
 * the SIMD kernels. Each cell is a warm-up (until the rate stops improving) and then a few
 * repetitions of a timed loop with a fixed wall-clock budget; the median repetition is reported. It is a sanity check that runs in
 * seconds, not a benchmark: the rigorous numbers come from JMH in bench/ (bench/README.md).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {
            "Quick throughput table of the kernels on this CPU: sgemm and dgemm GFLOP/s at n = 64, 256, 1024"
                    + " and dot/axpy GB/s, the scalar reference against the SIMD kernels, with their ratio.",
            "Each cell is time-boxed (warm-up, then the median of a few timed repetitions), so the whole"
                    + " table takes about 20 s (about 10 s with --quick). This is a sanity check, not a benchmark:"
                    + " the rigorous numbers come from JMH in bench/ (see bench/README.md)."},
        footer = {"",
            "Cells whose single call would not fit the time box (scalar gemm at n = 1024) are timed on a slab of"
                    + " the first rows of C (same n and k; the rows of C are independent) and marked with *."})
final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "Short time boxes (0.15 s measured per cell): about 10 s in all, noisier.")
    boolean quick;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "0.5",
            description = "Measured wall-clock time per cell in seconds (default ${DEFAULT-VALUE}; --quick uses 0.15), after a warm-up that lasts"
                    + " until the rate stops improving: at least 40%% of it, at most max(1 s, 2×S).")
    double seconds;

    @Option(names = "--reps", paramLabel = "N", defaultValue = "5",
            description = "Timed repetitions per cell; the median is reported (default ${DEFAULT-VALUE}).")
    int reps;

    private static final int[] GEMM_SIZES = {64, 256, 1024};
    private static final int[] VECTOR_SIZES = {4096, 1 << 20};

    @Option(names = "--threads", defaultValue = "1",
            description = "Threads for large SIMD gemm calls (default ${DEFAULT-VALUE}, so both columns are single-threaded; the scalar path always is).")
    int threads;

    /** Written with every result so the JIT cannot drop a call whose value is otherwise unused. */
    private double sink;

    /** One kernel call on rows rows of its output (rows is only used by gemm's slab mode). */
    private interface Call {
        void run(int rows);
    }

    /** The median rate in units of work per second, and whether a slab of rows was timed. */
    private record Rate(double perSecond, int rows, int fullRows) {
        boolean slab() {
            return rows < fullRows;
        }
    }

    @Override
    public void run() {
        if (spec.commandLine().getParseResult().hasMatchedOption("--seconds") && quick) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give either --quick or --seconds, not both");
        }
        double budget = quick ? 0.15 : seconds;
        if (!(budget > 0 && budget <= 60)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--seconds must be in (0, 60], not " + seconds);
        }
        if (reps < 1 || reps > 100) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--reps must be between 1 and 100, not " + reps);
        }
        if (threads < 1 || threads > 1024) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be between 1 and 1024, not " + threads);
        }
        VectorGemm.setThreads(threads);
        PrintWriter out = spec.commandLine().getOut();
        KernelSupport scalar = new ScalarKernels();

        out.println("basin bench: a quick time-boxed look, not a benchmark; JMH in bench/ is the rigorous one (bench/README.md).");
        out.printf("cpu:     %s (%s), %d cores available to the JVM%n", cpuModel().orElse(System.getProperty("os.arch")),
                System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors());
        out.printf("java:    %s %s%n", System.getProperty("java.vm.name"), Runtime.version());
        out.printf("kernels: %s%n", Kernels.implementation());
        if (!KernelProvider.isVectorized()) {
            out.println("         (the SIMD column runs the scalar fallback: start java with --add-modules jdk.incubator.vector, as ./basin does)");
        }
        out.printf(Locale.ROOT, "timing:  warm-up until the JIT settles (>= %.2f s), then %.2f s measured per cell, median of up to %d repetitions; SIMD gemm on %s%n%n",
                0.4 * budget, budget, reps, threads == 1 ? "1 thread" : threads + " threads (scalar on 1)");
        out.printf("%-6s %8s  %-8s %10s %10s %8s%n", "kernel", "n", "unit", "scalar", "SIMD", "ratio");
        out.flush();

        boolean anySlab = false;
        long start = System.nanoTime();
        for (int n : GEMM_SIZES) {
            float[] a = floats(n * n, 1), b = floats(n * n, 2), c = new float[n * n];
            Call s = rows -> scalar.sgemm(false, false, rows, n, n, 1f, a, 0, n, b, 0, n, 0f, c, 0, n);
            Call v = rows -> Kernels.sgemm(false, false, rows, n, n, 1f, a, 0, n, b, 0, n, 0f, c, 0, n);
            anySlab |= row(out, "sgemm", n, "GFLOP/s", 2.0 * n * n / 1e9, n, s, v, budget);
        }
        for (int n : GEMM_SIZES) {
            double[] a = doubles(n * n, 3), b = doubles(n * n, 4), c = new double[n * n];
            Call s = rows -> scalar.dgemm(false, false, rows, n, n, 1.0, a, 0, n, b, 0, n, 0.0, c, 0, n);
            Call v = rows -> Kernels.dgemm(false, false, rows, n, n, 1.0, a, 0, n, b, 0, n, 0.0, c, 0, n);
            anySlab |= row(out, "dgemm", n, "GFLOP/s", 2.0 * n * n / 1e9, n, s, v, budget);
        }
        for (int n : VECTOR_SIZES) {
            float[] x = floats(n, 5), y = floats(n, 6);
            Call s = rows -> sink += scalar.dot(n, x, 0, y, 0);
            Call v = rows -> sink += Kernels.dot(n, x, 0, y, 0);
            row(out, "sdot", n, "GB/s", 2.0 * n * Float.BYTES / 1e9, 1, s, v, budget);
        }
        for (int n : VECTOR_SIZES) {
            float[] x = floats(n, 7), y = floats(n, 8);
            // alpha alternates sign so y stays bounded however many calls the time box allows.
            float[] alpha = {0.5f};
            Call s = rows -> scalar.axpy(n, alpha[0] = -alpha[0], x, 0, y, 0);
            Call v = rows -> Kernels.axpy(n, alpha[0] = -alpha[0], x, 0, y, 0);
            row(out, "saxpy", n, "GB/s", 3.0 * n * Float.BYTES / 1e9, 1, s, v, budget);
        }
        out.printf(Locale.ROOT, "%ntotal %.1f s. GFLOP/s counts 2·n³ per gemm; GB/s counts each operand read once and"
                + " each output written once (dot 8n bytes, axpy 12n).%n", (System.nanoTime() - start) / 1e9);
        if (anySlab) {
            out.println("* timed on a slab of the first rows of C (full n and k) because one full call would not fit the time box.");
        }
        out.flush();
    }

    /** Measures one kernel both ways and prints the row; returns whether a slab was used. */
    private boolean row(PrintWriter out, String kernel, int n, String unit, double workPerRow, int fullRows,
                        Call scalar, Call simd, double budget) {
        Rate s = measure(scalar, workPerRow, fullRows, budget);
        Rate v = measure(simd, workPerRow, fullRows, budget);
        out.printf(Locale.ROOT, "%-6s %8d  %-8s %10s %10s %7.1fx%n", kernel, n, unit,
                fmt(s.perSecond()) + (s.slab() ? "*" : " "), fmt(v.perSecond()) + (v.slab() ? "*" : " "),
                v.perSecond() / s.perSecond());
        out.flush();
        return s.slab() || v.slab();
    }

    /**
     * Warm-up, then up to {@link #reps} repetitions of at least one call each, each running for
     * budget/reps; stops early after three repetitions once the budget is spent. When one call on
     * all rows would take more than a third of the budget, only the first rows are computed.
     */
    private Rate measure(Call call, double workPerRow, int fullRows, double budget) {
        long budgetNs = (long) (budget * 1e9);
        int rows = fullRows;
        if (fullRows > 4) {
            int probeRows = 4;
            long t0 = System.nanoTime();
            call.run(probeRows);
            double perRow = (System.nanoTime() - t0) / (double) probeRows;
            if (perRow * fullRows > budgetNs / 3.0) {
                rows = Math.max(4, (int) Math.min(fullRows, (budgetNs / 3.0) / perRow) / 4 * 4);
            }
        }
        long repNs = Math.max(1, budgetNs / reps);
        // Warm up until the JIT is done (the Vector API runs orders of magnitude slower before C2
        // compiles it): chunks of at least 50 ms until two in a row finish no compilation and do
        // not speed up; at least 40% of the budget, at most max(1 s, 2 budgets).
        long chunkNs = Math.max(repNs, 50_000_000L);
        long warmStart = System.nanoTime();
        long warmMin = (long) (0.4 * budgetNs), warmMax = Math.max(1_000_000_000L, 2 * budgetNs);
        double previous = 0;
        int quiet = 0;
        while (true) {
            long compiledBefore = compilationMillis();
            double rate = timedRep(call, rows, chunkNs);
            boolean steady = compilationMillis() == compiledBefore && rate <= 1.05 * previous;
            quiet = steady ? quiet + 1 : 0;
            long elapsed = System.nanoTime() - warmStart;
            if (elapsed >= warmMax || (elapsed >= warmMin && quiet >= 2)) break;
            previous = rate;
        }

        double[] rates = new double[reps];
        int done = 0;
        long measured = 0;
        while (done < reps && (done < 3 || measured < budgetNs)) {
            long t0 = System.nanoTime();
            rates[done++] = timedRep(call, rows, repNs) * workPerRow * rows;
            measured += System.nanoTime() - t0;
        }
        return new Rate(median(Arrays.copyOf(rates, done)), rows, fullRows);
    }

    /** Calls per second over one repetition: at least one call, and calls until repNs have passed. */
    private static double timedRep(Call call, int rows, long repNs) {
        long t0 = System.nanoTime(), t;
        long calls = 0;
        do {
            call.run(rows);
            calls++;
            t = System.nanoTime() - t0;
        } while (t < repNs);
        return calls / (t / 1e9);
    }

    /** Total JIT compilation time so far, or -1 when the JVM does not report it. */
    private static long compilationMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    }

    private static double median(double[] v) {
        Arrays.sort(v);
        int h = v.length / 2;
        return v.length % 2 == 1 ? v[h] : (v[h - 1] + v[h]) / 2;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f", v);
    }

    /** The "model name" of the first CPU in /proc/cpuinfo (Linux), if there is one. */
    private static Optional<String> cpuModel() {
        Path info = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(info)) return Optional.empty();
        try (Stream<String> lines = Files.lines(info)) {
            return lines.filter(l -> l.startsWith("model name") || l.startsWith("Model"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .filter(s -> !s.isEmpty())
                    .findFirst();
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static float[] floats(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (2 * r.nextDouble() - 1);
        return v;
    }

    private static double[] doubles(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = 2 * r.nextDouble() - 1;
        return v;
    }
}
