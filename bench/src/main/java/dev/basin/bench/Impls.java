package dev.basin.bench;

import dev.basin.kernels.KernelProvider;
import dev.basin.kernels.KernelSupport;
import dev.basin.kernels.ScalarKernels;

/**
 * The {@code impl} parameter every kernel benchmark takes: {@code vector} is the implementation
 * {@link KernelProvider} chose (the Vector API one), {@code scalar} the plain-Java reference.
 * Both run in the same JMH invocation, each in its own fork, so every call site stays
 * monomorphic and the two are compared under the same conditions.
 */
final class Impls {

    private Impls() {}

    static KernelSupport of(String impl) {
        return switch (impl) {
            case "vector" -> {
                if (!KernelProvider.isVectorized()) {
                    // A "vector" row that silently ran the scalar fallback would be a lie in the results.
                    throw new IllegalStateException("impl=vector, but this JVM runs the scalar kernels ("
                            + KernelProvider.get().describe() + "); run java with --add-modules jdk.incubator.vector"
                            + " and without -Dbasin.kernels=scalar");
                }
                yield KernelProvider.get();
            }
            case "scalar" -> new ScalarKernels();
            default -> throw new IllegalArgumentException("impl must be 'vector' or 'scalar', not '" + impl + "'");
        };
    }
}
