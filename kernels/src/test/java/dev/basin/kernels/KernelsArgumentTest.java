package dev.basin.kernels;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The facade rejects bad shapes before any kernel runs, with a message that names the argument. */
class KernelsArgumentTest {

    private static void rejects(Class<? extends RuntimeException> type, String mustMention, Executable call) {
        RuntimeException e = assertThrows(type, call);
        assertTrue(e.getMessage() != null && e.getMessage().contains(mustMention),
                "message should mention '" + mustMention + "': " + e.getMessage());
    }

    private final float[] f10 = new float[10];
    private final double[] d10 = new double[10];

    @Test
    void level1() {
        rejects(IllegalArgumentException.class, "x", () -> Kernels.dot(-1, f10, 0, f10, 0));
        rejects(IndexOutOfBoundsException.class, "y", () -> Kernels.dot(5, f10, 0, new float[4], 0));
        rejects(IndexOutOfBoundsException.class, "x", () -> Kernels.dot(5, d10, 6, d10, 0));
        rejects(IndexOutOfBoundsException.class, "x", () -> Kernels.axpy(3, 1f, f10, -1, f10, 0));
        rejects(IndexOutOfBoundsException.class, "y", () -> Kernels.axpy(3, 1.0, d10, 0, d10, 8));
        rejects(IndexOutOfBoundsException.class, "x", () -> Kernels.scal(11, 2f, f10, 0));
        rejects(IndexOutOfBoundsException.class, "x", () -> Kernels.sum(4, d10, 7));
        rejects(IndexOutOfBoundsException.class, "x", () -> Kernels.asum(4, f10, 7));
        rejects(IllegalArgumentException.class, "x", () -> Kernels.nrm2(-2, d10, 0));
        // Offsets summing past Integer.MAX_VALUE must not wrap around into a false "fits".
        rejects(IndexOutOfBoundsException.class, "x", () -> Kernels.sum(10, f10, Integer.MAX_VALUE));
        assertDoesNotThrow(() -> Kernels.dot(0, f10, 10, f10, 10), "an empty range at the end is valid");
    }

    @Test
    void gemv() {
        // A is 3×4 with lda 4 needs 12 elements.
        rejects(IndexOutOfBoundsException.class, "A", () -> Kernels.sgemv(false, 3, 4, 1f, f10, 0, 4, f10, 0, 0f, f10, 0));
        rejects(IllegalArgumentException.class, "A", () -> Kernels.dgemv(false, 2, 4, 1, d10, 0, 3, d10, 0, 0, d10, 0));
        rejects(IllegalArgumentException.class, "A", () -> Kernels.sgemv(true, -1, 2, 1f, f10, 0, 2, f10, 0, 0f, f10, 0));
        // Transposed: x has m elements, y has n.
        rejects(IndexOutOfBoundsException.class, "x", () -> Kernels.sgemv(true, 2, 3, 1f, f10, 0, 3, new float[1], 0, 0f, f10, 0));
        rejects(IndexOutOfBoundsException.class, "y", () -> Kernels.dgemv(true, 2, 3, 1, d10, 0, 3, d10, 0, 0, new double[2], 0));
        rejects(IndexOutOfBoundsException.class, "y", () -> Kernels.dgemv(false, 2, 3, 1, d10, 0, 3, d10, 0, 0, new double[1], 0));
    }

    @Test
    void ger() {
        rejects(IndexOutOfBoundsException.class, "x", () -> Kernels.ger(11, 1, 1f, f10, 0, f10, 0, new float[20], 0, 1));
        rejects(IndexOutOfBoundsException.class, "y", () -> Kernels.ger(1, 11, 1.0, d10, 0, d10, 0, new double[20], 0, 11));
        rejects(IndexOutOfBoundsException.class, "A", () -> Kernels.ger(3, 4, 1f, f10, 0, f10, 0, f10, 0, 4));
    }

