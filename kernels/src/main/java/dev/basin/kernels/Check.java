package dev.basin.kernels;

/** Shape and bounds checks, so a bad call fails with a message naming the argument. */
final class Check {

    private Check() {}

    static void vector(String name, int length, int off, int n) {
        if (n < 0) throw new IllegalArgumentException("length of " + name + " is negative: " + n);
        if (off < 0 || (long) off + n > length) {
            throw new IndexOutOfBoundsException(name + ": " + n + " elements from offset " + off
                    + " do not fit in an array of " + length);
        }
    }

    /** A rows×cols row-major block starting at off with leading dimension ld. */
    static void matrix(String name, int length, int off, int rows, int cols, int ld) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException(name + " has a negative shape " + rows + "×" + cols);
        }
        if (rows > 0 && ld < Math.max(1, cols)) {
            throw new IllegalArgumentException(name + ": leading dimension " + ld + " is less than its "
                    + cols + " columns");
        }
        if (off < 0) throw new IndexOutOfBoundsException(name + ": negative offset " + off);
        if (rows == 0 || cols == 0) return;
        long end = (long) off + (long) (rows - 1) * ld + cols;
        if (end > length) {
            throw new IndexOutOfBoundsException(name + ": a " + rows + "×" + cols + " block with leading dimension "
                    + ld + " from offset " + off + " needs " + end + " elements, the array has " + length);
        }
    }

    /**
     * The operands of a gemm call. The common case, every operand in bounds, is decided by
     * {@link #outside}'s arithmetic and one branch, and only a failing call goes on to the
     * checks that name what was wrong. With a branch per condition, C2 compiled an uncommon
     * trap for each, which made Kernels.sgemm too large to inline into its caller (3,888 bytes
     * of code, 24 traps, against InlineSmallCode's 2,500; now 1,552 and 12), so that every
     * product paid one more call with its 16 arguments: sgemm 1 × 1 × 1 / 8 × 8 × 8 took
     * 32 / 54 ns against 28 / 49 (Zen 5; bench/RESULTS.md, fourteenth session).
     */
    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     int aLen, int aOff, int lda, int bLen, int bOff, int ldb, int cLen, int cOff, int ldc) {
        // Stored shapes: A is m×k (k×m when transposed), B is k×n (n×k when transposed).
        int ar = transA ? k : m, ac = transA ? m : k, br = transB ? n : k, bc = transB ? k : n;
        if (((m | n | k) >>> 31 | outside(aLen, aOff, ar, ac, lda) | outside(bLen, bOff, br, bc, ldb)
                | outside(cLen, cOff, m, n, ldc)) == 0) {
            return;
        }
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("gemm shape m=" + m + ", n=" + n + ", k=" + k + " is negative");
        }
        matrix("A", aLen, aOff, ar, ac, lda);
        matrix("B", bLen, bOff, br, bc, ldb);
        matrix("C", cLen, cOff, m, n, ldc);
    }

    /**
     * 1 where {@link #matrix} would throw for a block with rows, cols ≥ 0, else 0, in sign bits
     * rather than comparisons (each of which C2 would compile as a branch): ld below
     * max(1, cols) when it has rows, a negative off, or, when it is not empty, its last element
     * past length.
     */
    private static int outside(int length, int off, int rows, int cols, int ld) {
        int hasRows = -rows >>> 31, nonEmpty = hasRows & (-cols >>> 31);
        int narrow = hasRows & (int) (((long) ld - Math.max(1, cols)) >>> 63);
        long end = (long) off + (long) (rows - 1) * ld + cols;
        int past = nonEmpty & (int) ((length - end) >>> 63);
        return narrow | off >>> 31 | past;
    }
}
