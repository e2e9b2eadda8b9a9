package dev.basin.kernels;

/**
 * Chooses the kernel implementation once, at class initialisation, as Lucene's
 * VectorizationProvider does: the Vector API implementation when {@code jdk.incubator.vector}
 * is in the boot layer, otherwise the scalar reference (said once on stderr).
 *
 * <p>System properties: {@code basin.kernels=scalar} forces the scalar path;
 * {@code basin.vector.bits=128|256|512} forces a vector width (the tests run every width on any
 * CPU; a width wider than the hardware is correct but slow).
 */
public final class KernelProvider {

    private static final KernelSupport INSTANCE = choose();

    private KernelProvider() {}

    /** The implementation every {@link Kernels} call goes to. */
    public static KernelSupport get() {
        return INSTANCE;
    }

    /** True when the Vector API implementation was chosen. */
    public static boolean isVectorized() {
        return INSTANCE.getClass() != ScalarKernels.class;
    }

    /** True when {@code jdk.incubator.vector} is in the boot layer. */
    public static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    private static KernelSupport choose() {
        if ("scalar".equalsIgnoreCase(System.getProperty("basin.kernels", ""))) {
            return new ScalarKernels();
        }
        if (!vectorModulePresent()) {
            System.err.println("basin: jdk.incubator.vector is not enabled; using the scalar kernels"
                    + " (run java with --add-modules jdk.incubator.vector for SIMD)");
            return new ScalarKernels();
        }
        return VectorKernels.create(System.getProperty("basin.vector.bits"));
    }
}