    @Test
    void gemm() {
        float[] a = new float[6], b = new float[6], c = new float[4];
        assertDoesNotThrow(() -> Kernels.sgemm(false, false, 2, 2, 3, 1f, a, 0, 3, b, 0, 2, 0f, c, 0, 2));
        rejects(IllegalArgumentException.class, "negative", () -> Kernels.sgemm(false, false, 2, -2, 3, 1f, a, 0, 3, b, 0, 2, 0f, c, 0, 2));
        rejects(IllegalArgumentException.class, "A", () -> Kernels.sgemm(false, false, 2, 2, 3, 1f, a, 0, 2, b, 0, 2, 0f, c, 0, 2));
        // Transposed A is stored k×m = 3×2, so lda 2 is right and 1 is too small.
        assertDoesNotThrow(() -> Kernels.sgemm(true, false, 2, 2, 3, 1f, a, 0, 2, b, 0, 2, 0f, c, 0, 2));
        rejects(IllegalArgumentException.class, "A", () -> Kernels.sgemm(true, false, 2, 2, 3, 1f, a, 0, 1, b, 0, 2, 0f, c, 0, 2));
        rejects(IndexOutOfBoundsException.class, "B", () -> Kernels.sgemm(false, false, 2, 2, 3, 1f, a, 0, 3, b, 1, 2, 0f, c, 0, 2));
        rejects(IllegalArgumentException.class, "B", () -> Kernels.sgemm(false, true, 2, 2, 3, 1f, a, 0, 3, b, 0, 2, 0f, c, 0, 2));
        rejects(IndexOutOfBoundsException.class, "C", () -> Kernels.sgemm(false, false, 2, 2, 3, 1f, a, 0, 3, b, 0, 2, 0f, new float[3], 0, 2));
        rejects(IllegalArgumentException.class, "C", () -> Kernels.dgemm(false, false, 2, 2, 3, 1, new double[6], 0, 3, new double[6], 0, 2, 0, new double[4], 0, 1));
        rejects(IndexOutOfBoundsException.class, "A", () -> Kernels.dgemm(false, false, 2, 2, 3, 1, new double[6], -1, 3, new double[6], 0, 2, 0, new double[4], 0, 2));
        rejects(IllegalArgumentException.class, "C", () -> Kernels.gram(3, 2, 1f, a, 0, 2, 0f, new float[9], 0, 2));
        rejects(IndexOutOfBoundsException.class, "A", () -> Kernels.gram(4, 2, 1.0, new double[6], 0, 2, 0.0, new double[16], 0, 4));
    }

    @Test
    void activations() {
        rejects(IndexOutOfBoundsException.class, "y", () -> Kernels.activate(Activation.RELU, 10, f10, 0, new float[9], 0));
        rejects(IndexOutOfBoundsException.class, "x", () -> Kernels.activate(Activation.TANH, 5, d10, 6, d10, 0));
        rejects(IndexOutOfBoundsException.class, "dy", () -> Kernels.activateBackward(Activation.ABS, 10, f10, 0, new float[3], 0, f10, 0));
        rejects(IndexOutOfBoundsException.class, "dz", () -> Kernels.activateBackward(Activation.ABS, 4, d10, 0, d10, 0, d10, 7));
        rejects(IndexOutOfBoundsException.class, "z", () -> Kernels.activateBackward(Activation.SIGMOID, 4, d10, 7, d10, 0, d10, 0));
        rejects(IndexOutOfBoundsException.class, "bias", () -> Kernels.biasActivate(Activation.RELU, 2, 5, new float[4], 0, f10, 0, 5, f10, 0, 5));
        rejects(IllegalArgumentException.class, "Z", () -> Kernels.biasActivate(Activation.RELU, 2, 5, f10, 0, f10, 0, 4, f10, 0, 5));
        rejects(IndexOutOfBoundsException.class, "Y", () -> Kernels.biasActivate(Activation.RELU, 2, 5, d10, 0, d10, 0, 5, new double[9], 0, 5));
        rejects(IllegalArgumentException.class, "leaky-relu", () -> Activation.parse("swish"));
    }

    @Test
    void activationNamesParse() {
        assertTrue(Activation.parse("Leaky-ReLU") == Activation.LEAKY_RELU);
        assertTrue(Activation.parse(" abs ") == Activation.ABS);
    }
}
