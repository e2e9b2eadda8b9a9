/**
 * basin's SIMD kernels: BLAS-like routines and activations on plain Java arrays.
 * The Vector API is optional: without {@code --add-modules jdk.incubator.vector} the scalar
 * reference implementation runs.
 */
module dev.basin.kernels {
    requires static jdk.incubator.vector;
    exports dev.basin.kernels;
}
