package dev.basin.bench;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * OpenBLAS {@code cblas_sgemm}/{@code cblas_dgemm} through {@code java.lang.foreign}, the native
 * peer in the GEMM benchmarks. The downcalls are critical with heap access, so Java arrays are
 * passed in place (no copy), as basin receives them. Needs {@code libopenblas.so.0} (Debian:
 * {@code apt-get install libopenblas0-pthread}) and {@code --enable-native-access=ALL-UNNAMED}.
 */
public final class OpenBlas {

    public static final String LIBRARY = "libopenblas.so.0";
    private static final int ROW_MAJOR = 101, NO_TRANS = 111, TRANS = 112;

    private static final OpenBlas INSTANCE;
    private static final String PROBLEM;

    static {
        OpenBlas lib = null;
        String problem = null;
        try {
            lib = new OpenBlas(SymbolLookup.libraryLookup(LIBRARY, Arena.global()));
        } catch (IllegalArgumentException | UnsatisfiedLinkError | IllegalCallerException e) {
            problem = LIBRARY + " could not be loaded (" + e.getMessage() + "); the OpenBLAS peer is"
                    + " skipped. Install it with: apt-get install libopenblas0-pthread";
        }
        INSTANCE = lib;
        PROBLEM = problem;
    }

    private final MethodHandle sgemm, dgemm, setNumThreads, getNumThreads, config;

    private OpenBlas(SymbolLookup lookup) {
        Linker linker = Linker.nativeLinker();
        Linker.Option critical = Linker.Option.critical(true);
        ValueLayout.OfInt i = ValueLayout.JAVA_INT;
        AddressLayout p = ValueLayout.ADDRESS;
        sgemm = linker.downcallHandle(find(lookup, "cblas_sgemm"), FunctionDescriptor.ofVoid(
                i, i, i, i, i, i, ValueLayout.JAVA_FLOAT, p, i, p, i, ValueLayout.JAVA_FLOAT, p, i), critical);
        dgemm = linker.downcallHandle(find(lookup, "cblas_dgemm"), FunctionDescriptor.ofVoid(
                i, i, i, i, i, i, ValueLayout.JAVA_DOUBLE, p, i, p, i, ValueLayout.JAVA_DOUBLE, p, i), critical);
        setNumThreads = linker.downcallHandle(find(lookup, "openblas_set_num_threads"), FunctionDescriptor.ofVoid(i));
        getNumThreads = linker.downcallHandle(find(lookup, "openblas_get_num_threads"), FunctionDescriptor.of(i));
        config = linker.downcallHandle(find(lookup, "openblas_get_config"), FunctionDescriptor.of(p));
    }

    private static MemorySegment find(SymbolLookup lookup, String name) {
        return lookup.find(name).orElseThrow(() -> new IllegalArgumentException(LIBRARY + " has no symbol " + name));
    }

    /** The loaded library, or null when it is absent (see {@link #problem()}). */
    public static OpenBlas orNull() {
        return INSTANCE;
    }

    /** Why the library is unavailable, or null when it loaded. */
    public static String problem() {
        return PROBLEM;
    }

    /** OpenBLAS's own build description, e.g. "OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Zen MAX_THREADS=64". */
    public String config() {
        try {
            return ((MemorySegment) config.invokeExact()).reinterpret(256).getString(0);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A warning when basin runs 512-bit vectors but OpenBLAS did not pick an AVX-512 core (its
     * config names the core), or null. It happens with OPENBLAS_CORETYPE=Haswell in the
     * environment, and with a CPU this OpenBLAS does not know: 0.3.21 runs its SSE3 Prescott
     * kernels on Intel Emerald Rapids.
     */
    public String weakCoreWarning(String basinImplementation) {
        String config = config();
        if (!basinImplementation.contains("512-bit")) return null;
        for (String core : new String[] {" SkylakeX ", " Cooperlake ", " SapphireRapids "}) {
            if (config.contains(core)) return null;
        }
        return "Note: OpenBLAS is not running its AVX-512 kernels on this CPU with 512-bit vectors (" + config
                + "; OPENBLAS_CORETYPE=" + System.getenv("OPENBLAS_CORETYPE") + "), so it is not at its best:"
                + " set OPENBLAS_CORETYPE=Cooperlake (or SkylakeX) to compare against them.";
    }

    /** Same as the OPENBLAS_NUM_THREADS environment variable, but settable per benchmark. */
    public void setThreads(int n) {
        try {
            setNumThreads.invokeExact(n);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    public int threads() {
        try {
            return (int) getNumThreads.invokeExact();
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Row-major C = alpha·op(A)·op(B) + beta·C on heap arrays (offset 0). */
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, MemorySegment a, int lda,
                      MemorySegment b, int ldb, float beta, MemorySegment c, int ldc) {
        try {
            sgemm.invokeExact(ROW_MAJOR, transA ? TRANS : NO_TRANS, transB ? TRANS : NO_TRANS, m, n, k,
                    alpha, a, lda, b, ldb, beta, c, ldc);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    public void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha, MemorySegment a, int lda,
                      MemorySegment b, int ldb, double beta, MemorySegment c, int ldc) {
        try {
            dgemm.invokeExact(ROW_MAJOR, transA ? TRANS : NO_TRANS, transB ? TRANS : NO_TRANS, m, n, k,
                    alpha, a, lda, b, ldb, beta, c, ldc);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
