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

    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     int aLen, int aOff, int lda, int bLen, int bOff, int ldb, int cLen, int cOff, int ldc) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("gemm shape m=" + m + ", n=" + n + ", k=" + k + " is negative");
        }
        // Stored shapes: A is m×k (k×m when transposed), B is k×n (n×k when transposed).
        matrix("A", aLen, aOff, transA ? k : m, transA ? m : k, lda);
        matrix("B", bLen, bOff, transB ? n : k, transB ? k : n, ldb);
        matrix("C", cLen, cOff, m, n, ldc);
    }
}
