package dev.basin.kernels;

/**
 * Chooses the {@link LaneKernels} implementation once, with {@link KernelProvider}'s rule: the
 * Vector API version when {@code jdk.incubator.vector} is in the boot layer and
 * {@code basin.kernels} is not {@code scalar}, else the scalar reference. Kept apart from
 * KernelProvider so that the lane kernels can be added without touching it.
 */
public final class LaneKernelProvider {

    private static final LaneKernels INSTANCE = choose();

    private LaneKernelProvider() {}

    public static LaneKernels get() {
        return INSTANCE;
    }

    /** The scalar reference, for tests and for comparisons. */
    public static LaneKernels scalar() {
        return new ScalarLaneKernels();
    }

    private static LaneKernels choose() {
        if ("scalar".equalsIgnoreCase(System.getProperty("basin.kernels", ""))) return new ScalarLaneKernels();
        if (!KernelProvider.vectorModulePresent()) return new ScalarLaneKernels();
        return VectorLaneKernels.create();
    }
}
