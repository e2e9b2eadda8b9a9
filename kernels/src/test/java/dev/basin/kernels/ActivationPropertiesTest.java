package dev.basin.kernels;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.Example;

import java.util.Random;

import static dev.basin.kernels.TestData.*;

/**
 * activate, activateBackward and biasActivate for every {@link Activation}, float and double,
 * in place and out of place, against the scalar reference.
 *
 * <p>identity, abs, relu and leaky relu are selections and one multiply: they must agree bit
 * for bit, NaN and signed zeros included. tanh and sigmoid use basin's own exact-operation
 * polynomials (kernels/vecmath.py), within 2 ulps of Math's (the reference; measured on a dense
 * sweep at every width, and asserted below): forward tolerance
 * {@value #TRANSCENDENTAL_EPS}·eps·|y| (plus the smallest normal number, because float sigmoid
 * underflows to 0 a little earlier when e^−z is computed in float), backward tolerance
 * {@value #TRANSCENDENTAL_EPS}·eps·|dy| absolute since 1 − t² and s(1 − s) cancel near
 * saturation.
 */
class ActivationPropertiesTest {

    static final int TRANSCENDENTAL_EPS = 8;

    /** Seeds are only entropy: jqwik's edge cases (0, ±1, MIN, MAX) add nothing there. */
    @Provide
    Arbitrary<Long> seeds() {
        return net.jqwik.api.Arbitraries.longs().withoutEdgeCases();
    }

    @Provide
    Arbitrary<Integer> lengths() {
        return TestData.lengths();
    }

    static boolean exact(Activation act) {
        return act != Activation.TANH && act != Activation.SIGMOID;
    }

    static double forwardTol(Activation act, double expected, double eps, double tiny) {
        return exact(act) ? 0.0 : TRANSCENDENTAL_EPS * eps * Math.abs(expected) + tiny;
    }

    static double backwardTol(Activation act, double dy, double expected, double eps, double tiny) {
        return exact(act) ? 0.0 : TRANSCENDENTAL_EPS * eps * (Math.abs(dy) + Math.abs(expected)) + tiny;
    }

    /** Pre-activations spread so tanh and sigmoid saturate sometimes, with exact zeros mixed in. */
    static double[] preActivations(Random r, int len) {
        double[] z = new double[len];
        double[] scales = {0.01, 1, 1, 3, 30, 120};
        for (int i = 0; i < len; i++) z[i] = r.nextInt(13) == 0 ? 0.0 : r.nextGaussian() * scales[r.nextInt(scales.length)];
        return z;
    }

    static void checkFloat(Activation act, int n, int zOff, int yOff, boolean inPlace, float[] zVals, float[] dyVals) {
        String at = act + " n=" + n + " zOff=" + zOff + " yOff=" + yOff + (inPlace ? " in place" : "");
        float[] z = Level1PropertiesTest.padded(zVals, zOff, 2);
        float[] dy = Level1PropertiesTest.padded(dyVals, yOff, 2);

        // forward
        float[] yRef = new float[yOff + n + 1], yImpl;
        REF.activate(act, n, z, zOff, yRef, yOff);
        int off;
        if (inPlace) {
            yImpl = z.clone();
            IMPL.activate(act, n, yImpl, zOff, yImpl, zOff);
            off = zOff;
        } else {
            yImpl = new float[yOff + n + 1];
            IMPL.activate(act, n, z, zOff, yImpl, yOff);
            off = yOff;
        }
        for (int i = 0; i < n; i++) {
            float e = yRef[yOff + i];
            assertClose("activate " + at + " at z=" + z[zOff + i], e, yImpl[off + i],
                    forwardTol(act, e, EPS_F, Float.MIN_NORMAL));
        }

        // backward: dz may alias dy
        float[] dzRef = new float[yOff + n + 1], dzImpl;
        REF.activateBackward(act, n, z, zOff, dy, yOff, dzRef, yOff);
        if (inPlace) {
            dzImpl = dy.clone();
            IMPL.activateBackward(act, n, z, zOff, dzImpl, yOff, dzImpl, yOff);
        } else {
            dzImpl = new float[yOff + n + 1];
            IMPL.activateBackward(act, n, z, zOff, dy, yOff, dzImpl, yOff);
        }
        for (int i = 0; i < n; i++) {
            float e = dzRef[yOff + i];
            assertClose("activateBackward " + at + " at z=" + z[zOff + i] + " dy=" + dy[yOff + i], e, dzImpl[yOff + i],
                    backwardTol(act, dy[yOff + i], e, EPS_F, Float.MIN_NORMAL));
        }
    }

