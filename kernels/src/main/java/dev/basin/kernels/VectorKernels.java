package dev.basin.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API implementation. The species are static finals, fixed at class initialisation from
 * {@code basin.vector.bits} (default: the CPU's preferred width), so C2 compiles them as
 * constants. Only {@link KernelProvider} touches this class, and only when the incubator module
 * is in the boot layer.
 */
final class VectorKernels extends ScalarKernels {

    static final VectorSpecies<Float> FS;
    static final VectorSpecies<Double> DS;

    static {
        VectorShape shape = shapeFor(System.getProperty("basin.vector.bits"));
        FS = FloatVector.SPECIES_PREFERRED.withShape(shape);
        DS = DoubleVector.SPECIES_PREFERRED.withShape(shape);
    }

    private VectorKernels() {}

    static KernelSupport create(String bits) {
        return new VectorKernels();
    }

    private static VectorShape shapeFor(String bits) {
        if (bits == null || bits.isBlank()) return VectorShape.preferredShape();
        return switch (bits.trim()) {
            case "64" -> VectorShape.S_64_BIT;
            case "128" -> VectorShape.S_128_BIT;
            case "256" -> VectorShape.S_256_BIT;
            case "512" -> VectorShape.S_512_BIT;
            default -> throw new IllegalArgumentException(
                    "basin.vector.bits must be 128, 256 or 512, not '" + bits + "'");
        };
    }

    @Override
    public String describe() {
        return "vector (" + FS.vectorBitSize() + "-bit: " + FS.length() + " float / " + DS.length() + " double lanes)";
    }

    // GEMM lives in VectorGemm (packed Goto/BLIS kernels, small-shape path, threads).

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                      float beta, float[] c, int cOff, int ldc) {
        VectorGemm.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    @Override
    public void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                      double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                      double beta, double[] c, int cOff, int ldc) {
        VectorGemm.dgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }

    @Override
    public void gram(int m, int k, float alpha, float[] a, int aOff, int lda, float beta, float[] c, int cOff, int ldc) {
        VectorGemm.gram(m, k, alpha, a, aOff, lda, beta, c, cOff, ldc);
    }

    @Override
    public void gram(int m, int k, double alpha, double[] a, int aOff, int lda, double beta, double[] c, int cOff, int ldc) {
        VectorGemm.gram(m, k, alpha, a, aOff, lda, beta, c, cOff, ldc);
    }

    @Override
    public float dot(int n, float[] x, int xOff, float[] y, int yOff) {
        FloatVector acc = FloatVector.zero(FS);
        int i = 0, bound = FS.loopBound(n);
        for (; i < bound; i += FS.length()) {
            acc = FloatVector.fromArray(FS, x, xOff + i).fma(FloatVector.fromArray(FS, y, yOff + i), acc);
        }
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) s += x[xOff + i] * y[yOff + i];
        return s;
    }
}
