package dev.basin.bench;

import dev.basin.kernels.Kernels;
import dev.basin.kernels.ScalarKernels;
import dev.basin.kernels.VectorGemm;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_FDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Square GEMM, C = op(A)·op(B), n×n, float and double: basin (Kernels → VectorGemm), the
 * scalar reference (n ≤ 512), EJML, and OpenBLAS cblas_?gemm through java.lang.foreign.
 * Time per call in ns; GFLOP/s = 2n³ / ns. {@code threads} sets basin's and OpenBLAS's thread
 * count (EJML and scalar are single-threaded); {@code trans} is NN, NT, TN or TT.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
 *      -cp bench/target/benchmarks.jar dev.basin.bench.GemmBench -p n=64,256,1024 -p threads=1,2
 * </pre>
 * The main method runs JMH with the given options and prints a GFLOP/s table with the ratio
 * to OpenBLAS; plain {@code java -jar benchmarks.jar GemmBench} works too (ns/op only).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GemmBench {

    /** Operands for one size: n×n, random in [-1, 1), C zero. */
    public abstract static class Data {
        float[] a, b, c;
        double[] da, db, dc;
        boolean tA, tB;

        void fill(int n, String trans) {
            if (!trans.matches("[NT][NT]")) throw new IllegalArgumentException("trans must be NN, NT, TN or TT, not " + trans);
            tA = trans.charAt(0) == 'T';
            tB = trans.charAt(1) == 'T';
            Random r = new Random(n);
            a = new float[n * n];
            b = new float[n * n];
            c = new float[n * n];
            da = new double[n * n];
            db = new double[n * n];
            dc = new double[n * n];
            for (int i = 0; i < n * n; i++) {
                a[i] = r.nextFloat() * 2 - 1;
                b[i] = r.nextFloat() * 2 - 1;
                da[i] = a[i];
                db[i] = b[i];
            }
        }
    }

    /** basin and OpenBLAS: sizes × thread counts. */
    @State(Scope.Thread)
    public static class Threaded extends Data {
        @Param({"8", "16", "32", "64", "128", "256", "512", "1024", "2048"})
        public int n;
        @Param({"1"})
        public int threads;
        @Param({"NN"})
        public String trans;
        MemorySegment sa, sb, sc, sda, sdb, sdc;

        @Setup(Level.Trial)
        public void setUp() {
            fill(n, trans);
            VectorGemm.setThreads(threads);
            sa = MemorySegment.ofArray(a);
            sb = MemorySegment.ofArray(b);
            sc = MemorySegment.ofArray(c);
            sda = MemorySegment.ofArray(da);
            sdb = MemorySegment.ofArray(db);
            sdc = MemorySegment.ofArray(dc);
        }
    }

    /** OpenBLAS: fails its setup with the reason when libopenblas.so.0 is absent. */
    @State(Scope.Thread)
    public static class Native {
        OpenBlas blas;

        @Setup(Level.Trial)
        public void setUp(Threaded t) {
            blas = OpenBlas.orNull();
            if (blas == null) throw new IllegalStateException("skipped: " + OpenBlas.problem());
            blas.setThreads(t.threads);
        }
    }

    /** EJML: single-threaded, every size. */
    @State(Scope.Thread)
    public static class Peer extends Data {
        @Param({"8", "16", "32", "64", "128", "256", "512", "1024", "2048"})
        public int n;
        @Param({"NN"})
        public String trans;
        FMatrixRMaj fa, fb, fc;
        DMatrixRMaj ma, mb, mc;

        @Setup(Level.Trial)
        public void setUp() {
            fill(n, trans);
            fa = FMatrixRMaj.wrap(n, n, a);
            fb = FMatrixRMaj.wrap(n, n, b);
            fc = FMatrixRMaj.wrap(n, n, c);
            ma = DMatrixRMaj.wrap(n, n, da);
            mb = DMatrixRMaj.wrap(n, n, db);
            mc = DMatrixRMaj.wrap(n, n, dc);
        }
    }

    /** The scalar reference: O(n³) plain loops, so only up to 512. */
    @State(Scope.Thread)
    public static class Scalar extends Data {
        @Param({"8", "16", "32", "64", "128", "256", "512"})
        public int n;
        @Param({"NN"})
        public String trans;
        final ScalarKernels kernels = new ScalarKernels();

        @Setup(Level.Trial)
        public void setUp() {
            fill(n, trans);
        }
    }

    // ---- float ---------------------------------------------------------------------------

    @Benchmark
    public float[] sgemmBasin(Threaded s) {
        int n = s.n;
        Kernels.sgemm(s.tA, s.tB, n, n, n, 1f, s.a, 0, n, s.b, 0, n, 0f, s.c, 0, n);
        return s.c;
    }

    @Benchmark
    public float[] sgemmOpenBlas(Threaded s, Native x) {
        int n = s.n;
        x.blas.sgemm(s.tA, s.tB, n, n, n, 1f, s.sa, n, s.sb, n, 0f, s.sc, n);
        return s.c;
    }

    @Benchmark
    public FMatrixRMaj sgemmEjml(Peer s) {
        if (s.tA && s.tB) CommonOps_FDRM.multTransAB(s.fa, s.fb, s.fc);
        else if (s.tA) CommonOps_FDRM.multTransA(s.fa, s.fb, s.fc);
        else if (s.tB) CommonOps_FDRM.multTransB(s.fa, s.fb, s.fc);
        else CommonOps_FDRM.mult(s.fa, s.fb, s.fc);
        return s.fc;
    }

    @Benchmark
    public float[] sgemmScalar(Scalar s) {
        int n = s.n;
        s.kernels.sgemm(s.tA, s.tB, n, n, n, 1f, s.a, 0, n, s.b, 0, n, 0f, s.c, 0, n);
        return s.c;
    }

    // ---- double --------------------------------------------------------------------------

    @Benchmark
    public double[] dgemmBasin(Threaded s) {
        int n = s.n;
        Kernels.dgemm(s.tA, s.tB, n, n, n, 1.0, s.da, 0, n, s.db, 0, n, 0.0, s.dc, 0, n);
        return s.dc;
    }

    @Benchmark
    public double[] dgemmOpenBlas(Threaded s, Native x) {
        int n = s.n;
        x.blas.dgemm(s.tA, s.tB, n, n, n, 1.0, s.sda, n, s.sdb, n, 0.0, s.sdc, n);
        return s.dc;
    }

    @Benchmark
    public DMatrixRMaj dgemmEjml(Peer s) {
        if (s.tA && s.tB) CommonOps_DDRM.multTransAB(s.ma, s.mb, s.mc);
        else if (s.tA) CommonOps_DDRM.multTransA(s.ma, s.mb, s.mc);
        else if (s.tB) CommonOps_DDRM.multTransB(s.ma, s.mb, s.mc);
        else CommonOps_DDRM.mult(s.ma, s.mb, s.mc);
        return s.mc;
    }

    @Benchmark
    public double[] dgemmScalar(Scalar s) {
        int n = s.n;
        s.kernels.dgemm(s.tA, s.tB, n, n, n, 1.0, s.da, 0, n, s.db, 0, n, 0.0, s.dc, 0, n);
        return s.dc;
    }

    // ---- GFLOP/s summary -----------------------------------------------------------------

    /** Runs JMH on this class with the given JMH options, then prints GFLOP/s and the ratio to OpenBLAS. */
    public static void main(String[] args) throws Exception {
        CommandLineOptions cli = new CommandLineOptions(args);
        OptionsBuilder opts = new OptionsBuilder();
        opts.parent(cli);
        if (cli.getIncludes().isEmpty()) opts.include(GemmBench.class.getName() + "\\.");
        if (OpenBlas.orNull() == null) {
            System.out.println("OpenBLAS peer skipped: " + OpenBlas.problem());
            opts.exclude("OpenBlas");
        } else {
            String config = OpenBlas.orNull().config();
            System.out.println("OpenBLAS: " + config);
            String warning = OpenBlas.orNull().weakCoreWarning(Kernels.implementation());
            if (warning != null) System.out.println(warning);
        }
        System.out.println("basin: " + Kernels.implementation());
        Collection<RunResult> results = new Runner(opts.build()).run();
        System.out.println();
        System.out.print(table(results));
    }

    /** One row per precision, transpose, n and thread count; one column per implementation. */
    static String table(Collection<RunResult> results) {
        Map<String, Map<String, Double>> rows = new TreeMap<>();
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark().replaceAll(".*\\.", "");
            String prec = method.substring(0, 5);
            String impl = method.substring(5);
            int n = Integer.parseInt(r.getParams().getParam("n"));
            String threads = r.getParams().getParam("threads");
            String trans = r.getParams().getParam("trans");
            double ns = r.getPrimaryResult().getScore();
            double gflops = 2.0 * n * n * n / ns;
            // EJML and scalar have no threads parameter: they are single-threaded, so they share the t=1 row.
            String key = String.format("%s %s t=%-2s n=%5d", prec, trans, threads == null ? "1" : threads, n);
            rows.computeIfAbsent(key, x -> new TreeMap<>()).put(impl, gflops);
        }
        String[] impls = {"Basin", "OpenBlas", "Ejml", "Scalar"};
        StringBuilder sb = new StringBuilder(String.format("%-24s %9s %9s %9s %9s %9s%n", "GFLOP/s", "basin",
                "OpenBLAS", "EJML", "scalar", "basin/OB"));
        List<String> keys = new ArrayList<>(rows.keySet());
        keys.sort((x, y) -> {
            int c = x.substring(0, 15).compareTo(y.substring(0, 15));
            return c != 0 ? c : Integer.compare(Integer.parseInt(x.substring(x.lastIndexOf('=') + 1).trim()),
                    Integer.parseInt(y.substring(y.lastIndexOf('=') + 1).trim()));
        });
        for (String key : keys) {
            Map<String, Double> row = rows.get(key);
            sb.append(String.format("%-24s", key));
            for (String impl : impls) {
                Double v = row.get(impl);
                sb.append(v == null ? String.format(" %9s", "-") : String.format(" %9.1f", v));
            }
            Double b = row.get("Basin"), o = row.get("OpenBlas");
            sb.append(b == null || o == null ? String.format(" %9s", "-") : String.format(" %9.2f", b / o));
            sb.append('\n');
        }
        return sb.toString();
    }
}