    static void checkDouble(Activation act, int n, int zOff, int yOff, boolean inPlace, double[] z0, double[] dy0) {
        String at = act + " n=" + n + " zOff=" + zOff + " yOff=" + yOff + (inPlace ? " in place" : "");
        double[] z = Level1PropertiesTest.padded(z0, zOff, 2);
        double[] dy = Level1PropertiesTest.padded(dy0, yOff, 2);

        double[] yRef = new double[yOff + n + 1], yImpl;
        REF.activate(act, n, z, zOff, yRef, yOff);
        int off;
        if (inPlace) {
            yImpl = z.clone();
            IMPL.activate(act, n, yImpl, zOff, yImpl, zOff);
            off = zOff;
        } else {
            yImpl = new double[yOff + n + 1];
            IMPL.activate(act, n, z, zOff, yImpl, yOff);
            off = yOff;
        }
        for (int i = 0; i < n; i++) {
            double e = yRef[yOff + i];
            assertClose("activate " + at + " at z=" + z[zOff + i], e, yImpl[off + i],
                    forwardTol(act, e, EPS_D, Double.MIN_NORMAL));
        }

        double[] dzRef = new double[yOff + n + 1], dzImpl;
        REF.activateBackward(act, n, z, zOff, dy, yOff, dzRef, yOff);
        if (inPlace) {
            dzImpl = dy.clone();
            IMPL.activateBackward(act, n, z, zOff, dzImpl, yOff, dzImpl, yOff);
        } else {
            dzImpl = new double[yOff + n + 1];
            IMPL.activateBackward(act, n, z, zOff, dy, yOff, dzImpl, yOff);
        }
        for (int i = 0; i < n; i++) {
            double e = dzRef[yOff + i];
            assertClose("activateBackward " + at + " at z=" + z[zOff + i] + " dy=" + dy[yOff + i], e, dzImpl[yOff + i],
                    backwardTol(act, dy[yOff + i], e, EPS_D, Double.MIN_NORMAL));
        }
    }

    static void checkBoth(Activation act, int n, int zOff, int yOff, boolean inPlace, long seed) {
        Random r = new Random(seed);
        double[] z = preActivations(r, n), dy = TestData.doubles(r, n);
        checkDouble(act, n, zOff, yOff, inPlace, z, dy);
        checkFloat(act, n, zOff, yOff, inPlace, toFloat(z), toFloat(dy));
    }

    @Property(tries = 200)
    void activationsMatchScalar(@ForAll Activation act, @ForAll("lengths") int n, @ForAll @IntRange(max = 9) int zOff,
                                @ForAll @IntRange(max = 9) int yOff, @ForAll boolean inPlace, @ForAll("seeds") long seed) {
        checkBoth(act, n, zOff, yOff, inPlace, seed);
    }

    @Example
    void everyTailLength() {
        for (Activation act : Activation.values()) {
            for (int n = 0; n <= TAIL_SWEEP; n++) {
                checkBoth(act, n, 1, 2, false, n);
                checkBoth(act, n, 3, 0, true, -n);
            }
        }
    }

