package dev.basin.kernels;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Surefire executions each promise an implementation: the default and the forced widths
 * run the Vector API at that width; the execution without the incubator module
 * ({@code -Dbasin.expect.scalar=true}) must fall back to the scalar path. This checks the
 * promise was kept, so a misconfigured run cannot silently test the wrong path.
 */
class KernelProviderTest {

    @Test
    void chosenImplementationMatchesThisRun() {
        if (Boolean.getBoolean("basin.expect.scalar")) {
            assertFalse(KernelProvider.vectorModulePresent(), "this run was meant to lack jdk.incubator.vector");
            assertFalse(KernelProvider.isVectorized(), "without the module the scalar kernels must be chosen");
            assertSame(ScalarKernels.class, KernelProvider.get().getClass());
            assertTrue(Kernels.implementation().startsWith("scalar"), Kernels.implementation());
            return;
        }
        assertTrue(KernelProvider.vectorModulePresent(), "surefire should pass --add-modules jdk.incubator.vector");
        assertTrue(KernelProvider.isVectorized(), "with the module the Vector API kernels must be chosen: " + Kernels.implementation());
        String bits = System.getProperty("basin.vector.bits");
        int expected = bits == null ? VectorWidth.preferredBits() : Integer.parseInt(bits.trim());
        assertEquals(expected, VectorWidth.floatBits(), "float species width");
        assertEquals(expected, VectorWidth.doubleBits(), "double species width");
        assertTrue(Kernels.implementation().startsWith("vector (" + expected + "-bit"), Kernels.implementation());
    }

    @Test
    void theFacadeUsesTheProvidersChoice() {
        assertEquals(KernelProvider.get().describe(), Kernels.implementation());
    }

    /** Touches jdk.incubator.vector, so it is loaded only in the runs that have the module. */
    static final class VectorWidth {
        static int preferredBits() {
            return jdk.incubator.vector.VectorShape.preferredShape().vectorBitSize();
        }

        static int floatBits() {
            return VectorKernels.FS.vectorBitSize();
        }

        static int doubleBits() {
            return VectorKernels.DS.vectorBitSize();
        }
    }
}
