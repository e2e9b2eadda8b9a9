package dev.basin.bench;

import dev.basin.kernels.Kernels;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Square GEMM, basin against OpenBLAS, interleaved: each size runs in fresh JVMs (so the JIT
 * profile holds that one shape, as in a JMH fork), which warm both up, then alternate timed rounds
 * of basin and OpenBLAS (order swapped every round) and reports medians and the median of the
 * per-round ratios. On a shared VM the speed drifts by 10–50% within minutes; a JMH run measures
 * the two peers minutes apart and its ratio inherits that drift, while rounds a few
 * milliseconds apart cancel it. JMH (GemmBench) stays the reference for absolute figures.
 *
 * <pre>
 * OPENBLAS_CORETYPE=Cooperlake java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
 *     -cp bench/target/benchmarks.jar dev.basin.bench.GemmSideBySide --sizes 8,16,32,64 --precisions s,d
 * </pre>
 * Options: {@code --sizes} (8,16,32,64), {@code --precisions} (s,d), {@code --trans} (NN),
 * {@code --rounds} (41), {@code --round-ms} (20), {@code --warmup-s} (3), {@code --forks} (5): JVMs
 * per size, reported one by one and by their median; {@code --csv FILE}, a row per JVM;
 * {@code --threads T} (1): both peers on T threads, and each round also times both on one thread,
 * reporting each peer's speed-up; {@code --ld-pad P} (0): leading dimensions n + P instead of n,
 * to tell cache-set aliasing of power-of-two rows from other causes. Each
 * JVM places the operands differently (filler arrays between them, sized from the JVM's number):
 * basin reads B and writes C in place, and where the three arrays fall against each other moved
 * its n = 32 and 64 speed by 30–45% from one JVM to the next on Zen 5 (with power-of-two n the
 * matrices are whole multiples of 4 KiB, so consecutive arrays can alias), while OpenBLAS,
 * which packs A and B, moved far less. One placement is one draw; the median of several is the
 * figure to quote.
 * Both basin's GEMM and OpenBLAS are set to the same thread count.
 */
public final class GemmSideBySide {

    private GemmSideBySide() {}

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        if (args.length > 0 && args[0].equals("--one")) {
            one(args[1], Integer.parseInt(args[2]), args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]),
                    Integer.parseInt(args[6]), Integer.parseInt(args[7]), Integer.parseInt(args[8]), Integer.parseInt(args[9]));
            return;
        }
        String sizes = "8,16,32,64", precisions = "s,d", trans = "NN", csv = null;
        int rounds = 41, roundMs = 20, warmupS = 3, forks = 5, threads = 1, ldPad = 0;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) usage("missing value after " + a);
            String v = args[++i];
            switch (a) {
                case "--sizes" -> sizes = v;
                case "--precisions" -> precisions = v;
                case "--trans" -> trans = v;
                case "--forks" -> forks = positive(a, v);
                case "--rounds" -> rounds = positive(a, v);
                case "--round-ms" -> roundMs = positive(a, v);
                case "--warmup-s" -> warmupS = positive(a, v);
                case "--csv" -> csv = v;
                case "--threads" -> threads = positive(a, v);
                case "--ld-pad" -> ldPad = atLeast(0, a, v);
                default -> usage("unknown option " + a);
            }
        }
        if (!trans.matches("[NT][NT]")) usage("--trans must be NN, NT, TN or TT, not " + trans);
        if (OpenBlas.orNull() == null) {
            System.err.println("GemmSideBySide: " + OpenBlas.problem());
            System.exit(1);
        }
        System.out.println("basin: " + Kernels.implementation());
        System.out.println("OpenBLAS: " + OpenBlas.orNull().config()
                + " (OPENBLAS_CORETYPE=" + System.getenv("OPENBLAS_CORETYPE") + ")");
        String warning = OpenBlas.orNull().weakCoreWarning(Kernels.implementation());
        if (warning != null) System.out.println(warning);
        System.out.printf("%d JVMs per size, each %d s of warm-up, then %d rounds of %d ms per peer; %d thread(s)%s%n", forks,
                warmupS, rounds, roundMs, threads, ldPad == 0 ? "" : "; leading dimensions n + " + ldPad);
        boolean scaling = threads > 1;
        System.out.printf("%-16s %10s %10s %10s %10s %9s%s %s%n", "GEMM", "basin ns", "OB ns", "basin GF/s",
                "OB GF/s", "basin/OB", scaling ? String.format(" %9s %9s", "basin ×", "OB ×") : "", "  each JVM's basin/OB");
        List<String> lines = new ArrayList<>();
        lines.add("precision,trans,n,threads,ld_pad,fork,basin_ns,openblas_ns,basin_gflops,openblas_gflops,ratio,ratio_p25,ratio_p75"
                + ",basin_speedup,openblas_speedup");
        for (String p : precisions.split(",")) {
            if (!p.equals("s") && !p.equals("d")) usage("--precisions takes s and d, not " + p);
            for (String ns : sizes.split(",")) {
                int n = positive("--sizes", ns);
                double[] tb = new double[forks], to = new double[forks], ratio = new double[forks];
                double[] sb = new double[forks], so = new double[forks];
                StringBuilder each = new StringBuilder();
                for (int f = 0; f < forks; f++) {
                    String[] x = child(p, n, trans, rounds, roundMs, warmupS, f, threads, ldPad).trim().split(" ");
                    tb[f] = Double.parseDouble(x[0]);
                    to[f] = Double.parseDouble(x[1]);
                    ratio[f] = Double.parseDouble(x[3]);
                    sb[f] = Double.parseDouble(x[5]);
                    so[f] = Double.parseDouble(x[6]);
                    each.append(String.format(" %.2f [%s–%s]", ratio[f], x[2], x[4]));
                    if (scaling) each.append(String.format(" (×%.2f/×%.2f)", sb[f], so[f]));
                    lines.add(String.join(",", p, trans, String.valueOf(n), String.valueOf(threads), String.valueOf(ldPad),
                            String.valueOf(f), x[0], x[1],
                            String.format("%.2f", 2.0 * n * n * n / tb[f]), String.format("%.2f", 2.0 * n * n * n / to[f]),
                            x[3], x[2], x[4], scaling ? x[5] : "", scaling ? x[6] : ""));
                }
                double basin = quantile(tb, 0.5), ob = quantile(to, 0.5), flops = 2.0 * n * n * n;
                System.out.printf("%-16s %10.1f %10.1f %10.1f %10.1f %9.2f%s %s%n", p + "gemm " + trans + " n=" + n,
                        basin, ob, flops / basin, flops / ob, quantile(ratio, 0.5),
                        scaling ? String.format(" %9.2f %9.2f", quantile(sb, 0.5), quantile(so, 0.5)) : "", each);
            }
        }
        System.out.println("basin/OB: OpenBLAS time / basin time (> 1: basin faster), the median over the JVMs of each"
                + " JVM's median per-round ratio; ns: medians; each JVM: its median ratio [25th–75th percentile of rounds]");
        if (scaling) {
            System.out.println("basin ×, OB ×: one-thread time / " + threads + "-thread time of the same peer, timed in the"
                    + " same rounds (median over JVMs of each JVM's median per-round ratio)");
        }
        if (csv != null) Files.write(Path.of(csv), lines);
    }

    private static int positive(String flag, String v) {
        return atLeast(1, flag, v);
    }

    private static int atLeast(int min, String flag, String v) {
        try {
            int x = Integer.parseInt(v.trim());
            if (x >= min) return x;
        } catch (NumberFormatException e) {
            // reported below
        }
        usage(flag + " takes whole numbers ≥ " + min + ", not '" + v + "'");
        return 0;
    }

    private static void usage(String problem) {
        System.err.println("GemmSideBySide: " + problem);
        System.err.println("usage: GemmSideBySide [--sizes 8,16,32,64] [--precisions s,d] [--trans NN] [--rounds 41]"
                + " [--round-ms 20] [--warmup-s 3] [--forks 5] [--threads 1] [--ld-pad 0] [--csv FILE]");
        System.exit(2);
    }

    /** Runs one configuration in a fresh JVM with this JVM's options and class path; returns its result line. */
    private static String child(String p, int n, String trans, int rounds, int roundMs, int warmupS, int fork,
                                int threads, int ldPad)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(GemmSideBySide.class.getName());
        cmd.addAll(List.of("--one", p, String.valueOf(n), trans, String.valueOf(rounds), String.valueOf(roundMs),
                String.valueOf(warmupS), String.valueOf(fork), String.valueOf(threads), String.valueOf(ldPad)));
        Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String result = null;
        StringBuilder other = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(proc.getInputStream()))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("RESULT ")) result = line.substring(7);
                else if (!line.startsWith("WARNING: Using incubator modules")) other.append(line).append('\n');
            }
        }
        int rc = proc.waitFor();
        if (rc != 0 || result == null) {
            throw new IllegalStateException(p + "gemm n=" + n + " failed (exit " + rc + "):\n" + other);
        }
        return result;
    }

    /**
     * One configuration: warm-up, interleaved rounds, then "RESULT basinMedianNs obMedianNs ratioP25 ratioMedian
     * ratioP75 basinSpeedup obSpeedup" (the speed-ups 1 when threads = 1).
     */
    private static void one(String p, int n, String trans, int rounds, int roundMs, int warmupS, int fork, int threads, int ldPad) {
        OpenBlas blas = OpenBlas.orNull();
        Operands o = new Operands(n, trans, fork, n + ldPad);
        boolean single = p.equals("s");
        boolean scaling = threads > 1;
        long end = System.nanoTime() + warmupS * 1_000_000_000L;
        while (System.nanoTime() < end) {
            for (int t : scaling ? new int[] {threads, 1} : new int[] {1}) {
                setThreads(blas, t);
                time(o, single, true, 20);
                time(o, single, false, 20);
            }
        }
        // Calls per round from a short calibration of both peers together, at the larger thread count.
        setThreads(blas, threads);
        long t0 = System.nanoTime();
        int calib = 0;
        while (System.nanoTime() - t0 < 50_000_000L) {
            time(o, single, true, 1);
            time(o, single, false, 1);
            calib++;
        }
        int calls = (int) Math.max(1, roundMs * 1_000_000L * calib / (double) (System.nanoTime() - t0));
        double[] tb = new double[rounds], to = new double[rounds], ratio = new double[rounds];
        double[] sb = new double[rounds], so = new double[rounds];
        for (int q = 0; q < rounds; q++) {
            // Each peer has its own loop (no shared call site), and they take turns going first.
            setThreads(blas, threads);
            if ((q & 1) == 0) {
                tb[q] = time(o, single, true, calls);
                to[q] = time(o, single, false, calls);
            } else {
                to[q] = time(o, single, false, calls);
                tb[q] = time(o, single, true, calls);
            }
            ratio[q] = to[q] / tb[q];
            if (scaling) {
                setThreads(blas, 1);
                // One-thread rounds take about threads× longer: fewer calls keep the round short.
                int c1 = Math.max(1, calls / threads);
                double b1 = time(o, single, true, c1), o1 = time(o, single, false, c1);
                sb[q] = b1 / tb[q];
                so[q] = o1 / to[q];
            }
        }
        System.out.printf(Locale.ROOT, "RESULT %.2f %.2f %.3f %.3f %.3f %.3f %.3f%n", quantile(tb, 0.5), quantile(to, 0.5),
                quantile(ratio, 0.25), quantile(ratio, 0.5), quantile(ratio, 0.75),
                scaling ? quantile(sb, 0.5) : 1.0, scaling ? quantile(so, 0.5) : 1.0);
    }

    private static void setThreads(OpenBlas blas, int t) {
        blas.setThreads(t);
        dev.basin.kernels.VectorGemm.setThreads(t);
    }

    /** ns per call of {@code calls} calls of basin (basin = true) or OpenBLAS. */
    private static double time(Operands o, boolean single, boolean basin, int calls) {
        if (single) return basin ? basinS(o, calls) : openBlasS(o, calls);
        return basin ? basinD(o, calls) : openBlasD(o, calls);
    }

    /** n×n operands in [-1, 1) as GemmBench draws them, C zero, with heap segments for OpenBLAS. */
    private static final class Operands {
        final int n, ld;
        final boolean tA, tB;
        final float[] a, b, c;
        final double[] da, db, dc;
        final MemorySegment sa, sb, sc, sda, sdb, sdc;

        /** Filler between the operands, kept reachable: its sizes set where they fall against each other. */
        final long[][] pads = new long[6][];

        Operands(int n, String trans, long placement, int ld) {
            this.n = n;
            this.ld = ld;
            tA = trans.charAt(0) == 'T';
            tB = trans.charAt(1) == 'T';
            Random r = new Random(n);
            int len = n * ld;
            Random pad = new Random(placement);
            pads[0] = new long[pad.nextInt(512)];
            a = new float[len];
            pads[1] = new long[pad.nextInt(512)];
            b = new float[len];
            pads[2] = new long[pad.nextInt(512)];
            c = new float[len];
            pads[3] = new long[pad.nextInt(512)];
            da = new double[len];
            pads[4] = new long[pad.nextInt(512)];
            db = new double[len];
            pads[5] = new long[pad.nextInt(512)];
            dc = new double[len];
            for (int i = 0; i < len; i++) {
                a[i] = r.nextFloat() * 2 - 1;
                b[i] = r.nextFloat() * 2 - 1;
                da[i] = a[i];
                db[i] = b[i];
            }
            sa = MemorySegment.ofArray(a);
            sb = MemorySegment.ofArray(b);
            sc = MemorySegment.ofArray(c);
            sda = MemorySegment.ofArray(da);
            sdb = MemorySegment.ofArray(db);
            sdc = MemorySegment.ofArray(dc);
        }
    }

    /** ns per call of {@code calls} calls. */
    private static double basinS(Operands o, int calls) {
        int n = o.n;
        long t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) Kernels.sgemm(o.tA, o.tB, n, n, n, 1f, o.a, 0, o.ld, o.b, 0, o.ld, 0f, o.c, 0, o.ld);
        return (System.nanoTime() - t0) / (double) calls;
    }

    private static double basinD(Operands o, int calls) {
        int n = o.n;
        long t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) Kernels.dgemm(o.tA, o.tB, n, n, n, 1.0, o.da, 0, o.ld, o.db, 0, o.ld, 0.0, o.dc, 0, o.ld);
        return (System.nanoTime() - t0) / (double) calls;
    }

    private static double openBlasS(Operands o, int calls) {
        OpenBlas blas = OpenBlas.orNull();
        int n = o.n;
        long t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) blas.sgemm(o.tA, o.tB, n, n, n, 1f, o.sa, o.ld, o.sb, o.ld, 0f, o.sc, o.ld);
        return (System.nanoTime() - t0) / (double) calls;
    }

    private static double openBlasD(Operands o, int calls) {
        OpenBlas blas = OpenBlas.orNull();
        int n = o.n;
        long t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) blas.dgemm(o.tA, o.tB, n, n, n, 1.0, o.sda, o.ld, o.sdb, o.ld, 0.0, o.sdc, o.ld);
        return (System.nanoTime() - t0) / (double) calls;
    }

    /**
     * The q-quantile of x, interpolated linearly between the two nearest order statistics (so
     * the median of an even count is the mean of the middle two). Rounding to one order
     * statistic, as before, took the upper of two JVMs' ratios as their "median".
     */
    static double quantile(double[] x, double q) {
        double[] y = x.clone();
        Arrays.sort(y);
        double pos = q * (y.length - 1);
        int lo = (int) Math.floor(pos), hi = (int) Math.ceil(pos);
        return y[lo] + (pos - lo) * (y[hi] - y[lo]);
    }
}
