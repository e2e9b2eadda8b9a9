package dev.basin.kernels;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIf;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * After warm-up no kernel call allocates: a training step must allocate nothing, and a boxed
 * vector (an op C2 did not intrinsify, a vector crossing a call it did not inline, a method it
 * never compiled) both allocates and runs orders of magnitude slower. Each case is called until
 * a whole window of calls allocates zero bytes on this thread, or fails after a generous
 * deadline, so JIT timing on a busy machine cannot fail it but a kernel that never settles can.
 *
 * <p>Runs only where the species is the hardware's own width: a wider species than the CPU's is
 * never intrinsified and always allocates; narrower ones are checked where that is the native
 * width. Skipped without the incubator module (the scalar fallback holds no vectors).
 */
@EnabledIf("nativeVectorWidth")
class ZeroAllocationKernelsTest {

    private static final int WARM_UP = 2_000, WINDOW = 1_000;
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(20);

    static boolean nativeVectorWidth() {
        if (!KernelProvider.isVectorized()) return false;
        String bits = System.getProperty("basin.vector.bits");
        return bits == null || bits.isBlank()
                || Integer.parseInt(bits.trim()) == KernelProviderTest.VectorWidth.preferredBits();
    }

    private final KernelCases cases = new KernelCases();

    @TestFactory
    List<DynamicTest> gemm() {
        return tests(cases.gemm());
    }

    @TestFactory
    List<DynamicTest> level2() {
        return tests(cases.level2());
    }

    @TestFactory
    List<DynamicTest> level1() {
        return tests(cases.level1());
    }

    @TestFactory
    List<DynamicTest> activations() {
        return tests(cases.activations());
    }

    /** The fused dense → linear step at the trainer's shape (64 points, 2 inputs) with and without tails, fan-in 1 and 8. */
    @TestFactory
    List<DynamicTest> fusedDenseLinear() {
        return tests(cases.fused());
    }

    private static List<DynamicTest> tests(List<KernelCases.Case> cases) {
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> assertSettlesAllocationFree(c.name(), c.call()))).toList();
    }

    /** Calls until one window of WINDOW calls allocates nothing; fails if none does before the deadline. */
    private static void assertSettlesAllocationFree(String name, Runnable call) {
        double perCall = Allocations.settle(call, WARM_UP, WINDOW, DEADLINE_NANOS);
        if (perCall > 0) {
            fail(name + " still allocates " + perCall + " bytes per call after " + DEADLINE_NANOS / 1_000_000_000
                    + " s of windows of " + WINDOW + " calls (" + Kernels.implementation()
                    + "); where, sampled over more calls:\n" + Allocations.sites(call, WINDOW));
        }
    }
}
