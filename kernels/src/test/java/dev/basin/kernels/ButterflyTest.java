package dev.basin.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/** The scalar lane sums (sgemvN, dgemvN, NtkVector) give the vector butterfly's bits at this run's width. */
@AddLifecycleHook(VectorGemmTest.RequiresVectorModule.class)
class ButterflyTest {

    @Property(tries = 200)
    void scalarButterflyGivesTheVectorButterflysBits(@ForAll long seed) {
        Random r = new Random(seed);
        float[] f = new float[Lanes.floats()];
        double[] d = new double[Lanes.doubles()];
        // Magnitudes over several decades, so that the order of the additions shows in the last bits.
        for (int i = 0; i < f.length; i++) f[i] = (float) (r.nextGaussian() * Math.pow(10, r.nextInt(8) - 4));
        for (int i = 0; i < d.length; i++) d[i] = r.nextGaussian() * Math.pow(10, r.nextInt(16) - 8);
        assertEquals(Float.floatToRawIntBits(Lanes.sum(f)), Float.floatToRawIntBits(VectorKernels.butterfly(f, 0, f.length)));
        assertEquals(Double.doubleToRawLongBits(Lanes.sum(d)), Double.doubleToRawLongBits(VectorKernels.butterfly(d, 0, d.length)));
    }

    /** The vector side, in a class of its own so that this test class loads without the vector module (and is skipped). */
    static final class Lanes {
        static int floats() { return VectorKernels.FS.length(); }

        static int doubles() { return VectorKernels.DS.length(); }

        static float sum(float[] f) {
            int l = f.length;
            FloatVector t = FloatVector.fromArray(VectorKernels.FS, f, 0);
            if (l >= 16) t = t.add(t.rearrange(VectorKernels.F_SWAP8));
            if (l >= 8) t = t.add(t.rearrange(VectorKernels.F_SWAP4));
            if (l >= 4) t = t.add(t.rearrange(VectorKernels.F_SWAP2));
            if (l >= 2) t = t.add(t.rearrange(VectorKernels.F_SWAP1));
            return t.lane(0);
        }

        static double sum(double[] d) {
            int l = d.length;
            DoubleVector u = DoubleVector.fromArray(VectorKernels.DS, d, 0);
            if (l >= 8) u = u.add(u.rearrange(VectorKernels.D_SWAP4));
            if (l >= 4) u = u.add(u.rearrange(VectorKernels.D_SWAP2));
            if (l >= 2) u = u.add(u.rearrange(VectorKernels.D_SWAP1));
            return u.lane(0);
        }
    }
}
