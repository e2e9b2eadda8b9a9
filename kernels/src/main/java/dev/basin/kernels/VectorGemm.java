package dev.basin.kernels;

/**
 * GEMM with the Vector API: C = alpha·op(A)·op(B) + beta·C, row-major, with the semantics of
 * {@link KernelSupport#sgemm} (beta = 0 ignores C's old contents, NaN included). Arguments are
 * trusted; {@link Kernels} checks them.
 *
 * <p>Three paths, chosen by shape alone: small products (see isSmall) run unpacked; larger
 * ones run the packed Goto/BLIS kernel ({@link GemmFloat}, {@link GemmDouble}); products of at least {@link #PARALLEL_MIN_FLOPS} split C into contiguous
 * strips of whole micro-tiles, one per thread. Each element of C is computed by one thread in
 * the same k order whatever the split, so the result has the same bits for every thread count.
 *
 * <p>Threads: {@link #setThreads(int)}, default from {@code -Dbasin.threads} or else the
 * available processors. Calls from inside a worker run single-threaded.
 *
 * <p>Needs {@code jdk.incubator.vector} in the boot layer for the multiplications themselves;
 * the thread setting works without it.
 */
public final class VectorGemm {

    /** Below this many flops (2·m·n·k) a call stays on the calling thread: about 2·160³. */
    public static final long PARALLEL_MIN_FLOPS = 8_000_000L;
    private static final long SMALL_VOLUME = 64L * 64 * 64;
    /** Without transB the unpacked path reads B in place, so it wins for longer (measured on Zen 4). */
    private static final long SMALL_VOLUME_IN_PLACE = 128L * 128 * 128;

    private static volatile int threads = initialThreads();

    private VectorGemm() {}

    private static int initialThreads() {
        String s = System.getProperty("basin.threads");
        if (s == null || s.isBlank()) return Runtime.getRuntime().availableProcessors();
        try {
            int t = Integer.parseInt(s.trim());
            if (t >= 1) return t;
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("basin.threads must be a whole number ≥ 1, not '" + s + "'");
    }

    /** The number of threads large products use (≥ 1). */
    public static int threads() {
        return threads;
    }

    /** Sets the number of threads large products use; 1 keeps every call on the caller's thread. */
    public static void setThreads(int n) {
        if (n < 1) throw new IllegalArgumentException("threads must be ≥ 1, not " + n);
        threads = n;
    }

    // ---- float ---------------------------------------------------------------------------

    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                             float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float beta, float[] c, int cOff, int ldc) {
        if (m <= 0 || n <= 0) return;
        if (k == 0) {
            GemmFloat.scaleOnly(m, n, alpha, beta, c, cOff, ldc);
            return;
        }
        if (isSmall(transB, m, n, k)) {
            GemmFloat.small(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        if (!parallel(m, n, k)) {
            GemmFloat.packed(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, GemmFloat.work());
            return;
        }
        Block task = (i0, i1, j0, j1) -> GemmFloat.packed(transA, transB, i1 - i0, j1 - j0, k, alpha,
                a, aOff + (transA ? i0 : i0 * lda), lda, b, bOff + (transB ? j0 * ldb : j0), ldb,
                beta, c, cOff + i0 * ldc + j0, ldc, GemmFloat.work());
        run(m, n, k, GemmFloat.MR, GemmFloat.PNR, task);
    }

    /** C = alpha·A·Aᵀ + beta·C, A m×k, C m×m, both triangles written. */
    public static void gram(int m, int k, float alpha, float[] a, int aOff, int lda,
                            float beta, float[] c, int cOff, int ldc) {
        sgemm(false, true, m, m, k, alpha, a, aOff, lda, a, aOff, lda, beta, c, cOff, ldc);
    }

    // ---- double --------------------------------------------------------------------------

    public static void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                             double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                             double beta, double[] c, int cOff, int ldc) {
        if (m <= 0 || n <= 0) return;
        if (k == 0) {
            GemmDouble.scaleOnly(m, n, alpha, beta, c, cOff, ldc);
            return;
        }
        if (isSmall(transB, m, n, k)) {
            GemmDouble.small(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return;
        }
        if (!parallel(m, n, k)) {
            GemmDouble.packed(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, GemmDouble.work());
            return;
        }
        Block task = (i0, i1, j0, j1) -> GemmDouble.packed(transA, transB, i1 - i0, j1 - j0, k, alpha,
                a, aOff + (transA ? i0 : i0 * lda), lda, b, bOff + (transB ? j0 * ldb : j0), ldb,
                beta, c, cOff + i0 * ldc + j0, ldc, GemmDouble.work());
        run(m, n, k, GemmDouble.MR, GemmDouble.PNR, task);
    }

    /** C = alpha·A·Aᵀ + beta·C in double precision. */
    public static void gram(int m, int k, double alpha, double[] a, int aOff, int lda,
                            double beta, double[] c, int cOff, int ldc) {
        dgemm(false, true, m, m, k, alpha, a, aOff, lda, a, aOff, lda, beta, c, cOff, ldc);
    }

    // ---- partition -----------------------------------------------------------------------

    /**
     * The unpacked path: up to 64³ always; without transB (B read in place, nothing copied) up
     * to 128³, and for few rows (m ≤ 32) while B is at most 128 Ki elements (cache-resident).
     */
    static boolean isSmall(boolean transB, int m, int n, int k) {
        long volume = (long) m * n * k;
        if (volume <= SMALL_VOLUME) return true;
        if (transB) return false;
        return volume <= SMALL_VOLUME_IN_PLACE || m <= 4 || (m <= 32 && (long) k * n <= 128 * 1024);
    }

    /**
     * Whether a product is worth splitting across threads. Single-threaded calls skip the task
     * lambda altogether: capturing the arguments would allocate on every call.
     */
    private static boolean parallel(int m, int n, int k) {
        return threads > 1 && 2L * m * n * k >= PARALLEL_MIN_FLOPS && !GemmWorkers.inWorker();
    }

    /** One block of C: rows [i0, i1), columns [j0, j1). */
    @FunctionalInterface
    private interface Block {
        void run(int i0, int i1, int j0, int j1);
    }

    /**
     * Splits C into at most {@code threads} strips of whole MR×NR tiles along its longer side
     * (in tiles) and runs them, the first on the calling thread, the others on
     * {@link GemmWorkers}. Strips start on the tile grid of the whole matrix, so every element
     * sees the same tile arithmetic as in one thread; the same holds when the workers are busy
     * with another caller's product and this one runs whole on the calling thread.
     */
    private static void run(int m, int n, int k, int mr, int nr, Block task) {
        int rowTiles = (m + mr - 1) / mr, colTiles = (n + nr - 1) / nr;
        boolean byRows = rowTiles >= colTiles;
        int tiles = byRows ? rowTiles : colTiles, unit = byRows ? mr : nr, extent = byRows ? m : n;
        int parts = Math.min(threads, tiles);
        if (parts > 1 && GemmWorkers.run(parts, s -> {
            int lo = Math.min(extent, (int) ((long) tiles * s / parts) * unit);
            int hi = Math.min(extent, (int) ((long) tiles * (s + 1) / parts) * unit);
            if (byRows) task.run(lo, hi, 0, n);
            else task.run(0, m, lo, hi);
        })) return;
        task.run(0, m, 0, n);
    }
}
