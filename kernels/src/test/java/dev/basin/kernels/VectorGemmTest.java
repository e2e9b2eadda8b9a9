package dev.basin.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * {@link VectorGemm} against a float64 triple loop, on every path: small (unpacked), packed
 * (several KC, MC and NC blocks), threaded, all four transposes, offsets, padded leading
 * dimensions, every tail, k = 0, beta 0 / 1 / other (beta = 0 with NaN in C). Tolerance per
 * element: (k + 2)·eps·(|alpha|·Σ|a||b| + |beta·c|). And the thread count never changes a bit.
 * Surefire runs this at 128, 256 and 512 bits, so every micro-tile shape is exercised.
 */
@AddLifecycleHook(VectorGemmTest.RequiresVectorModule.class)
class VectorGemmTest {

    /** Skips the class in the surefire run without jdk.incubator.vector. */
    public static class RequiresVectorModule implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            return KernelProvider.vectorModulePresent()
                    ? SkipResult.doNotSkip()
                    : SkipResult.skip("jdk.incubator.vector is not in the boot layer");
        }
    }

    /** One product: shapes, transposes, scalars, and where each matrix lies in its array. */
    record Case(boolean tA, boolean tB, int m, int n, int k, double alpha, double beta,
                int aOff, int padA, int bOff, int padB, int cOff, int padC, long seed) {

        int rowsA() { return tA ? k : m; }
        int colsA() { return tA ? m : k; }
        int rowsB() { return tB ? n : k; }
        int colsB() { return tB ? k : n; }
        int lda() { return colsA() + padA; }
        int ldb() { return colsB() + padB; }
        int ldc() { return n + padC; }
        int lenA() { return aOff + rowsA() * lda() + 3; }
        int lenB() { return bOff + rowsB() * ldb() + 3; }
        int lenC() { return cOff + m * ldc() + 3; }
    }

    // ---- generators ----------------------------------------------------------------------

    private static Arbitrary<Double> alphas() {
        return Arbitraries.oneOf(Arbitraries.of(1.0, -1.0, 0.0, 0.5), Arbitraries.doubles().between(-2, 2));
    }

    private static Arbitrary<Double> betas() {
        return Arbitraries.oneOf(Arbitraries.of(0.0, 1.0, -1.0), Arbitraries.doubles().between(-2, 2));
    }

    private static Arbitrary<Case> cases(Arbitrary<Integer> ms, Arbitrary<Integer> ns, Arbitrary<Integer> ks) {
        Arbitrary<Integer> off = Arbitraries.integers().between(0, 7);
        Arbitrary<Integer> pad = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(1, 17));
        return net.jqwik.api.Combinators.combine(
                        Arbitraries.of(true, false), Arbitraries.of(true, false), ms, ns, ks, alphas(), betas(),
                        off.list().ofSize(3))
                .flatAs((tA, tB, m, n, k, alpha, beta, offs) -> net.jqwik.api.Combinators.combine(
                                pad.list().ofSize(3), Arbitraries.longs())
                        .as((pads, seed) -> new Case(tA, tB, m, n, k, alpha, beta,
                                offs.get(0), pads.get(0), offs.get(1), pads.get(1), offs.get(2), pads.get(2), seed)));
    }

    /** Sizes 1..64 and a few just above: the unpacked path, every tail below the vector length. */
    @Provide
    Arbitrary<Case> smallCases() {
        Arbitrary<Integer> d = Arbitraries.integers().between(1, 70);
        return cases(d, d, d);
    }

    /** 1..200 per side: mostly the packed path, with partial micro-tiles in both directions. */
    @Provide
    Arbitrary<Case> packedCases() {
        Arbitrary<Integer> d = Arbitraries.integers().between(1, 200);
        return cases(d, d, d);
    }

    /** k beyond every KC (KC ≤ 512 at every width): several k blocks, C accumulated across them. */
    @Provide
    Arbitrary<Case> deepCases() {
        return cases(Arbitraries.integers().between(5, 40), Arbitraries.integers().between(1, 40),
                Arbitraries.integers().between(513, 1100));
    }

    /** Several k blocks with partial tiles both ways, for the two places the running sums can live. */
    @Provide
    Arbitrary<Case> sumsCases() {
        return cases(Arbitraries.integers().between(1, 80), Arbitraries.integers().between(1, 150),
                Arbitraries.integers().between(513, 1100));
    }

    /** Large enough to be split across threads. */
    @Provide
    Arbitrary<Case> parallelCases() {
        Arbitrary<Integer> d = Arbitraries.integers().between(150, 330);
        return cases(d, d, d);
    }

    // ---- properties ----------------------------------------------------------------------

    @Property(tries = 150)
    void smallShapesMatchReference(@ForAll("smallCases") Case c) {
        checkFloat(c, 1);
        checkDouble(c, 1);
    }

    @Property(tries = 100)
    void packedShapesMatchReference(@ForAll("packedCases") Case c) {
        checkFloat(c, 1);
        checkDouble(c, 1);
    }

    @Property(tries = 25)
    void deepKMatchesReference(@ForAll("deepCases") Case c) {
        checkFloat(c, 1);
        checkDouble(c, 1);
    }

    @Property(tries = 12)
    void threadedMatchesReference(@ForAll("parallelCases") Case c, @ForAll @IntRange(min = 2, max = 5) int threads) {
        checkFloat(c, threads);
        checkDouble(c, threads);
    }

    /** Every element is computed by one thread in one k order: bits do not depend on the thread count. */
    @Property(tries = 10)
    void threadCountDoesNotChangeBits(@ForAll("parallelCases") Case c, @ForAll @IntRange(min = 2, max = 7) int threads) {
        float[] one = runFloat(c, 1), many = runFloat(c, threads);
        assertArrayEquals(one, many, "float C differs between 1 and " + threads + " threads for " + c);
        double[] dOne = runDouble(c, 1), dMany = runDouble(c, threads);
        assertArrayEquals(dOne, dMany, "double C differs between 1 and " + threads + " threads for " + c);
    }

    @Property(tries = 60)
    void gramMatchesReferenceAndIsSymmetric(@ForAll @IntRange(min = 1, max = 150) int m,
                                            @ForAll @IntRange(min = 1, max = 150) int k,
                                            @ForAll("alphaValues") double alpha, @ForAll("betaValues") double beta,
                                            @ForAll long seed) {
        Case c = new Case(false, true, m, m, k, alpha, beta, 2, 3, 2, 3, 1, 2, seed);
        Random r = new Random(seed);
        double[] a = random(r, c.lenA()), cc = random(r, c.lenC());
        // A symmetric old C, so that the whole result must be symmetric for any beta.
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < i; j++) cc[c.cOff() + i * c.ldc() + j] = cc[c.cOff() + j * c.ldc() + i];
        }
        float[] af = toFloat(a), cf = toFloat(cc);
        VectorGemm.gram(m, k, (float) alpha, af, c.aOff(), c.lda(), (float) beta, cf, c.cOff(), c.ldc());
        double[] cd = cc.clone();
        VectorGemm.gram(m, k, alpha, a, c.aOff(), c.lda(), beta, cd, c.cOff(), c.ldc());
        Case asGemm = new Case(false, true, m, m, k, alpha, beta, c.aOff(), c.padA(), c.aOff(), c.padA(), c.cOff(), c.padC(), seed);
        compare(asGemm, toDouble(af), toDouble(af), toDouble(toFloat(cc)), toDouble(cf), 0x1p-24, "gram float");
        compare(asGemm, a, a, cc, cd, 0x1p-53, "gram double");
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < i; j++) {
                int ij = c.cOff() + i * c.ldc() + j, ji = c.cOff() + j * c.ldc() + i;
                assertEquals(cf[ij], cf[ji], "float gram not symmetric at " + i + "," + j);
                assertEquals(cd[ij], cd[ji], "double gram not symmetric at " + i + "," + j);
            }
        }
    }

    @Provide
    Arbitrary<Double> alphaValues() {
        return alphas();
    }

    @Provide
    Arbitrary<Double> betaValues() {
        return betas();
    }

    /** beta = 0 must ignore C entirely, NaN and infinity included, on the small and the packed path. */
    @Property(tries = 40)
    void betaZeroIgnoresNaNInC(@ForAll @IntRange(min = 1, max = 120) int m, @ForAll @IntRange(min = 1, max = 120) int n,
                               @ForAll @IntRange(min = 1, max = 120) int k, @ForAll boolean tA, @ForAll boolean tB) {
        Case c = new Case(tA, tB, m, n, k, 1.5, 0.0, 1, 1, 2, 0, 3, 5, 42);
        float[] cf = new float[c.lenC()];
        double[] cd = new double[c.lenC()];
        Arrays.fill(cf, Float.NaN);
        Arrays.fill(cd, Double.POSITIVE_INFINITY);
        Random r = new Random(7);
        double[] a = random(r, c.lenA()), b = random(r, c.lenB());
        float[] af = toFloat(a), bf = toFloat(b);
        VectorGemm.sgemm(tA, tB, m, n, k, 1.5f, af, c.aOff(), c.lda(), bf, c.bOff(), c.ldb(), 0f, cf, c.cOff(), c.ldc());
        VectorGemm.dgemm(tA, tB, m, n, k, 1.5, a, c.aOff(), c.lda(), b, c.bOff(), c.ldb(), 0.0, cd, c.cOff(), c.ldc());
        double[] nanFill = new double[c.lenC()], infFill = new double[c.lenC()];
        Arrays.fill(nanFill, Double.NaN);
        Arrays.fill(infFill, Double.POSITIVE_INFINITY);
        compare(c, toDouble(af), toDouble(bf), nanFill, toDouble(cf), 0x1p-24, "float");
        compare(c, a, b, infFill, cd, 0x1p-53, "double");
    }

    @Property(tries = 30)
    void kZeroScalesC(@ForAll @IntRange(min = 1, max = 40) int m, @ForAll @IntRange(min = 1, max = 40) int n,
                      @ForAll("betaValues") double beta, @ForAll boolean tA, @ForAll boolean tB) {
        checkFloat(new Case(tA, tB, m, n, 0, 1.25, beta, 1, 0, 0, 0, 2, 1, 9), 1);
        checkDouble(new Case(tA, tB, m, n, 0, 1.25, beta, 1, 0, 0, 0, 2, 1, 9), 1);
    }

    /**
     * Every column count up to 3·NR on the unpacked path, against few rows (every remainder
     * of the 4-, 6- and 8-row tiles) and short k, all transposes: each column block kind of
     * {@code small} (4-vector, 2-vector, whole-vector, half-vector, masked) at this width,
     * with its row tails. Alpha, beta (0, 1, other), offsets and padding cycle along.
     */
    @Example
    void everySmallColumnAndRowTail() {
        double[] alphas = {1.0, 0.75, -1.0}, betas = {0.0, 1.0, -0.5};
        int[] ms = {1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 13, 16, 20, 24, 32};
        int[] ks = {1, 3, 8, 17};
        int maxN = 3 * Math.max(GemmFloat.PNR, GemmDouble.PNR);
        int t = 0;
        for (int n = 1; n <= maxN; n++) {
            for (int m : ms) {
                for (int tr = 0; tr < 4; tr++, t++) {
                    Case c = new Case((tr & 1) != 0, (tr & 2) != 0, m, n, ks[t % ks.length], alphas[t % 3], betas[(t / 3) % 3],
                            t % 3, t % 2, (t / 2) % 3, (t / 3) % 2, t % 4, (t / 4) % 2, t);
                    assertTrue(VectorGemm.isSmall(c.tB(), c.m(), c.n(), c.k()));
                    checkFloat(c, 1);
                    checkDouble(c, 1);
                }
            }
        }
    }

    /** Where the small path's tall tiles take over: only where they compute fewer rows than short tiles. */
    @Example
    void tallTilesCoverRowsOnlyWhereTheySave() {
        assertEquals(24, GemmFloat.tallRows(32, 12, 8)); // 12 + 12 + 8
        assertEquals(0, GemmFloat.tallRows(16, 12, 8)); // 8 + 8, not 12 + a short tile of 4 repeated to 8
        assertEquals(60, GemmFloat.tallRows(64, 6, 4)); // ten 6-row tiles and one of 4
        assertEquals(6, GemmFloat.tallRows(6, 6, 4));
        assertEquals(0, GemmFloat.tallRows(5, 6, 4));
        assertEquals(0, GemmFloat.tallRows(4, 6, 4));
        assertEquals(24, GemmFloat.tallRows(32, 6, 4)); // four 6-row tiles and two of 4, not five and a 2-row one
        assertEquals(24, GemmFloat.tallRows(40, 12, 8)); // 12 + 12 + 8 + 8
        assertEquals(36, GemmFloat.tallRows(36, 12, 8));
    }

    /**
     * The packed path's running sums kept in the work buffer give the bits they give in C, and
     * the reference's values.
     */
    @Property(tries = 40)
    void sumsBufferGivesTheBitsOfSumsInC(@ForAll("sumsCases") Case c) {
        Random r = new Random(c.seed());
        float[] a = toFloat(random(r, c.lenA())), b = toFloat(random(r, c.lenB()));
        float[] c0 = toFloat(random(r, c.lenC()));
        float[] got = c0.clone();
        GemmFloat.packed(c.tA(), c.tB(), c.m(), c.n(), c.k(), (float) c.alpha(), a, c.aOff(), c.lda(), b, c.bOff(),
                c.ldb(), (float) c.beta(), got, c.cOff(), c.ldc(), GemmFloat.work(), true);
        float[] direct = c0.clone();
        GemmFloat.packed(c.tA(), c.tB(), c.m(), c.n(), c.k(), (float) c.alpha(), a, c.aOff(), c.lda(), b, c.bOff(),
                c.ldb(), (float) c.beta(), direct, c.cOff(), c.ldc(), GemmFloat.work(), false);
        for (int i = 0; i < got.length; i++) {
            assertEquals(Float.floatToRawIntBits(direct[i]), Float.floatToRawIntBits(got[i]), "float C index " + i + " for " + c);
        }
        Case rounded = new Case(c.tA(), c.tB(), c.m(), c.n(), c.k(), (float) c.alpha(), (float) c.beta(),
                c.aOff(), c.padA(), c.bOff(), c.padB(), c.cOff(), c.padC(), c.seed());
        compare(rounded, toDouble(a), toDouble(b), toDouble(c0), toDouble(got), 0x1p-24, "float");

        double[] da = toDouble(a), db = toDouble(b), dc0 = random(r, c.lenC());
        double[] dgot = dc0.clone(), ddirect = dc0.clone();
        GemmDouble.packed(c.tA(), c.tB(), c.m(), c.n(), c.k(), c.alpha(), da, c.aOff(), c.lda(), db, c.bOff(),
                c.ldb(), c.beta(), dgot, c.cOff(), c.ldc(), GemmDouble.work(), true);
        GemmDouble.packed(c.tA(), c.tB(), c.m(), c.n(), c.k(), c.alpha(), da, c.aOff(), c.lda(), db, c.bOff(),
                c.ldb(), c.beta(), ddirect, c.cOff(), c.ldc(), GemmDouble.work(), false);
        for (int i = 0; i < dgot.length; i++) {
            assertEquals(Double.doubleToRawLongBits(ddirect[i]), Double.doubleToRawLongBits(dgot[i]), "double C index " + i + " for " + c);
        }
        compare(c, da, db, dc0, dgot, 0x1p-53, "double");
    }

    /** The block transpose that copies op(B) for the small path, against its definition, every edge. */
    @Property(tries = 60)
    void transposeMatchesItsDefinition(@ForAll @IntRange(min = 1, max = 70) int rows, @ForAll @IntRange(min = 1, max = 70) int cols,
                                       @ForAll @IntRange(min = 0, max = 9) int padX, @ForAll @IntRange(min = 0, max = 9) int padT,
                                       @ForAll @IntRange(min = 0, max = 5) int off, @ForAll @IntRange(min = 0, max = 5) int to) {
        int ldx = cols + padX, ldt = rows + padT;
        Random r = new Random(rows * 131L + cols);
        double[] x = random(r, off + rows * ldx);
        float[] fx = toFloat(x), ft = new float[to + cols * ldt + 3];
        double[] dt = new double[to + cols * ldt + 3];
        Arrays.fill(ft, Float.NaN);
        Arrays.fill(dt, Double.NaN);
        GemmFloat.transpose(fx, off, ldx, rows, cols, ft, to, ldt, GemmFloat.work().block);
        GemmDouble.transpose(x, off, ldx, rows, cols, dt, to, ldt, GemmDouble.work().block);
        for (int q = 0; q < ft.length; q++) {
            int j = (q - to) / ldt, i = (q - to) % ldt;
            if (q >= to && j < cols && i < rows) {
                assertEquals(fx[off + i * ldx + j], ft[q], "float (" + i + "," + j + ")");
                assertEquals(x[off + i * ldx + j], dt[q], "double (" + i + "," + j + ")");
            } else {
                assertTrue(Float.isNaN(ft[q]) && Double.isNaN(dt[q]), "written outside the transpose at " + q);
            }
        }
    }

    /**
     * The small path's copy of op(B) into rows padded to whole vectors, against its definition:
     * x ends with its last element (so rows below the last whole block read from a copy of its
     * end), t ends with the last row's padding, and only the padding may be written besides
     * the transpose.
     */
    @Property(tries = 80)
    void paddedTransposeMatchesItsDefinition(@ForAll @IntRange(min = 1, max = 40) int rows, @ForAll @IntRange(min = 1, max = 40) int cols,
                                             @ForAll @IntRange(min = 0, max = 9) int padX, @ForAll @IntRange(min = 0, max = 9) int padT,
                                             @ForAll @IntRange(min = 0, max = 5) int off, @ForAll @IntRange(min = 0, max = 5) int to) {
        int ldx = cols + padX;
        Random r = new Random(rows * 257L + cols * 7L + padX);
        double[] x = random(r, off + (rows - 1) * ldx + cols);
        float[] fx = toFloat(x);
        for (int lanes : new int[] {VectorKernels.FS.length(), VectorKernels.DS.length()}) {
            int padded = (rows + lanes - 1) / lanes * lanes, ldt = padded + padT;
            boolean single = lanes == VectorKernels.FS.length();
            float[] ft = new float[to + (cols - 1) * ldt + padded];
            double[] dt = new double[ft.length];
            Arrays.fill(ft, Float.NaN);
            Arrays.fill(dt, Double.NaN);
            if (single) GemmFloat.transposePadded(fx, off, ldx, rows, cols, ft, to, ldt, GemmFloat.work());
            else GemmDouble.transposePadded(x, off, ldx, rows, cols, dt, to, ldt, GemmDouble.work());
            for (int q = 0; q < ft.length; q++) {
                int j = (q - to) / ldt, i = (q - to) % ldt;
                double got = single ? ft[q] : dt[q];
                if (q >= to && i < rows) {
                    assertEquals(single ? fx[off + i * ldx + j] : x[off + i * ldx + j], got, (single ? "float" : "double") + " (" + i + "," + j + ")");
                } else if (q < to || i >= padded) {
                    assertTrue(Double.isNaN(got), (single ? "float" : "double") + " written outside the transpose and its padding at " + q);
                }
            }
        }
    }

    /**
     * Matrices that end their arrays (no element after the last row's last column) give the
     * bits they give with room after them: the small path then reads B's masked columns from a
     * copy and runs C's last row block on a copy (GemmFloat.maskedColumns), and the block
     * transpose copies B's last rows element by element, so that no masked access passes an
     * array's end.
     */
    @Property(tries = 80)
    void matricesEndingTheirArraysGiveTheSameBits(@ForAll("smallCases") Case c) {
        int endA = c.aOff() + (c.rowsA() - 1) * c.lda() + c.colsA(), endB = c.bOff() + (c.rowsB() - 1) * c.ldb() + c.colsB();
        int endC = c.cOff() + (c.m() - 1) * c.ldc() + c.n(), room = 64;
        Random r = new Random(c.seed());
        double[] a = random(r, endA + room), b = random(r, endB + room), c0 = random(r, endC + room);
        double[] roomy = c0.clone(), ending = Arrays.copyOf(c0, endC);
        VectorGemm.dgemm(c.tA(), c.tB(), c.m(), c.n(), c.k(), c.alpha(), a, c.aOff(), c.lda(), b, c.bOff(), c.ldb(),
                c.beta(), roomy, c.cOff(), c.ldc());
        VectorGemm.dgemm(c.tA(), c.tB(), c.m(), c.n(), c.k(), c.alpha(), Arrays.copyOf(a, endA), c.aOff(), c.lda(),
                Arrays.copyOf(b, endB), c.bOff(), c.ldb(), c.beta(), ending, c.cOff(), c.ldc());
        assertArrayEquals(Arrays.copyOf(roomy, endC), ending, "double " + c);
        float[] fa = toFloat(a), fb = toFloat(b), froomy = toFloat(c0), fending = Arrays.copyOf(froomy, endC);
        VectorGemm.sgemm(c.tA(), c.tB(), c.m(), c.n(), c.k(), (float) c.alpha(), fa, c.aOff(), c.lda(), fb, c.bOff(), c.ldb(),
                (float) c.beta(), froomy, c.cOff(), c.ldc());
        VectorGemm.sgemm(c.tA(), c.tB(), c.m(), c.n(), c.k(), (float) c.alpha(), Arrays.copyOf(fa, endA), c.aOff(), c.lda(),
                Arrays.copyOf(fb, endB), c.bOff(), c.ldb(), (float) c.beta(), fending, c.cOff(), c.ldc());
        assertArrayEquals(Arrays.copyOf(froomy, endC), fending, "float " + c);
    }

    /**
     * On the small path every element of C has the bits of one fma chain over p in order,
     * s = fma(op(A)[i,p], op(B)[p,j], s), then fma(s, alpha, beta·C) (alpha·s + 0 where beta = 0),
     * whichever tile computed it: the masked tails, the tiles across the rows of a transposed A
     * and the whole-vector tiles all agree with this scalar chain, so the bits of an element
     * never depend on the shape around it.
     */
    @Property(tries = 80)
    void smallPathGivesEachElementOneFmaChain(@ForAll("smallCases") Case c) {
        Random r = new Random(c.seed());
        double[] a = random(r, c.lenA()), b = random(r, c.lenB()), c0 = random(r, c.lenC());
        double[] got = c0.clone();
        VectorGemm.dgemm(c.tA(), c.tB(), c.m(), c.n(), c.k(), c.alpha(), a, c.aOff(), c.lda(), b, c.bOff(), c.ldb(),
                c.beta(), got, c.cOff(), c.ldc());
        float[] fa = toFloat(a), fb = toFloat(b), fc0 = toFloat(c0), fgot = fc0.clone();
        float alpha = (float) c.alpha(), beta = (float) c.beta();
        VectorGemm.sgemm(c.tA(), c.tB(), c.m(), c.n(), c.k(), alpha, fa, c.aOff(), c.lda(), fb, c.bOff(), c.ldb(),
                beta, fgot, c.cOff(), c.ldc());
        for (int i = 0; i < c.m(); i++) {
            for (int j = 0; j < c.n(); j++) {
                double s = 0.0;
                float fs = 0f;
                for (int p = 0; p < c.k(); p++) {
                    int ai = c.aOff() + (c.tA() ? p * c.lda() + i : i * c.lda() + p);
                    int bi = c.bOff() + (c.tB() ? j * c.ldb() + p : p * c.ldb() + j);
                    s = Math.fma(a[ai], b[bi], s);
                    fs = Math.fma(fa[ai], fb[bi], fs);
                }
                int ci = c.cOff() + i * c.ldc() + j;
                double want = Math.fma(s, c.alpha(), c.beta() == 0.0 ? 0.0 : c0[ci] * c.beta());
                float fwant = Math.fma(fs, alpha, beta == 0f ? 0f : fc0[ci] * beta);
                assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(got[ci]), "dgemm C[" + i + "," + j + "] " + c);
                assertEquals(Float.floatToIntBits(fwant), Float.floatToIntBits(fgot[ci]), "sgemm C[" + i + "," + j + "] " + c);
            }
        }
    }

    /** A C larger than SUMS_MIN_BYTES with k over KC takes the sums buffer through the public entry. */
    @Example
    void largeCKeepsItsSumsInTheBuffer() {
        Case f = new Case(false, false, 700, 800, GemmFloat.KC + 7, 0.5, -1.0, 1, 0, 2, 3, 0, 5, 31);
        assertTrue((long) f.m() * f.n() * Float.BYTES >= GemmFloat.SUMS_MIN_BYTES);
        checkFloat(f, 1);
        Case d = new Case(true, true, 700, 800, GemmDouble.KC + 7, -1.0, 0.0, 0, 2, 1, 0, 3, 0, 32);
        assertTrue((long) d.m() * d.n() * Double.BYTES >= GemmDouble.SUMS_MIN_BYTES);
        checkDouble(d, 2);
    }

    /** Several MC blocks at every width, partial tiles both ways, offsets, all transposes. */
    @Example
    void manyRowBlocks() {
        for (boolean tA : new boolean[] {false, true}) {
            for (boolean tB : new boolean[] {false, true}) {
                Case c = new Case(tA, tB, 1100, 37, 131, 0.75, -0.5, 5, 2, 1, 3, 4, 1, 11);
                checkFloat(c, 1);
                checkDouble(c, 2);
            }
        }
    }

    /** Several k blocks on the packed path (m > 32 and m·n·k > 128³ keep it off the unpacked one). */
    @Example
    void deepKPacked() {
        for (boolean tA : new boolean[] {false, true}) {
            for (boolean tB : new boolean[] {false, true}) {
                Case c = new Case(tA, tB, 140, 70, 1100, -1.0, 0.5, 3, 1, 2, 0, 1, 3, 13);
                assertTrue(!VectorGemm.isSmall(tB, c.m(), c.n(), c.k()));
                checkFloat(c, 1);
                checkDouble(c, 1);
            }
        }
    }

    /** More columns than NC at the narrower widths (NC = 2048 floats at 128 bits). */
    @Example
    void manyColumnBlocks() {
        Case c = new Case(false, true, 9, 2100, 520, 1.0, 1.0, 0, 0, 3, 1, 0, 0, 12);
        checkFloat(c, 1);
        checkDouble(new Case(true, false, 9, 2100, 520, 1.0, 0.0, 0, 0, 3, 1, 0, 0, 12), 1);
    }

    /**
     * Four application threads multiplying at once with 3 GEMM threads: one holds the workers at
     * a time and the others run whole on their own thread; every result has one-thread bits.
     */
    @Example
    void concurrentCallersShareTheWorkers() throws Exception {
        Case c = new Case(false, false, 300, 250, 200, 1.0, 0.0, 0, 0, 0, 0, 0, 0, 21);
        float[] want = runFloat(c, 1);
        int before = VectorGemm.threads();
        VectorGemm.setThreads(3);
        try {
            java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                java.util.List<java.util.concurrent.Future<float[]>> got = new java.util.ArrayList<>();
                for (int t = 0; t < 16; t++) got.add(callers.submit(() -> runFloat(c, 3)));
                for (java.util.concurrent.Future<float[]> f : got) {
                    float[] x = f.get();
                    for (int i = 0; i < want.length; i++) {
                        assertEquals(Float.floatToRawIntBits(want[i]), Float.floatToRawIntBits(x[i]), "C index " + i);
                    }
                }
            } finally {
                callers.shutdown();
            }
        } finally {
            VectorGemm.setThreads(before);
        }
    }

    @Example
    void threadSettingRejectsZero() {
        int before = VectorGemm.threads();
        try {
            VectorGemm.setThreads(0);
            throw new AssertionError("setThreads(0) was accepted");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("threads"));
        }
        assertEquals(before, VectorGemm.threads());
    }

    // ---- helpers -------------------------------------------------------------------------

    private static float[] runFloat(Case c, int threads) {
        Random r = new Random(c.seed());
        float[] a = toFloat(random(r, c.lenA())), b = toFloat(random(r, c.lenB())), cc = toFloat(random(r, c.lenC()));
        withThreads(threads, () -> VectorGemm.sgemm(c.tA(), c.tB(), c.m(), c.n(), c.k(), (float) c.alpha(),
                a, c.aOff(), c.lda(), b, c.bOff(), c.ldb(), (float) c.beta(), cc, c.cOff(), c.ldc()));
        return cc;
    }

    private static double[] runDouble(Case c, int threads) {
        Random r = new Random(c.seed());
        double[] a = random(r, c.lenA()), b = random(r, c.lenB()), cc = random(r, c.lenC());
        withThreads(threads, () -> VectorGemm.dgemm(c.tA(), c.tB(), c.m(), c.n(), c.k(), c.alpha(),
                a, c.aOff(), c.lda(), b, c.bOff(), c.ldb(), c.beta(), cc, c.cOff(), c.ldc()));
        return cc;
    }

    private static void checkFloat(Case c, int threads) {
        Random r = new Random(c.seed());
        float[] a = toFloat(random(r, c.lenA())), b = toFloat(random(r, c.lenB()));
        double[] c0 = toDouble(toFloat(random(r, c.lenC())));
        float[] cc = toFloat(c0);
        withThreads(threads, () -> VectorGemm.sgemm(c.tA(), c.tB(), c.m(), c.n(), c.k(), (float) c.alpha(),
                a, c.aOff(), c.lda(), b, c.bOff(), c.ldb(), (float) c.beta(), cc, c.cOff(), c.ldc()));
        // The reference sees the float-rounded alpha and beta the kernel saw.
        Case rounded = new Case(c.tA(), c.tB(), c.m(), c.n(), c.k(), (float) c.alpha(), (float) c.beta(),
                c.aOff(), c.padA(), c.bOff(), c.padB(), c.cOff(), c.padC(), c.seed());
        compare(rounded, toDouble(a), toDouble(b), c0, toDouble(cc), 0x1p-24, "float");
    }

    private static void checkDouble(Case c, int threads) {
        Random r = new Random(c.seed());
        double[] a = random(r, c.lenA()), b = random(r, c.lenB()), c0 = random(r, c.lenC());
        double[] cc = c0.clone();
        withThreads(threads, () -> VectorGemm.dgemm(c.tA(), c.tB(), c.m(), c.n(), c.k(), c.alpha(),
                a, c.aOff(), c.lda(), b, c.bOff(), c.ldb(), c.beta(), cc, c.cOff(), c.ldc()));
        compare(c, a, b, c0, cc, 0x1p-53, "double");
    }

    /**
     * Checks got against alpha·op(A)·op(B) + beta·C0 computed in float64 (a, b as the kernel
     * saw them), and that every element of the array outside the m×n block still equals C0.
     */
    private static void compare(Case c, double[] a, double[] b, double[] c0, double[] got, double eps, String what) {
        for (int i = 0; i < c.m(); i++) {
            for (int j = 0; j < c.n(); j++) {
                double acc = 0, mag = 0;
                for (int p = 0; p < c.k(); p++) {
                    double av = c.tA() ? a[c.aOff() + p * c.lda() + i] : a[c.aOff() + i * c.lda() + p];
                    double bv = c.tB() ? b[c.bOff() + j * c.ldb() + p] : b[c.bOff() + p * c.ldb() + j];
                    acc += av * bv;
                    mag += Math.abs(av * bv);
                }
                int ci = c.cOff() + i * c.ldc() + j;
                double old = c0[ci];
                double want = c.beta() == 0 ? c.alpha() * acc : c.alpha() * acc + c.beta() * old;
                double scale = Math.abs(c.alpha()) * mag + (c.beta() == 0 ? 0 : Math.abs(c.beta() * old));
                double tol = (c.k() + 2) * eps * scale + Double.MIN_NORMAL;
                double err = Math.abs(got[ci] - want);
                if (!(err <= tol)) {
                    throw new AssertionError(what + " C[" + i + "," + j + "] = " + got[ci] + ", expected " + want
                            + " (error " + err + " > tolerance " + tol + ") for " + c);
                }
            }
        }
        for (int ci = 0; ci < got.length; ci++) {
            int rel = ci - c.cOff();
            boolean inside = rel >= 0 && rel / c.ldc() < c.m() && rel % c.ldc() < c.n();
            if (!inside && Double.doubleToLongBits(got[ci]) != Double.doubleToLongBits(c0[ci])
                    && !(Double.isNaN(got[ci]) && Double.isNaN(c0[ci]))) {
                throw new AssertionError(what + " wrote outside C's m×n block at index " + ci + " for " + c);
            }
        }
    }

    private static void withThreads(int threads, Runnable body) {
        int before = VectorGemm.threads();
        VectorGemm.setThreads(threads);
        try {
            body.run();
        } finally {
            VectorGemm.setThreads(before);
        }
    }

    private static double[] random(Random r, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = r.nextDouble() * 2 - 1;
        return x;
    }

    private static float[] toFloat(double[] x) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) y[i] = (float) x[i];
        return y;
    }

    private static double[] toDouble(float[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = x[i];
        return y;
    }
}