    /** NaN, infinities, signed zeros and subnormals, each at a lane position and in the tail. */
    @Example
    void specialValues() {
        double[] specials = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.MIN_VALUE, -Double.MIN_VALUE, 1e-300, -1e-300, 800, -800, 20, -20, 1, -1};
        int n = 2 * specials.length + 5;          // both inside vectors and in the scalar tail
        double[] z = new double[n], dy = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = specials[i % specials.length];
            dy[i] = i % 4 == 0 ? Double.POSITIVE_INFINITY : (i % 4 == 1 ? Double.NaN : 1.5 - i);
        }
        float[] zf = toFloat(z), dyf = toFloat(dy);
        zf[5] = Float.MIN_VALUE;
        zf[6] = -Float.MIN_VALUE;
        for (Activation act : Activation.values()) {
            for (int shift = 0; shift < 3; shift++) {
                checkDouble(act, n - shift, shift, 0, false, java.util.Arrays.copyOfRange(z, shift, n),
                        java.util.Arrays.copyOfRange(dy, 0, n - shift));
                checkFloat(act, n - shift, shift, 0, false, java.util.Arrays.copyOfRange(zf, shift, n),
                        java.util.Arrays.copyOfRange(dyf, 0, n - shift));
            }
        }
    }

    /**
     * A dense sweep of tanh and sigmoid against Math: magnitudes from 1e-30 to 60 geometrically
     * and [-20, 20] uniformly, both signs. The error is counted in ulps of the reference value
     * (its ulp at least that of the smallest normal, where sigmoid underflows).
     */
    @Example
    void tanhAndSigmoidAreWithinTwoUlpsOfMathOnADenseSweep() {
        int half = 1 << 16;
        double[] z = new double[4 * half];
        for (int i = 0; i < half; i++) {
            double g = 1e-30 * Math.pow(60 / 1e-30, i / (half - 1.0)), u = -20 + 40.0 * i / half;
            z[4 * i] = g; z[4 * i + 1] = -g; z[4 * i + 2] = u; z[4 * i + 3] = -u;
        }
        float[] zf = toFloat(z);
        for (Activation act : new Activation[]{Activation.TANH, Activation.SIGMOID}) {
            double[] yd = new double[z.length], rd = new double[z.length];
            float[] yf = new float[z.length], rf = new float[z.length];
            IMPL.activate(act, z.length, z, 0, yd, 0);
            REF.activate(act, z.length, z, 0, rd, 0);
            IMPL.activate(act, z.length, zf, 0, yf, 0);
            REF.activate(act, z.length, zf, 0, rf, 0);
            double worstD = 0, worstF = 0;
            for (int i = 0; i < z.length; i++) {
                worstD = Math.max(worstD, Math.abs(yd[i] - rd[i]) / Math.max(Math.ulp(rd[i]), Math.ulp(Double.MIN_NORMAL)));
                worstF = Math.max(worstF, Math.abs(yf[i] - rf[i]) / Math.max(Math.ulp(rf[i]), Math.ulp(Float.MIN_NORMAL)));
            }
            System.out.printf("%s vs Math: worst %.2f ulp (double), %.2f ulp (float) with %s%n", act, worstD, worstF, IMPL.describe());
            if (!(worstD <= 2 && worstF <= 2)) {
                throw new AssertionError(act + ": " + worstD + " ulp (double), " + worstF + " ulp (float) with " + IMPL.describe());
            }
        }
    }

    @Property(tries = 150)
    void biasActivateMatchesScalar(@ForAll Activation act, @ForAll @IntRange(min = 0, max = 12) int m,
                                   @ForAll("lengths") int n, @ForAll @IntRange(max = 7) int extraLd,
                                   @ForAll @IntRange(max = 7) int zOff, @ForAll @IntRange(max = 7) int yOff,
                                   @ForAll @IntRange(max = 7) int bOff, @ForAll boolean yAliasesZ, @ForAll("seeds") long seed) {
        Random r = new Random(seed);
        int ld = Math.max(1, n + extraLd);
        int size = Math.max(0, (m - 1) * ld + n);
        double[] zd = Level1PropertiesTest.padded(preActivations(r, size), zOff, 2);
        double[] bias = Level1PropertiesTest.padded(TestData.doubles(r, n), bOff, 1);
        String at = act + " m=" + m + " n=" + n + " ld=" + ld + " offs=" + zOff + "/" + yOff + "/" + bOff
                + (yAliasesZ ? " y=z" : "") + " seed=" + seed;

        double[] zRef = zd.clone(), zImpl = zd.clone();
        double[] yRef = new double[yOff + size + 1], yImpl = yAliasesZ ? zImpl : new double[yOff + size + 1];
        int yOffImpl = yAliasesZ ? zOff : yOff;
        REF.biasActivate(act, m, n, bias, bOff, zRef, zOff, ld, yRef, yOff, ld);
        IMPL.biasActivate(act, m, n, bias, bOff, zImpl, zOff, ld, yImpl, yOffImpl, ld);
        float[] zf = toFloat(zd), bf = toFloat(bias);
        float[] zRefF = zf.clone(), zImplF = zf.clone();
        float[] yRefF = new float[yOff + size + 1], yImplF = yAliasesZ ? zImplF : new float[yOff + size + 1];
        REF.biasActivate(act, m, n, bf, bOff, zRefF, zOff, ld, yRefF, yOff, ld);
        IMPL.biasActivate(act, m, n, bf, bOff, zImplF, zOff, ld, yImplF, yOffImpl, ld);

        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int zi = zOff + i * ld + j, yi = yOff + i * ld + j, yiImpl = yOffImpl + i * ld + j;
                if (!yAliasesZ) {
                    assertSame("biasActivate z[" + i + "," + j + "] " + at, zRef[zi], zImpl[zi]);
                    assertSame("biasActivate float z[" + i + "," + j + "] " + at, zRefF[zi], zImplF[zi]);
                }
                assertClose("biasActivate y[" + i + "," + j + "] " + at, yRef[yi], yImpl[yiImpl],
                        forwardTol(act, yRef[yi], EPS_D, Double.MIN_NORMAL));
                assertClose("biasActivate float y[" + i + "," + j + "] " + at, yRefF[yi], yImplF[yiImpl],
                        forwardTol(act, yRefF[yi], EPS_F, Float.MIN_NORMAL));
            }
        }
        // Leading-dimension gaps and the ranges around the block stay as they were.
        if (!yAliasesZ) {
            for (int idx = 0; idx < zd.length; idx++) {
                int rel = idx - zOff;
                boolean inside = rel >= 0 && rel / ld < m && rel % ld < n;
                if (!inside) assertSame("biasActivate wrote z outside the block at " + idx + " " + at, zd[idx], zImpl[idx]);
            }
        }
    }
}
