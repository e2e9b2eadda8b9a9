package dev.basin.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Single-threaded float GEMM on one block of C, in the Goto/BLIS structure: B is packed into
 * KC×PNR micro-panels (one stays in L1 while a column of micro-tiles runs), A into MR×KC
 * micro-panels (an MC×KC block kept in L2), and an MR×PNR register-blocked micro-kernel runs
 * over them. PNR is two vectors of the species and MR follows the register file: 6 rows × 2
 * vectors (12 accumulators) at 128 and 256 bits, 12 × 2 (24) at 512 bits, where there are 32
 * registers. Packing resolves both transposes,
 * so all four combinations run the same kernel. Edge tiles run the same kernel into a scratch
 * tile (the packed panels are zero-padded) and are copied out with the same per-element
 * arithmetic, so no element's bits depend on where the tile grid falls. Small products skip
 * packing (see {@link #small}).
 *
 * <p>Allocation-free only as long as C2 intrinsifies every vector operation, which these rules
 * keep reliable (each one ended a way we saw tiles box vectors on every call): one species
 * only, no half-width one for narrow tails (a second class of the same element type makes the
 * Vector API's shared type profiles bimorphic, and every kernel compiled against them is at
 * risk; see {@link #maskedTile}); accumulators never the receiver of an operation after their
 * loop ({@code va.fma(sum, ·)}, not {@code sum.fma(va, ·)}: the same single rounding; see
 * VectorKernels.F_ONE); and separate straight-line epilogues for beta = 0 and beta ≠ 0
 * rather than a per-row merge of beta·C and zero.
 *
 * <p>The small path's tiles for a transposed A ({@code columnTileTrans} and its kin) and
 * {@code wideTileUnit}, for an A read along its rows with a unit stride, are
 * generated from their tiles by kernels/gen-gemm-trans.py: run it when a tile changes. The
 * register transposes ({@code transposeBlock16} and its kin) are written out by
 * kernels/gen-gemm-transpose.py.
 *
 * <p>{@code GemmDouble} is generated from this file (float → double, FS → DS, 0f → 0.0): edit
 * this one and run kernels/gen-gemm-double.sh, so the two never drift apart.
 */
final class GemmFloat {

    private static final VectorSpecies<Float> S = VectorKernels.FS;
    private static final int L = S.length();
    private static final int BYTES = Float.BYTES;

    /**
     * Rows of the packed micro-tile: 12 (24 accumulators) with the 32 registers of 512-bit
     * hardware, 6 (12 accumulators) with AVX2's 16.
     */
    static final int MR = S.vectorBitSize() >= 512 ? 12 : 6;
    /** The small path's tile width: two vectors of columns. */
    static final int NR = 2 * L;
    /** Columns of the packed micro-tile: two vectors. */
    static final int PNR = 2 * L;
    /**
     * Depth of a packed block: a KC×PNR micro-panel of B of at most 32 KiB, which stays in L1
     * while a column of micro-tiles streams A past it, and an MR×KC micro-panel of A of at most
     * 12 KiB beside it (both within a 48 KiB L1d). On an Intel Xeon (Emerald Rapids) with the
     * 12 × 2 tile that is KC = 256 in single precision (128 ran 1.0–1.05× slower at n = 512)
     * and 128 in double (256 ran 1.03–1.07× slower at n = 512). Twice that where 512-bit FMAs
     * issue one a cycle ({@link Cpu#HALF_RATE_512}, Zen 4): the panels then come fast enough
     * from L2, and a deeper block makes half the passes over C. There, side by side with
     * OpenBLAS, dgemm n = 512 / 1024 / 2048 went from 0.90–0.91 / 0.83–0.85 / 0.80–0.81 of it
     * to 0.96–0.97 / 0.94 / 0.88–0.90, sgemm from 0.97–0.99 / 0.96–0.99 / 0.99–1.00 to 1.04–1.05
     * / 1.02–1.04 / 0.99–1.00 (two runs each). Products with k > KC round differently with
     * another KC, so their last bits differ between such machines and others.
     */
    static final int KC = Math.clamp((long) Math.min((32 << 10) / (PNR * BYTES), (12 << 10) / (MR * BYTES))
            * deeper(), 128, 512);
    /**
     * An MC×KC block of A of 256 KiB (about half of a 512 KiB L2), twice that where KC doubles,
     * so that MC keeps its rows: on Zen 4 (1 MiB L2) the 252-row block ran 1.01–1.07× the
     * 120-row one at n = 2048 against OpenBLAS in both precisions (five and three alternating
     * runs), and even at 1024.
     */
    static final int MC = Math.max(MR, (256 << 10) * deeper() / (KC * BYTES) / MR * MR);
    /** 2 where KC doubles (512-bit FMAs at half rate, see KC), else 1. */
    private static int deeper() {
        return Cpu.HALF_RATE_512 && S.vectorBitSize() >= 512 ? 2 : 1;
    }

    /** A KC×NC panel of B fills a few MiB of L3. */
    static final int NC = Math.max(PNR, (4 << 20) / (KC * BYTES) / PNR * PNR);

    /**
     * Rows of the small path's two-vector tile: 8 (16 accumulators) where the species is 512
     * bits wide, which only runs fast on CPUs with 32 vector registers (AVX-512, SVE); 6 (12
     * accumulators, as MR) elsewhere, where AVX2 has 16. Eight rows tile n = 16, 32, 64 without
     * the repeated rows a last partial block of 6 computes.
     */
    static final int SMR = S.vectorBitSize() >= 512 ? 8 : 6;
    /**
     * At 512 bits, whole blocks of 4 vectors (2·NR columns) run in tiles of 4 rows × 4 vectors:
     * the same 16 accumulators as SMR × 2, but a broadcast of A feeds four FMAs instead of two.
     */
    private static final boolean WIDE = SMR == 8;
    /**
     * With 32 registers (where WIDE), most rows run in taller tiles of 24 accumulators: 6 rows
     * × 4 vectors and 12 rows × 2 vectors, which load B once per 6 or 12 broadcasts of A. The
     * 4- and 8-row tiles take the rows left over (see {@link #tallRows}). On Zen 5, which
     * issues two 512-bit FMAs a cycle, they ran 1.05–1.3× faster than the short tiles at
     * n = 32 and 64.
     */
    private static final boolean TALL = WIDE;

    /**
     * The most elements of A the small path copies transposed for its narrow tail (see small):
     * 64 K (256 or 512 KiB by element size), within a 1 MiB L2, which the trainer's products are
     * far below (64 × 16); a larger m·k keeps the masked tiles rather than grow the per-thread
     * buffer.
     */
    private static final long ACROSS_COPY_MAX = 1L << 16;

    private GemmFloat() {}

    /** Per-thread packing buffers, grown on demand and then reused. */
    static final class Work {
        float[] a = new float[0];
        float[] b = new float[0];
        float[] sums = new float[0];
        final float[] tile = new float[MR * PNR];
        /** The last L elements of B's array, for the masked tile's rows where a whole vector would pass its end (see copyEnd). */
        final float[] edge = new float[2 * L];
        /** The masked tile's sums where C's last rows end c: 8 rows, L apart (see writeLastRows). */
        final float[] edgeTile = new float[8 * L];
        /** An L×L block being transposed (see {@link #transpose}). */
        final float[] block = new float[L * L];

        float[] a(int size) {
            if (a.length < size) a = new float[size];
            return a;
        }

        float[] b(int size) {
            if (b.length < size) b = new float[size];
            return b;
        }

        /** The running sums of a multi-pass product whose C does not fit in cache (see SUMS_MIN_BYTES). */
        float[] sums(int size) {
            if (sums.length < size) sums = new float[size];
            return sums;
        }
    }

    private static final ThreadLocal<Work> WORK = ThreadLocal.withInitial(Work::new);

    static Work work() {
        return WORK.get();
    }

    /** C = beta·C for k = 0, with the reference's arithmetic (alpha·0 + beta·C). */
    static void scaleOnly(int m, int n, float alpha, float beta, float[] c, int cOff, int ldc) {
        float z = alpha * 0f;
        for (int i = 0; i < m; i++) {
            int o = cOff + i * ldc;
            for (int j = 0; j < n; j++) c[o + j] = beta == 0f ? z : z + beta * c[o + j];
        }
    }

    // ---- packed path ---------------------------------------------------------------------

    /**
     * Where C is at least this many bytes (more than a core's L2 holds) and k takes more than
     * one KC pass, the passes keep their running sums in a contiguous buffer ({@link
     * Work#sums}) instead of in C. A pass reads and writes a micro-tile of C as MR rows ldc
     * apart, which no hardware prefetcher follows and Java cannot prefetch; once C no longer fits
     * in cache every pass paid those misses. On an Intel Xeon (Emerald Rapids) a run whose tiles
     * all wrote into the same few rows of C (wrong results, timing only) made the n = 2048 dgemm
     * macro-kernel 1.35–1.4× faster; the buffer made the whole call 1.21× faster at n = 2048 and
     * 1.075× at 1024 (dgemm), 1.08× / 1.04× (sgemm), level at 512, and cost 3% at n = 256
     * (where C stays in L2: hence this threshold).
     */
    static final long SUMS_MIN_BYTES = 2L << 20;
    /** The sums buffer's cap: a larger C block runs its passes in C. */
    static final long SUMS_MAX_BYTES = 64L << 20;

    /** C[m×n] = alpha·op(A)·op(B) + beta·C, where the offsets already point at this block. */
    static void packed(boolean tA, boolean tB, int m, int n, int k, float alpha,
                       float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                       float beta, float[] c, int cOff, int ldc, Work w) {
        long bytes = (long) roundUp(m, MR) * roundUp(Math.min(n, NC), PNR) * BYTES;
        boolean sums = k > KC && (long) m * n * BYTES >= SUMS_MIN_BYTES && bytes <= SUMS_MAX_BYTES;
        packed(tA, tB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc, w, sums);
    }

    /**
     * As above, with the running sums in C or (sums = true) in the work buffer. Both give the
     * same bits: each element is fma(s, alpha, beta·C) after the first pass and fma(s, alpha, ·)
     * of the previous value after each later one, wherever that value is kept.
     */
    static void packed(boolean tA, boolean tB, int m, int n, int k, float alpha,
                       float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                       float beta, float[] c, int cOff, int ldc, Work w, boolean sums) {
        int kcMax = Math.min(k, KC);
        float[] pa = w.a(roundUp(Math.min(m, MC), MR) * KC);
        float[] pb = w.b(roundUp(Math.min(n, NC), PNR) * kcMax);
        int mTiles = roundUp(m, MR) / MR;
        float[] t = sums ? w.sums(mTiles * MR * roundUp(Math.min(n, NC), PNR)) : null;
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                packB(tB, b, bOff, ldb, pc, kc, jc, nc, pb, w);
                float bet = pc == 0 ? beta : 1f;
                for (int ic = 0; ic < m; ic += MC) {
                    int mc = Math.min(MC, m - ic);
                    packA(tA, a, aOff, lda, ic, mc, pc, kc, pa, w.block);
                    if (t == null) {
                        macro(mc, nc, kc, alpha, pa, pb, bet, c, cOff + ic * ldc + jc, ldc, w.tile);
                    } else {
                        macroSums(mc, nc, kc, alpha, pa, pb, bet, pc == 0, pc + KC >= k, t, ic / MR, mTiles,
                                c, cOff + ic * ldc + jc, ldc);
                    }
                }
            }
        }
    }

    private static int roundUp(int x, int r) {
        return (x + r - 1) / r * r;
    }

    /**
     * Packs op(A)[ic..ic+mc, pc..pc+kc] as MR-row micro-panels, each row of a panel KC elements
     * long (kc of them used), zero rows below a partial panel (their sums are never stored;
     * zeros keep stale values, subnormals among them, out of the FMAs). Rows at the constant
     * stride KC let the micro-kernel broadcast A with constant displacements and no range
     * checks, and make packing a plain row copy (or, transposed, a block transpose) instead of
     * the element-by-element interleave a p-major panel needs, which cost 5–10 % of n = 256–512.
     */
    private static void packA(boolean tA, float[] a, int aOff, int lda, int ic, int mc, int pc, int kc, float[] pa,
                              float[] block) {
        // The panels one after another are the mc × KC block row-major: element (i, p) at i·KC + p.
        int whole = kc / L * L;
        if (tA) {
            // op(A)(i,p) = a[p·lda + i]: the kc × mc block at row pc, column ic, transposed.
            transpose(a, aOff + pc * lda + ic, lda, kc, mc, pa, 0, KC, block);
        } else {
            for (int i = 0; i < mc; i++) {
                int src = aOff + (ic + i) * lda + pc, dst = i * KC;
                for (int p = 0; p < whole; p += L) FloatVector.fromArray(S, a, src + p).intoArray(pa, dst + p);
                for (int p = whole; p < kc; p++) pa[dst + p] = a[src + p];
            }
        }
        // The zero vector is made inside the loop (C2 hoists it): one made before the loop was
        // kept boxed under C2's stress flags, to describe the loop's traps (80 B per call).
        for (int i = mc; i < roundUp(mc, MR); i++) {
            int dst = i * KC;
            for (int p = 0; p < whole; p += L) FloatVector.zero(S).intoArray(pa, dst + p);
            for (int p = whole; p < kc; p++) pa[dst + p] = 0f;
        }
    }

    /** Packs op(B)[pc..pc+kc, jc..jc+nc] as PNR-column micro-panels, p-major, zero-padded columns. */
    private static void packB(boolean tB, float[] b, int bOff, int ldb, int pc, int kc, int jc, int nc, float[] pb, Work w) {
        for (int jr = 0; jr < nc; jr += PNR) {
            int nr = Math.min(PNR, nc - jr);
            int base = jr * kc;
            if (tB && nr == PNR) {
                // op(B)(p,j) = b[j·ldb + p]: the PNR × kc block of b at row jc + jr, transposed.
                // (Gathering each packed row was as fast, but under C2's stress flags its
                // intrinsic was at times left a call that boxed: 55 KB per sgemm NT n = 96.)
                transpose(b, bOff + (jc + jr) * ldb + pc, ldb, PNR, kc, pb, base, PNR, w.block);
            } else if (tB) {
                // A partial panel: read each row of b contiguously, write with stride PNR.
                int q = 0;
                for (; q < nr; q++) {
                    int src = bOff + (jc + jr + q) * ldb + pc, dst = base + q;
                    for (int p = 0; p < kc; p++) pb[dst + p * PNR] = b[src + p];
                }
                for (; q < PNR; q++) {
                    for (int p = 0; p < kc; p++) pb[base + q + p * PNR] = 0f;
                }
            } else if (nr == PNR) {
                for (int p = 0; p < kc; p++) {
                    int src = bOff + (pc + p) * ldb + jc + jr, dst = base + p * PNR;
                    for (int v = 0; v < PNR; v += L) FloatVector.fromArray(S, b, src + v).intoArray(pb, dst + v);
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    int src = bOff + (pc + p) * ldb + jc + jr, dst = base + p * PNR;
                    int q = 0;
                    for (; q < nr; q++) pb[dst + q] = b[src + q];
                    for (; q < PNR; q++) pb[dst + q] = 0f;
                }
            }
        }
    }

    /** Runs the micro-kernel over every MR×PNR tile of an mc×nc block. */
    private static void macro(int mc, int nc, int kc, float alpha, float[] pa, float[] pb,
                              float beta, float[] c, int cOff, int ldc, float[] tile) {
        for (int jr = 0; jr < nc; jr += PNR) {
            int nr = Math.min(PNR, nc - jr);
            for (int ir = 0; ir < mc; ir += MR) {
                int mr = Math.min(MR, mc - ir);
                int co = cOff + ir * ldc + jr;
                if (mr == MR && nr == PNR) {
                    if (MR == 12) kernel12(kc, pa, ir * KC, pb, jr * kc, alpha, beta, c, co, ldc);
                    else kernel(kc, pa, ir * KC, pb, jr * kc, alpha, beta, c, co, ldc);
                } else {
                    // alpha = 1, beta = 0 stores the raw sums; the copy-out applies the same
                    // fma(sum, alpha, beta·c) as the vector epilogue, lane for lane.
                    if (MR == 12) kernel12(kc, pa, ir * KC, pb, jr * kc, 1f, 0f, tile, 0, PNR);
                    else kernel(kc, pa, ir * KC, pb, jr * kc, 1f, 0f, tile, 0, PNR);
                    copyOut(tile, PNR, mr, nr, alpha, beta, c, co, ldc);
                }
            }
        }
    }

    /**
     * One pass of an mc×nc block with the running sums in t: a whole MR×PNR tile each, tiles of
     * a column of the block one after another (the order the loop visits them), columns
     * mTiles tiles apart. The first pass copies C in when beta reads it; the last copies the
     * result out to C.
     */
    private static void macroSums(int mc, int nc, int kc, float alpha, float[] pa, float[] pb, float beta,
                                  boolean first, boolean last, float[] t, int rowTile0, int mTiles,
                                  float[] c, int cOff, int ldc) {
        for (int jr = 0; jr < nc; jr += PNR) {
            int nr = Math.min(PNR, nc - jr);
            int to = (jr / PNR * mTiles + rowTile0) * (MR * PNR);
            for (int ir = 0; ir < mc; ir += MR, to += MR * PNR) {
                int mr = Math.min(MR, mc - ir), co = cOff + ir * ldc + jr;
                if (first && beta != 0f) copyTile(c, co, ldc, t, to, PNR, mr, nr);
                if (MR == 12) kernel12(kc, pa, ir * KC, pb, jr * kc, alpha, beta, t, to, PNR);
                else kernel(kc, pa, ir * KC, pb, jr * kc, alpha, beta, t, to, PNR);
                if (last) copyTile(t, to, PNR, c, co, ldc, mr, nr);
            }
        }
    }

    /** Copies rows × cols elements from x (row stride ldx) to y (row stride ldy), by vectors where whole. */
    private static void copyTile(float[] x, int xo, int ldx, float[] y, int yo, int ldy, int rows, int cols) {
        int whole = cols / L * L;
        for (int r = 0; r < rows; r++) {
            int xr = xo + r * ldx, yr = yo + r * ldy;
            for (int q = 0; q < whole; q += L) FloatVector.fromArray(S, x, xr + q).intoArray(y, yr + q);
            for (int q = whole; q < cols; q++) y[yr + q] = x[xr + q];
        }
    }

    /**
     * The MR×PNR micro-kernel below 512 bits: C[6×2L] = fma(sum, alpha, beta·C) with sum over kc packed
     * steps. beta = 0 never reads C. Written out by hand so that the twelve accumulators stay
     * in registers.
     */
    private static void kernel(int kc, float[] pa, int ao, float[] pb, int bo,
                               float alpha, float beta, float[] c, int co, int ldc) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        for (int p = 0; p < kc; p++) {
            int ap = ao + p, bp = bo + p * PNR;
            FloatVector b0 = FloatVector.fromArray(S, pb, bp);
            FloatVector b1 = FloatVector.fromArray(S, pb, bp + L);
            FloatVector x = FloatVector.broadcast(S, pa[ap]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, pa[ap + KC]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, pa[ap + 2 * KC]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, pa[ap + 3 * KC]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, pa[ap + 4 * KC]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, pa[ap + 5 * KC]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
        }
        FloatVector va = FloatVector.broadcast(S, alpha);
        if (beta == 0f) {
            FloatVector z = FloatVector.zero(S);
            va.fma(c00, z).intoArray(c, co);
            va.fma(c01, z).intoArray(c, co + L);
            va.fma(c10, z).intoArray(c, co + ldc);
            va.fma(c11, z).intoArray(c, co + ldc + L);
            va.fma(c20, z).intoArray(c, co + 2 * ldc);
            va.fma(c21, z).intoArray(c, co + 2 * ldc + L);
            va.fma(c30, z).intoArray(c, co + 3 * ldc);
            va.fma(c31, z).intoArray(c, co + 3 * ldc + L);
            va.fma(c40, z).intoArray(c, co + 4 * ldc);
            va.fma(c41, z).intoArray(c, co + 4 * ldc + L);
            va.fma(c50, z).intoArray(c, co + 5 * ldc);
            va.fma(c51, z).intoArray(c, co + 5 * ldc + L);
        } else {
            FloatVector vb = FloatVector.broadcast(S, beta);
            int o = co;
            va.fma(c00, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
            va.fma(c01, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
            o += ldc;
            va.fma(c10, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
            va.fma(c11, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
            o += ldc;
            va.fma(c20, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
            va.fma(c21, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
            o += ldc;
            va.fma(c30, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
            va.fma(c31, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
            o += ldc;
            va.fma(c40, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
            va.fma(c41, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
            o += ldc;
            va.fma(c50, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
            va.fma(c51, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        }
    }

    /**
     * The micro-kernel at 512 bits: C[12×2L] = fma(sum, alpha, beta·C), 24 accumulators, two
     * vectors of B loaded and twelve elements of A broadcast per step. Written out by hand
     * (generated once by a script, not kept) so the accumulators stay in registers. It replaced
     * a 6 × 4-vector tile with the same 24 accumulators: C2 cannot fold a broadcast into the
     * FMA, so that tile needed 24 + 4 + 6 registers and kept one accumulator on the stack
     * (a load and a store every step); this one is scheduled without spills. In cache it ran
     * 1.05–1.1× faster; sgemm n = 2048 went from 0.74–0.81 to 0.88–0.89 of OpenBLAS.
     */
    private static void kernel12(int kc, float[] pa, int ao, float[] pb, int bo,
                                 float alpha, float beta, float[] c, int co, int ldc) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00;
        FloatVector c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00;
        FloatVector c50 = c00, c51 = c00, c60 = c00, c61 = c00;
        FloatVector c70 = c00, c71 = c00, c80 = c00, c81 = c00;
        FloatVector c90 = c00, c91 = c00, ca0 = c00, ca1 = c00;
        FloatVector cb0 = c00, cb1 = c00;
        for (int p = 0; p < kc; p++) {
            int ap = ao + p, bp = bo + p * PNR;
            FloatVector b0 = FloatVector.fromArray(S, pb, bp);
            FloatVector b1 = FloatVector.fromArray(S, pb, bp + L);
            FloatVector x = FloatVector.broadcast(S, pa[ap]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, pa[ap + KC]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, pa[ap + 2 * KC]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, pa[ap + 3 * KC]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, pa[ap + 4 * KC]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, pa[ap + 5 * KC]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(S, pa[ap + 6 * KC]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(S, pa[ap + 7 * KC]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
            x = FloatVector.broadcast(S, pa[ap + 8 * KC]);
            c80 = x.fma(b0, c80);
            c81 = x.fma(b1, c81);
            x = FloatVector.broadcast(S, pa[ap + 9 * KC]);
            c90 = x.fma(b0, c90);
            c91 = x.fma(b1, c91);
            x = FloatVector.broadcast(S, pa[ap + 10 * KC]);
            ca0 = x.fma(b0, ca0);
            ca1 = x.fma(b1, ca1);
            x = FloatVector.broadcast(S, pa[ap + 11 * KC]);
            cb0 = x.fma(b0, cb0);
            cb1 = x.fma(b1, cb1);
        }
        FloatVector va = FloatVector.broadcast(S, alpha);
        if (beta == 0f) {
            FloatVector z = FloatVector.zero(S);
            va.fma(c00, z).intoArray(c, co);
            va.fma(c01, z).intoArray(c, co + L);
            va.fma(c10, z).intoArray(c, co + ldc);
            va.fma(c11, z).intoArray(c, co + ldc + L);
            va.fma(c20, z).intoArray(c, co + 2 * ldc);
            va.fma(c21, z).intoArray(c, co + 2 * ldc + L);
            va.fma(c30, z).intoArray(c, co + 3 * ldc);
            va.fma(c31, z).intoArray(c, co + 3 * ldc + L);
            va.fma(c40, z).intoArray(c, co + 4 * ldc);
            va.fma(c41, z).intoArray(c, co + 4 * ldc + L);
            va.fma(c50, z).intoArray(c, co + 5 * ldc);
            va.fma(c51, z).intoArray(c, co + 5 * ldc + L);
            va.fma(c60, z).intoArray(c, co + 6 * ldc);
            va.fma(c61, z).intoArray(c, co + 6 * ldc + L);
            va.fma(c70, z).intoArray(c, co + 7 * ldc);
            va.fma(c71, z).intoArray(c, co + 7 * ldc + L);
            va.fma(c80, z).intoArray(c, co + 8 * ldc);
            va.fma(c81, z).intoArray(c, co + 8 * ldc + L);
            va.fma(c90, z).intoArray(c, co + 9 * ldc);
            va.fma(c91, z).intoArray(c, co + 9 * ldc + L);
            va.fma(ca0, z).intoArray(c, co + 10 * ldc);
            va.fma(ca1, z).intoArray(c, co + 10 * ldc + L);
            va.fma(cb0, z).intoArray(c, co + 11 * ldc);
            va.fma(cb1, z).intoArray(c, co + 11 * ldc + L);
        } else {
            FloatVector vb = FloatVector.broadcast(S, beta);
            int o = co;
            va.fma(c00, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
            va.fma(c01, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
            o += ldc;
            va.fma(c10, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
            va.fma(c11, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
            o += ldc;
            va.fma(c20, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
            va.fma(c21, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
            o += ldc;
            va.fma(c30, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
            va.fma(c31, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
            o += ldc;
            va.fma(c40, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
            va.fma(c41, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
            o += ldc;
            va.fma(c50, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
            va.fma(c51, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
            o += ldc;
            va.fma(c60, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
            va.fma(c61, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
            o += ldc;
            va.fma(c70, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
            va.fma(c71, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
            o += ldc;
            va.fma(c80, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
            va.fma(c81, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
            o += ldc;
            va.fma(c90, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
            va.fma(c91, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
            o += ldc;
            va.fma(ca0, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
            va.fma(ca1, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
            o += ldc;
            va.fma(cb0, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
            va.fma(cb1, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        }
    }

    // ---- small path ----------------------------------------------------------------------

    /**
     * Without packing, for products where copying the operands costs more than it saves: rows
     * of op(B) are read in place, elements of op(A) are broadcast from wherever they lie. At
     * 512 bits whole 2·NR-column blocks run in tiles of 6 rows × 4 vectors (the rows left over
     * in 4 × 4); whole NR-column blocks in tiles of 12 rows × 2 vectors (the rows left over,
     * and at other widths all of them, in SMR × 2). Of the columns left (fewer than NR), a
     * whole vector runs in tiles of 8 rows × 1 vector (A not transposed, or 8 whole rows of a
     * transposed A, each in a loop of its own: columnTileUnit, columnTileTrans; 4 rows for a
     * last block of at most 4: columnTile4) and the rest in
     * tiles of 8 rows × 1 masked vector (4 rows for a last block of at most 4), except that
     * at most L/2 columns left run across whole blocks of L rows (acrossRows) where rows of Aᵀ
     * are at hand. Every tile reads B and writes C in place; op(B) is copied only when transB
     * (transposed), and A only for acrossRows when not transposed. A short row block
     * repeats its last row rather than reading past A. Every tile sums each element over p in
     * the same order and ends with the same fma(sum, alpha, beta·C), so no element's bits
     * depend on its tile (VectorGemmTest.smallPathGivesEachElementOneFmaChain).
     */
    static void small(boolean tA, boolean tB, int m, int n, int k, float alpha,
                      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                      float beta, float[] c, int cOff, int ldc) {
        if (tB) {
            // op(B) copied row-major (see transpose). Rows of t are padded to whole vectors so
            // the masked tail's loads stay on the in-range path; the padding is never read into
            // a result, so it is not cleared.
            int ldt = roundUp(n, L);
            Work w = work();
            float[] t = w.b(k * ldt);
            transposePadded(b, bOff, ldb, n, k, t, 0, ldt, w);
            b = t;
            bOff = 0;
            ldb = ldt;
        }
        int rs = tA ? 1 : lda, cs = tA ? lda : 1;
        int nWide = WIDE ? n / (2 * NR) * (2 * NR) : 0;
        int nFull = n / NR * NR;
        int i0 = TALL && nWide > 0 ? tallRows(m, 6, 4) : 0;
        for (int i = 0; i < i0; i += 6) {
            for (int j = 0; j < nWide; j += 2 * NR) {
                if (rs == 1) tallWideTileTrans(k, a, aOff + i, cs, b, bOff + j, ldb, alpha, beta, c, cOff + i * ldc + j, ldc);
                else tallWideTile(k, a, aOff + i * rs, rs, b, bOff + j, ldb, alpha, beta, c, cOff + i * ldc + j, ldc);
            }
        }
        for (int i = i0; i < m; i += 4) {
            int rows = Math.min(4, m - i);
            for (int j = 0; j < nWide; j += 2 * NR) {
                if (rs == 1 && rows == 4) wideTileTrans(k, a, aOff + i, cs, rows, b, bOff + j, ldb, alpha, beta, c, cOff + i * ldc + j, ldc);
                else if (cs == 1) wideTileUnit(k, a, aOff + i * rs, rs, rows, b, bOff + j, ldb, alpha, beta, c, cOff + i * ldc + j, ldc);
                else wideTile(k, a, aOff + i * rs, rs, cs, rows, b, bOff + j, ldb, alpha, beta, c, cOff + i * ldc + j, ldc);
            }
        }
        i0 = TALL && nWide < nFull ? tallRows(m, 12, SMR) : 0;
        for (int i = 0; i < i0; i += 12) {
            for (int j = nWide; j < nFull; j += NR) {
                if (rs == 1) tallTileTrans(k, a, aOff + i, cs, b, bOff + j, ldb, alpha, beta, c, cOff + i * ldc + j, ldc);
                else tallTile(k, a, aOff + i * rs, rs, b, bOff + j, ldb, alpha, beta, c, cOff + i * ldc + j, ldc);
            }
        }
        for (int i = i0; i < m && nWide < nFull; i += SMR) {
            int rows = Math.min(SMR, m - i);
            for (int j = nWide; j < nFull; j += NR) {
                if (rs == 1 && rows == 8) smallTileTrans(k, a, aOff + i, cs, rows, b, bOff + j, ldb, alpha, beta, c, cOff + i * ldc + j, ldc);
                else smallTile(k, a, aOff + i * rs, rs, cs, rows, b, bOff + j, ldb, alpha, beta, c, cOff + i * ldc + j, ldc);
            }
        }
        int j = nFull;
        if (n - j >= L) {
            int i16 = TALL && rs == 1 ? m / 16 * 16 : 0;
            for (int i = 0; i < i16; i += 16) {
                tallColumnTileTrans(k, a, aOff + i, cs, b, bOff + j, ldb, alpha, beta, c, cOff + i * ldc + j, ldc);
            }
            for (int i = i16; i < m; i += 8) {
                if (m - i <= 4) {
                    columnTile4(k, a, aOff + i * rs, rs, cs, m - i, b, bOff + j, ldb, alpha, beta, c, cOff + i * ldc + j, ldc);
                } else if (cs == 1) {
                    columnTileUnit(k, a, aOff + i * rs, rs, Math.min(8, m - i), b, bOff + j, ldb, alpha, beta,
                            c, cOff + i * ldc + j, ldc);
                } else if (m - i >= 8) {
                    columnTileTrans(k, a, aOff + i, cs, 8, b, bOff + j, ldb, alpha, beta, c, cOff + i * ldc + j, ldc);
                } else {
                    columnTile(k, a, aOff + i * rs, rs, cs, Math.min(8, m - i), b, bOff + j, ldb, alpha, beta,
                            c, cOff + i * ldc + j, ldc);
                }
            }
            j += L;
        }
        if (j == n) return;
        int cols = n - j, iAcross = 0;
        if (2 * cols <= L && L >= 8 && m >= L && k >= 2 * cols
                && (rs == 1 || (k >= L && L >= 16 && (long) k * (m / L * L) <= ACROSS_COPY_MAX))) {
            // A narrow tail: whole blocks of L rows across the rows (acrossRows), from rows of
            // Aᵀ: the stored A when transposed, else a transposed copy of its first rows. Only
            // for k ≥ 2·cols: the element-by-element epilogue costs about cols·L elements,
            // which a short k does not win back (sgemm TN 16 × 8 × k with room after the
            // arrays, Zen 4: k = 8 / 12 / 16 took 107 / 119 / 131 ns against the masked
            // tiles' 91 / 117 / 142; 16 × 4 × 4 62 against 69, 16 × 4 × 1 55 against 47).
            // The copy pays only at 16 lanes and k ≥ L: below, a block transpose moves L
            // columns for k (sgemm NN 64 × 4 × 2 ran 1.45× slower with it); at 8 lanes the
            // tiles gain less than the copy costs (dgemm NN 20 × 20 × 20 1.1× slower). The copy
            // is bounded (ACROSS_COPY_MAX) so that the per-thread buffer it grows stays small.
            iAcross = m / L * L;
            Work w = work();
            float[] at = a;
            int ao = aOff, acs = cs;
            if (rs != 1) {
                at = w.a(k * iAcross);
                transpose(a, aOff, lda, iAcross, k, at, 0, iAcross, w.block);
                ao = 0;
                acs = iAcross;
            }
            for (int i = 0; i < iAcross; i += L) {
                int ci = cOff + i * ldc + j;
                if (cols <= 2) acrossRows2(k, at, ao + i, acs, b, bOff + j, ldb, cols, alpha, beta, c, ci, ldc, w.tile);
                else if (cols <= 4) acrossRows4(k, at, ao + i, acs, b, bOff + j, ldb, cols, alpha, beta, c, ci, ldc, w.tile);
                else acrossRows(k, at, ao + i, acs, b, bOff + j, ldb, cols, alpha, beta, c, ci, ldc, w.tile);
            }
        }
        if (iAcross < m) {
            maskedColumns(k, a, aOff + iAcross * rs, rs, cs, m - iAcross, b, bOff + j, ldb, cols, alpha, beta,
                    c, cOff + iAcross * ldc + j, ldc);
        }
    }

    /**
     * The last cols &lt; L columns of the small path, in tiles of 8 rows × 1 masked vector, and
     * of 4 rows for a last block of at most 4 (maskedTile4, maskedTileEdge4: sgemm n = 12 / 20
     * ran 1.08–1.14× faster than in an 8-row tile that repeats its last row, Zen 4). A
     * masked access whose full width would pass the end of its array takes the Vector API's
     * out-of-range path (a lane-by-lane check, then the access); under C2's stress flags
     * (C2StressAllocationTest) that path was compiled with its vectors boxed in the trainer's
     * n = 1 output layer, where the last rows of B and C end their arrays. So no access here
     * reaches it: B's rows that would are copied to Work.edge and read from there by a second
     * k loop (copyEnd); C's rows that would are written from the tile through the vector that
     * ends c, under a mask of the row's lanes (writeLastRows). The arithmetic is the same, so
     * are the bits. The price, in interleaved A/B with exact-size arrays: sgemm n = 8 / 17 / 33
     * at 0.65 / 0.91 / 0.96 of the masked accesses past the end (copying all of B's block
     * instead: 0.44 at n = 8), when both were copied element by element; with copyEnd's one
     * vector, sgemm n = 4 / 8 took 56 / 66 ns against 72 / 75 (and 36 / 49 with room after the
     * matrices, where the usual tile runs), and writeLastRows's masked vector gained 1.07–1.12
     * more there.
     */
    private static void maskedColumns(int k, float[] a, int aOff, int rs, int cs, int m, float[] b, int bo, int ldb,
                                      int cols, float alpha, float beta, float[] c, int co, int ldc) {
        int kIn = inRange(bo, ldb, k, b.length);
        boolean edgy = kIn < k || co + (m - 1) * ldc + L > c.length;
        Work w = edgy || beta != 0f ? work() : null;
        int base = kIn < k ? copyEnd(b, w.edge) : 0;
        for (int i = 0; i < m; i += 8) {
            int rows = Math.min(8, m - i), o = co + i * ldc;
            int direct = inRange(o, ldc, rows, c.length);
            if (kIn == k && direct == rows && beta == 0f) {
                if (rows <= 4) maskedTile4(k, a, aOff + i * rs, rs, cs, rows, b, bo, ldb, cols, alpha, c, o, ldc);
                else maskedTile(k, a, aOff + i * rs, rs, cs, rows, b, bo, ldb, cols, alpha, c, o, ldc);
            } else {
                if (rows <= 4) {
                    maskedTileEdge4(k, kIn, a, aOff + i * rs, rs, cs, rows, b, bo, ldb, w.edge, bo - base, cols, alpha, beta, c, o, ldc,
                            direct, w.edgeTile);
                } else {
                    maskedTileEdge(k, kIn, a, aOff + i * rs, rs, cs, rows, b, bo, ldb, w.edge, bo - base, cols, alpha, beta, c, o, ldc,
                            direct, w.edgeTile);
                }
                if (direct < rows) writeLastRows(w.edgeTile, direct, rows, cols, alpha, beta, c, o, ldc);
            }
        }
    }

    /**
     * Copies the last L elements of x (all of it when shorter, right-aligned) to edge[0, L) and
     * returns where they start in x (x.length - L): the rows of B whose whole vector would pass
     * x's end all start among them, so the masked tile reads row p at edge[bo + p·ldb - base],
     * a whole vector within edge's 2L. One vector copy: element by element, copying just those
     * rows cost about 1 ns an element (13 ns of sgemm n = 4's 72). No lane of the copy past a
     * row's cols is ever used.
     */
    private static int copyEnd(float[] x, float[] edge) {
        int base = x.length - L;
        if (base >= 0) FloatVector.fromArray(S, x, base).intoArray(edge, 0);
        else System.arraycopy(x, 0, edge, -base, x.length);
        return base;
    }

    /**
     * C's rows from through to - 1 of a masked tile, whose whole vectors would pass c's end,
     * from their sums at tile[r·L] with the vector epilogue's arithmetic. Each such row starts
     * among c's last L elements, so it is written through the vector that ends c, at lanes
     * [shift, shift + cols) under a mask made from those bits (VectorMask.fromLong), with its
     * sums loaded shifted from the tile (tile[r·L - shift]): an access within c, and no lane
     * outside the row is written. In A/B with exact-size arrays, 1.03–1.12× the element-by-element
     * writes this replaced (sgemm 4 × 4 × 4 to 16 × 8 × 16); C2StressAllocationTest finds no
     * allocation under stress seeds 1–4 at 512 bits and 1–2 at 256. Element by element still
     * where c is shorter than L or the block's first row is among the last (t &lt; shift). (Masks
     * made otherwise allocated: indexInRange(-shift, cols) on every call, as a negative offset
     * takes the Vector API's general path; two indexInRange masks combined, or one loaded from a
     * table, under C2's stress flags.)
     */
    private static void writeLastRows(float[] tile, int from, int to, int cols, float alpha, float beta, float[] c, int co, int ldc) {
        int end = c.length - L;
        for (int r = from, o = co + from * ldc; r < to; r++, o += ldc) {
            int t = r * L, shift = o - end;
            if (end < 0 || t < shift) {
                for (int q = 0; q < cols; q++) c[o + q] = Math.fma(tile[t + q], alpha, beta == 0f ? 0f : c[o + q] * beta);
                continue;
            }
            VectorMask<Float> m = VectorMask.fromLong(S, ((1L << cols) - 1) << shift);
            FloatVector add = beta == 0f ? FloatVector.zero(S) : FloatVector.fromArray(S, c, end, m).mul(FloatVector.broadcast(S, beta));
            FloatVector.broadcast(S, alpha).fma(FloatVector.fromArray(S, tile, t - shift), add).intoArray(c, end, m);
        }
    }

    /** How many of count rows, ld apart from off, have a whole vector within an array of length len. */
    private static int inRange(int off, int ld, int count, int len) {
        return off + L > len ? 0 : Math.min(count, (len - L - off) / ld + 1);
    }

    /**
     * Index vectors of the L×L block transpose, two per stage: stage s (h = L/2, L/4, …, 1)
     * swaps bit h between row and column index, so that rows i and i + h (i without bit h)
     * exchange their off-diagonal h-lane blocks. Lanes [2sL, 2sL + L) give row i's new lanes as
     * indices into (row i, row i + h); the next L, row i + h's.
     */
    private static final int TRANSPOSE_STAGES = Integer.numberOfTrailingZeros(L);
    private static final int[] TRANSPOSE_INDEX = transposeIndex();
    /** Lanes as integers of the same width, in which the transposes select (see transposeBlock16). */
    private static final VectorSpecies<Integer> IS = S.withLanes(int.class);

    private static int[] transposeIndex() {
        int[] x = new int[2 * TRANSPOSE_STAGES * L];
        for (int s = 0; s < TRANSPOSE_STAGES; s++) {
            int h = L >> (s + 1);
            for (int j = 0; j < L; j++) {
                boolean low = (j & h) == 0;
                x[2 * s * L + j] = low ? j : L + j - h;
                x[(2 * s + 1) * L + j] = low ? j + h : L + j;
            }
        }
        return x;
    }

    /**
     * t[to + c·ldt + r] = x[xo + r·ldx + c] for r &lt; rows, c &lt; cols: L×L blocks by vectors
     * (in registers at 16 and 8 lanes, {@link #transposeBlock16}; otherwise staged through
     * block, {@link #transposeBlock}), the rows left below the last whole block by scalar
     * copies, several rows at a time. With at least L rows and L columns, at 16 and 8 lanes,
     * the last row block and the last column block are whole blocks too, started L before the
     * end so that they overlap the blocks before them (whose elements they write again, with
     * the same values; see {@link #overlapping}). A scalar transposing copy cost about 1 ns an
     * element here (one of its two indices always has a variable stride, so C2 keeps a range
     * check per element); at n = 16 that was more than the product itself.
     */
    static void transpose(float[] x, int xo, int ldx, int rows, int cols, float[] t, int to, int ldt, float[] block) {
        int rb = rows / L * L;
        transposeBlocks(x, xo, ldx, rb, cols, t, to, ldt, block);
        if (rb < rows && overlapping(rows, cols)) {
            transposeBlocks(x, xo + (rows - L) * ldx, ldx, L, cols, t, to + rows - L, ldt, block);
            return;
        }
        // The rows below the last whole block, eight (then four) at a time: the reads run along
        // x with their range checks hoisted out of the loop, and the writes at constant offsets
        // share one check. One row at a time cost about 1 ns an element, as the scalar copy
        // above; on a transposed B, sgemm n = 8 (all of it here) ran 1.36× faster and n = 24
        // 1.20× (interleaved A/B).
        int r = rb;
        for (; r + 8 <= rows; r += 8) {
            int x0 = xo + r * ldx, x1 = x0 + ldx, x2 = x1 + ldx, x3 = x2 + ldx;
            int x4 = x3 + ldx, x5 = x4 + ldx, x6 = x5 + ldx, x7 = x6 + ldx;
            for (int c = 0, d = to + r; c < cols; c++, d += ldt) {
                t[d] = x[x0 + c];
                t[d + 1] = x[x1 + c];
                t[d + 2] = x[x2 + c];
                t[d + 3] = x[x3 + c];
                t[d + 4] = x[x4 + c];
                t[d + 5] = x[x5 + c];
                t[d + 6] = x[x6 + c];
                t[d + 7] = x[x7 + c];
            }
        }
        for (; r + 4 <= rows; r += 4) {
            int x0 = xo + r * ldx, x1 = x0 + ldx, x2 = x1 + ldx, x3 = x2 + ldx;
            for (int c = 0, d = to + r; c < cols; c++, d += ldt) {
                t[d] = x[x0 + c];
                t[d + 1] = x[x1 + c];
                t[d + 2] = x[x2 + c];
                t[d + 3] = x[x3 + c];
            }
        }
        for (; r < rows; r++) {
            int x0 = xo + r * ldx;
            for (int c = 0, d = to + r; c < cols; c++, d += ldt) t[d] = x[x0 + c];
        }
    }

    /**
     * Whether a transpose of rows × cols runs in whole register blocks only, its last row and
     * column blocks overlapping the ones before them: with at least L of each, at 16 and 8
     * lanes. Instead of the masked, staged block for the last columns (about 80 ns at 16
     * lanes) and scalar copies of the last rows (about 1 ns an element), one more block:
     * sgemm TT n = 28 took 1,092 ns against TN's 739, its copy of B most of the difference
     * (Zen 4).
     */
    private static boolean overlapping(int rows, int cols) {
        return rows >= L && cols >= L && (L == 16 || L == 8);
    }

    /** The whole L-row blocks of {@link #transpose}: rb, a multiple of L, rows of x. */
    private static void transposeBlocks(float[] x, int xo, int ldx, int rb, int cols, float[] t, int to, int ldt, float[] block) {
        int lastC = overlapping(rb, cols) ? cols - L : cols;
        for (int r0 = 0; r0 < rb; r0 += L) {
            for (int cb = 0; cb < cols; cb += L) {
                int c0 = Math.min(cb, lastC), c = Math.min(L, cols - c0), xb = xo + r0 * ldx + c0, tb = to + c0 * ldt + r0;
                if (c == L && L == 16) transposeBlock16(x, xb, ldx, t, tb, ldt);
                else if (c == L && L == 8) transposeBlock8(x, xb, ldx, t, tb, ldt);
                else transposeBlock(x, xb, ldx, c, t, tb, ldt, block);
            }
        }
    }

    /**
     * {@link #transpose} into rows of t padded to whole vectors (ldt ≥ roundUp(rows, L), t
     * holding to + (cols - 1)·ldt + roundUp(rows, L) elements), whose padding, t[to + c·ldt + r]
     * for rows ≤ r &lt; roundUp(rows, L), may be overwritten: the small path's copy of op(B).
     * There the rows below the last whole block, when at most L/2 of them and L is 16 or 8, go
     * by vectors (transposeHalf16, transposeHalf8) instead of element by element: an 8 × 8
     * float block in 16–19 ns against 32.
     */
    static void transposePadded(float[] x, int xo, int ldx, int rows, int cols, float[] t, int to, int ldt, Work w) {
        int rb = rows / L * L, fringe = rows - rb;
        // Below 2L elements a column block is copied faster element by element than through
        // the fixed cost of its vectors (sgemm TT n = 2 / 5 ran 0.67 / 0.84× that way, n = 6 / 8 1.15 / 1.13×).
        if (fringe == 0 || 2 * fringe > L || fringe * Math.min(cols, L) < 2 * L || (L != 16 && L != 8)) {
            transpose(x, xo, ldx, rows, cols, t, to, ldt, w.block);
            return;
        }
        transposeBlocks(x, xo, ldx, rb, cols, t, to, ldt, w.block);
        // The last column block's last row is the one read furthest along x.
        int xf = xo + rb * ldx, lastRead = xf + (fringe - 1) * ldx + (cols - 1) / L * L;
        int base = lastRead + L > x.length ? copyEnd(x, w.edge) : 0;
        for (int c0 = 0; c0 < cols; c0 += L) {
            int c = Math.min(L, cols - c0);
            if (L == 16) transposeHalf16(x, xf + c0, ldx, fringe, c, t, to + c0 * ldt + rb, ldt, w.edge, base);
            else transposeHalf8(x, xf + c0, ldx, fringe, c, t, to + c0 * ldt + rb, ldt, w.edge, base);
        }
    }

    /**
     * One block of L rows × cols ≤ L columns: copied into w (masked loads when cols &lt; L; the
     * lanes left out become rows of the transpose that are never stored), log2(L) stages of
     * two-vector selects there, and the first cols rows copied out. Every vector is loaded and
     * stored within one iteration (none is carried by a loop).
     */
    private static void transposeBlock(float[] x, int xo, int ldx, int cols, float[] t, int to, int ldt, float[] w) {
        if (cols == L) {
            for (int r = 0; r < L; r++) FloatVector.fromArray(S, x, xo + r * ldx).intoArray(w, r * L);
        } else {
            // Rows whose full width would pass x's end are copied element by element: a masked
            // load there takes the out-of-range path (see maskedColumns).
            VectorMask<Float> mask = S.indexInRange(0, cols);
            for (int r = 0; r < L; r++) {
                int o = xo + r * ldx;
                if (o + L <= x.length) FloatVector.fromArray(S, x, o, mask).intoArray(w, r * L);
                else System.arraycopy(x, o, w, r * L, cols);
            }
        }
        for (int s = 0; s < TRANSPOSE_STAGES; s++) {
            int h = L >> (s + 1);
            IntVector lo = IntVector.fromArray(IS, TRANSPOSE_INDEX, 2 * s * L);
            IntVector hi = IntVector.fromArray(IS, TRANSPOSE_INDEX, (2 * s + 1) * L);
            for (int i = 0; i < L; i++) {
                if ((i & h) != 0) continue;
                int ri = i * L, rj = (i + h) * L;
                IntVector u = FloatVector.fromArray(S, w, ri).reinterpretAsInts(), v = FloatVector.fromArray(S, w, rj).reinterpretAsInts();
                lo.selectFrom(u, v).reinterpretAsFloats().intoArray(w, ri);
                hi.selectFrom(u, v).reinterpretAsFloats().intoArray(w, rj);
            }
        }
        for (int r = 0; r < cols; r++) FloatVector.fromArray(S, w, r * L).intoArray(t, to + r * ldt);
    }

    // ---- generated by kernels/gen-gemm-transpose.py (the register transposes): do not edit ----
    /**
     * {@link #transposeBlock} for L = 16, in registers: the 16 rows loaded once, 4 stages of
     * two-vector selects, all stored. Written out because the rows stay in registers only in
     * straight-line code; whole blocks only, because a masked load adds an out-of-line call
     * around which C2 spilled every row. The selects run on the lanes' bits as integers of the
     * same width (IS): with a float index C2 converts it to int, checks the conversion and masks
     * it on every stage, 7 more instructions an index vector. A 16 × 16 float block took 41 ns
     * against the staged copy's 84 (Emerald Rapids), and the integer selects took it from 44 to
     * 28 ns (Zen 4). Never runs where L ≠ 16.
     */
    private static void transposeBlock16(float[] x, int xo, int ldx, float[] t, int to, int ldt) {
        IntVector r0 = FloatVector.fromArray(S, x, xo).reinterpretAsInts();
        IntVector r1 = FloatVector.fromArray(S, x, xo + 1 * ldx).reinterpretAsInts();
        IntVector r2 = FloatVector.fromArray(S, x, xo + 2 * ldx).reinterpretAsInts();
        IntVector r3 = FloatVector.fromArray(S, x, xo + 3 * ldx).reinterpretAsInts();
        IntVector r4 = FloatVector.fromArray(S, x, xo + 4 * ldx).reinterpretAsInts();
        IntVector r5 = FloatVector.fromArray(S, x, xo + 5 * ldx).reinterpretAsInts();
        IntVector r6 = FloatVector.fromArray(S, x, xo + 6 * ldx).reinterpretAsInts();
        IntVector r7 = FloatVector.fromArray(S, x, xo + 7 * ldx).reinterpretAsInts();
        IntVector r8 = FloatVector.fromArray(S, x, xo + 8 * ldx).reinterpretAsInts();
        IntVector r9 = FloatVector.fromArray(S, x, xo + 9 * ldx).reinterpretAsInts();
        IntVector r10 = FloatVector.fromArray(S, x, xo + 10 * ldx).reinterpretAsInts();
        IntVector r11 = FloatVector.fromArray(S, x, xo + 11 * ldx).reinterpretAsInts();
        IntVector r12 = FloatVector.fromArray(S, x, xo + 12 * ldx).reinterpretAsInts();
        IntVector r13 = FloatVector.fromArray(S, x, xo + 13 * ldx).reinterpretAsInts();
        IntVector r14 = FloatVector.fromArray(S, x, xo + 14 * ldx).reinterpretAsInts();
        IntVector r15 = FloatVector.fromArray(S, x, xo + 15 * ldx).reinterpretAsInts();
        IntVector lo, hi, u;
        lo = IntVector.fromArray(IS, TRANSPOSE_INDEX, 0 * L);
        hi = IntVector.fromArray(IS, TRANSPOSE_INDEX, 1 * L);
        u = r0;
        r0 = lo.selectFrom(u, r8);
        r8 = hi.selectFrom(u, r8);
        u = r1;
        r1 = lo.selectFrom(u, r9);
        r9 = hi.selectFrom(u, r9);
        u = r2;
        r2 = lo.selectFrom(u, r10);
        r10 = hi.selectFrom(u, r10);
        u = r3;
        r3 = lo.selectFrom(u, r11);
        r11 = hi.selectFrom(u, r11);
        u = r4;
        r4 = lo.selectFrom(u, r12);
        r12 = hi.selectFrom(u, r12);
        u = r5;
        r5 = lo.selectFrom(u, r13);
        r13 = hi.selectFrom(u, r13);
        u = r6;
        r6 = lo.selectFrom(u, r14);
        r14 = hi.selectFrom(u, r14);
        u = r7;
        r7 = lo.selectFrom(u, r15);
        r15 = hi.selectFrom(u, r15);
        lo = IntVector.fromArray(IS, TRANSPOSE_INDEX, 2 * L);
        hi = IntVector.fromArray(IS, TRANSPOSE_INDEX, 3 * L);
        u = r0;
        r0 = lo.selectFrom(u, r4);
        r4 = hi.selectFrom(u, r4);
        u = r1;
        r1 = lo.selectFrom(u, r5);
        r5 = hi.selectFrom(u, r5);
        u = r2;
        r2 = lo.selectFrom(u, r6);
        r6 = hi.selectFrom(u, r6);
        u = r3;
        r3 = lo.selectFrom(u, r7);
        r7 = hi.selectFrom(u, r7);
        u = r8;
        r8 = lo.selectFrom(u, r12);
        r12 = hi.selectFrom(u, r12);
        u = r9;
        r9 = lo.selectFrom(u, r13);
        r13 = hi.selectFrom(u, r13);
        u = r10;
        r10 = lo.selectFrom(u, r14);
        r14 = hi.selectFrom(u, r14);
        u = r11;
        r11 = lo.selectFrom(u, r15);
        r15 = hi.selectFrom(u, r15);
        lo = IntVector.fromArray(IS, TRANSPOSE_INDEX, 4 * L);
        hi = IntVector.fromArray(IS, TRANSPOSE_INDEX, 5 * L);
        u = r0;
        r0 = lo.selectFrom(u, r2);
        r2 = hi.selectFrom(u, r2);
        u = r1;
        r1 = lo.selectFrom(u, r3);
        r3 = hi.selectFrom(u, r3);
        u = r4;
        r4 = lo.selectFrom(u, r6);
        r6 = hi.selectFrom(u, r6);
        u = r5;
        r5 = lo.selectFrom(u, r7);
        r7 = hi.selectFrom(u, r7);
        u = r8;
        r8 = lo.selectFrom(u, r10);
        r10 = hi.selectFrom(u, r10);
        u = r9;
        r9 = lo.selectFrom(u, r11);
        r11 = hi.selectFrom(u, r11);
        u = r12;
        r12 = lo.selectFrom(u, r14);
        r14 = hi.selectFrom(u, r14);
        u = r13;
        r13 = lo.selectFrom(u, r15);
        r15 = hi.selectFrom(u, r15);
        lo = IntVector.fromArray(IS, TRANSPOSE_INDEX, 6 * L);
        hi = IntVector.fromArray(IS, TRANSPOSE_INDEX, 7 * L);
        u = r0;
        r0 = lo.selectFrom(u, r1);
        r1 = hi.selectFrom(u, r1);
        u = r2;
        r2 = lo.selectFrom(u, r3);
        r3 = hi.selectFrom(u, r3);
        u = r4;
        r4 = lo.selectFrom(u, r5);
        r5 = hi.selectFrom(u, r5);
        u = r6;
        r6 = lo.selectFrom(u, r7);
        r7 = hi.selectFrom(u, r7);
        u = r8;
        r8 = lo.selectFrom(u, r9);
        r9 = hi.selectFrom(u, r9);
        u = r10;
        r10 = lo.selectFrom(u, r11);
        r11 = hi.selectFrom(u, r11);
        u = r12;
        r12 = lo.selectFrom(u, r13);
        r13 = hi.selectFrom(u, r13);
        u = r14;
        r14 = lo.selectFrom(u, r15);
        r15 = hi.selectFrom(u, r15);
        r0.reinterpretAsFloats().intoArray(t, to);
        r1.reinterpretAsFloats().intoArray(t, to + 1 * ldt);
        r2.reinterpretAsFloats().intoArray(t, to + 2 * ldt);
        r3.reinterpretAsFloats().intoArray(t, to + 3 * ldt);
        r4.reinterpretAsFloats().intoArray(t, to + 4 * ldt);
        r5.reinterpretAsFloats().intoArray(t, to + 5 * ldt);
        r6.reinterpretAsFloats().intoArray(t, to + 6 * ldt);
        r7.reinterpretAsFloats().intoArray(t, to + 7 * ldt);
        r8.reinterpretAsFloats().intoArray(t, to + 8 * ldt);
        r9.reinterpretAsFloats().intoArray(t, to + 9 * ldt);
        r10.reinterpretAsFloats().intoArray(t, to + 10 * ldt);
        r11.reinterpretAsFloats().intoArray(t, to + 11 * ldt);
        r12.reinterpretAsFloats().intoArray(t, to + 12 * ldt);
        r13.reinterpretAsFloats().intoArray(t, to + 13 * ldt);
        r14.reinterpretAsFloats().intoArray(t, to + 14 * ldt);
        r15.reinterpretAsFloats().intoArray(t, to + 15 * ldt);
    }

    /**
     * {@link #transposeBlock16} for L = 8: the 8 rows loaded once, 3 stages of selects on
     * integer lanes, all stored. Never runs where L ≠ 8.
     */
    private static void transposeBlock8(float[] x, int xo, int ldx, float[] t, int to, int ldt) {
        IntVector r0 = FloatVector.fromArray(S, x, xo).reinterpretAsInts();
        IntVector r1 = FloatVector.fromArray(S, x, xo + 1 * ldx).reinterpretAsInts();
        IntVector r2 = FloatVector.fromArray(S, x, xo + 2 * ldx).reinterpretAsInts();
        IntVector r3 = FloatVector.fromArray(S, x, xo + 3 * ldx).reinterpretAsInts();
        IntVector r4 = FloatVector.fromArray(S, x, xo + 4 * ldx).reinterpretAsInts();
        IntVector r5 = FloatVector.fromArray(S, x, xo + 5 * ldx).reinterpretAsInts();
        IntVector r6 = FloatVector.fromArray(S, x, xo + 6 * ldx).reinterpretAsInts();
        IntVector r7 = FloatVector.fromArray(S, x, xo + 7 * ldx).reinterpretAsInts();
        IntVector lo, hi, u;
        lo = IntVector.fromArray(IS, TRANSPOSE_INDEX, 0 * L);
        hi = IntVector.fromArray(IS, TRANSPOSE_INDEX, 1 * L);
        u = r0;
        r0 = lo.selectFrom(u, r4);
        r4 = hi.selectFrom(u, r4);
        u = r1;
        r1 = lo.selectFrom(u, r5);
        r5 = hi.selectFrom(u, r5);
        u = r2;
        r2 = lo.selectFrom(u, r6);
        r6 = hi.selectFrom(u, r6);
        u = r3;
        r3 = lo.selectFrom(u, r7);
        r7 = hi.selectFrom(u, r7);
        lo = IntVector.fromArray(IS, TRANSPOSE_INDEX, 2 * L);
        hi = IntVector.fromArray(IS, TRANSPOSE_INDEX, 3 * L);
        u = r0;
        r0 = lo.selectFrom(u, r2);
        r2 = hi.selectFrom(u, r2);
        u = r1;
        r1 = lo.selectFrom(u, r3);
        r3 = hi.selectFrom(u, r3);
        u = r4;
        r4 = lo.selectFrom(u, r6);
        r6 = hi.selectFrom(u, r6);
        u = r5;
        r5 = lo.selectFrom(u, r7);
        r7 = hi.selectFrom(u, r7);
        lo = IntVector.fromArray(IS, TRANSPOSE_INDEX, 4 * L);
        hi = IntVector.fromArray(IS, TRANSPOSE_INDEX, 5 * L);
        u = r0;
        r0 = lo.selectFrom(u, r1);
        r1 = hi.selectFrom(u, r1);
        u = r2;
        r2 = lo.selectFrom(u, r3);
        r3 = hi.selectFrom(u, r3);
        u = r4;
        r4 = lo.selectFrom(u, r5);
        r5 = hi.selectFrom(u, r5);
        u = r6;
        r6 = lo.selectFrom(u, r7);
        r7 = hi.selectFrom(u, r7);
        r0.reinterpretAsFloats().intoArray(t, to);
        r1.reinterpretAsFloats().intoArray(t, to + 1 * ldt);
        r2.reinterpretAsFloats().intoArray(t, to + 2 * ldt);
        r3.reinterpretAsFloats().intoArray(t, to + 3 * ldt);
        r4.reinterpretAsFloats().intoArray(t, to + 4 * ldt);
        r5.reinterpretAsFloats().intoArray(t, to + 5 * ldt);
        r6.reinterpretAsFloats().intoArray(t, to + 6 * ldt);
        r7.reinterpretAsFloats().intoArray(t, to + 7 * ldt);
    }

    /**
     * At most 8 rows of x below its last whole L-row block × cols ≤ L columns, for L = 16 (see
     * {@link #transposePadded}): the rows loaded whole (the last repeated where rows &lt; 8; a
     * row whose whole vector would pass x's end from edge[o - base], a copy of x's last L
     * elements), the 3 select stages below h = 8, which need no row past the 8th, leaving
     * row q with column q in lanes [0, 8) and column q + 8 in lanes [8, L); then one whole
     * vector stored per column, the second half's moved down first. Lanes past rows land in t's
     * padding.
     */
    private static void transposeHalf16(float[] x, int xo, int ldx, int rows, int cols, float[] t, int to, int ldt,
                                       float[] edge, int base) {
        int last = rows - 1, end = x.length - L;
        int o0 = xo;
        int o1 = xo + Math.min(1, last) * ldx;
        int o2 = xo + Math.min(2, last) * ldx;
        int o3 = xo + Math.min(3, last) * ldx;
        int o4 = xo + Math.min(4, last) * ldx;
        int o5 = xo + Math.min(5, last) * ldx;
        int o6 = xo + Math.min(6, last) * ldx;
        int o7 = xo + last * ldx;
        IntVector r0 = FloatVector.fromArray(S, o0 <= end ? x : edge, o0 <= end ? o0 : o0 - base).reinterpretAsInts();
        IntVector r1 = FloatVector.fromArray(S, o1 <= end ? x : edge, o1 <= end ? o1 : o1 - base).reinterpretAsInts();
        IntVector r2 = FloatVector.fromArray(S, o2 <= end ? x : edge, o2 <= end ? o2 : o2 - base).reinterpretAsInts();
        IntVector r3 = FloatVector.fromArray(S, o3 <= end ? x : edge, o3 <= end ? o3 : o3 - base).reinterpretAsInts();
        IntVector r4 = FloatVector.fromArray(S, o4 <= end ? x : edge, o4 <= end ? o4 : o4 - base).reinterpretAsInts();
        IntVector r5 = FloatVector.fromArray(S, o5 <= end ? x : edge, o5 <= end ? o5 : o5 - base).reinterpretAsInts();
        IntVector r6 = FloatVector.fromArray(S, o6 <= end ? x : edge, o6 <= end ? o6 : o6 - base).reinterpretAsInts();
        IntVector r7 = FloatVector.fromArray(S, o7 <= end ? x : edge, o7 <= end ? o7 : o7 - base).reinterpretAsInts();
        IntVector lo, hi, u;
        lo = IntVector.fromArray(IS, TRANSPOSE_INDEX, 2 * L);
        hi = IntVector.fromArray(IS, TRANSPOSE_INDEX, 3 * L);
        u = r0;
        r0 = lo.selectFrom(u, r4);
        r4 = hi.selectFrom(u, r4);
        u = r1;
        r1 = lo.selectFrom(u, r5);
        r5 = hi.selectFrom(u, r5);
        u = r2;
        r2 = lo.selectFrom(u, r6);
        r6 = hi.selectFrom(u, r6);
        u = r3;
        r3 = lo.selectFrom(u, r7);
        r7 = hi.selectFrom(u, r7);
        lo = IntVector.fromArray(IS, TRANSPOSE_INDEX, 4 * L);
        hi = IntVector.fromArray(IS, TRANSPOSE_INDEX, 5 * L);
        u = r0;
        r0 = lo.selectFrom(u, r2);
        r2 = hi.selectFrom(u, r2);
        u = r1;
        r1 = lo.selectFrom(u, r3);
        r3 = hi.selectFrom(u, r3);
        u = r4;
        r4 = lo.selectFrom(u, r6);
        r6 = hi.selectFrom(u, r6);
        u = r5;
        r5 = lo.selectFrom(u, r7);
        r7 = hi.selectFrom(u, r7);
        lo = IntVector.fromArray(IS, TRANSPOSE_INDEX, 6 * L);
        hi = IntVector.fromArray(IS, TRANSPOSE_INDEX, 7 * L);
        u = r0;
        r0 = lo.selectFrom(u, r1);
        r1 = hi.selectFrom(u, r1);
        u = r2;
        r2 = lo.selectFrom(u, r3);
        r3 = hi.selectFrom(u, r3);
        u = r4;
        r4 = lo.selectFrom(u, r5);
        r5 = hi.selectFrom(u, r5);
        u = r6;
        r6 = lo.selectFrom(u, r7);
        r7 = hi.selectFrom(u, r7);
        r0.reinterpretAsFloats().intoArray(t, to);
        if (cols <= 1) return;
        r1.reinterpretAsFloats().intoArray(t, to + 1 * ldt);
        if (cols <= 2) return;
        r2.reinterpretAsFloats().intoArray(t, to + 2 * ldt);
        if (cols <= 3) return;
        r3.reinterpretAsFloats().intoArray(t, to + 3 * ldt);
        if (cols <= 4) return;
        r4.reinterpretAsFloats().intoArray(t, to + 4 * ldt);
        if (cols <= 5) return;
        r5.reinterpretAsFloats().intoArray(t, to + 5 * ldt);
        if (cols <= 6) return;
        r6.reinterpretAsFloats().intoArray(t, to + 6 * ldt);
        if (cols <= 7) return;
        r7.reinterpretAsFloats().intoArray(t, to + 7 * ldt);
        if (cols <= 8) return;
        // Stage 0's second index vector moves lanes [8, L) of its first operand down to [0, 8).
        hi = IntVector.fromArray(IS, TRANSPOSE_INDEX, L);
        hi.selectFrom(r0, r0).reinterpretAsFloats().intoArray(t, to + 8 * ldt);
        if (cols <= 9) return;
        hi.selectFrom(r1, r1).reinterpretAsFloats().intoArray(t, to + 9 * ldt);
        if (cols <= 10) return;
        hi.selectFrom(r2, r2).reinterpretAsFloats().intoArray(t, to + 10 * ldt);
        if (cols <= 11) return;
        hi.selectFrom(r3, r3).reinterpretAsFloats().intoArray(t, to + 11 * ldt);
        if (cols <= 12) return;
        hi.selectFrom(r4, r4).reinterpretAsFloats().intoArray(t, to + 12 * ldt);
        if (cols <= 13) return;
        hi.selectFrom(r5, r5).reinterpretAsFloats().intoArray(t, to + 13 * ldt);
        if (cols <= 14) return;
        hi.selectFrom(r6, r6).reinterpretAsFloats().intoArray(t, to + 14 * ldt);
        if (cols <= 15) return;
        hi.selectFrom(r7, r7).reinterpretAsFloats().intoArray(t, to + 15 * ldt);
    }

    /**
     * At most 4 rows of x below its last whole L-row block × cols ≤ L columns, for L = 8 (see
     * {@link #transposePadded}): the rows loaded whole (the last repeated where rows &lt; 4; a
     * row whose whole vector would pass x's end from edge[o - base], a copy of x's last L
     * elements), the 2 select stages below h = 4, which need no row past the 4th, leaving
     * row q with column q in lanes [0, 4) and column q + 4 in lanes [4, L); then one whole
     * vector stored per column, the second half's moved down first. Lanes past rows land in t's
     * padding.
     */
    private static void transposeHalf8(float[] x, int xo, int ldx, int rows, int cols, float[] t, int to, int ldt,
                                       float[] edge, int base) {
        int last = rows - 1, end = x.length - L;
        int o0 = xo;
        int o1 = xo + Math.min(1, last) * ldx;
        int o2 = xo + Math.min(2, last) * ldx;
        int o3 = xo + last * ldx;
        IntVector r0 = FloatVector.fromArray(S, o0 <= end ? x : edge, o0 <= end ? o0 : o0 - base).reinterpretAsInts();
        IntVector r1 = FloatVector.fromArray(S, o1 <= end ? x : edge, o1 <= end ? o1 : o1 - base).reinterpretAsInts();
        IntVector r2 = FloatVector.fromArray(S, o2 <= end ? x : edge, o2 <= end ? o2 : o2 - base).reinterpretAsInts();
        IntVector r3 = FloatVector.fromArray(S, o3 <= end ? x : edge, o3 <= end ? o3 : o3 - base).reinterpretAsInts();
        IntVector lo, hi, u;
        lo = IntVector.fromArray(IS, TRANSPOSE_INDEX, 2 * L);
        hi = IntVector.fromArray(IS, TRANSPOSE_INDEX, 3 * L);
        u = r0;
        r0 = lo.selectFrom(u, r2);
        r2 = hi.selectFrom(u, r2);
        u = r1;
        r1 = lo.selectFrom(u, r3);
        r3 = hi.selectFrom(u, r3);
        lo = IntVector.fromArray(IS, TRANSPOSE_INDEX, 4 * L);
        hi = IntVector.fromArray(IS, TRANSPOSE_INDEX, 5 * L);
        u = r0;
        r0 = lo.selectFrom(u, r1);
        r1 = hi.selectFrom(u, r1);
        u = r2;
        r2 = lo.selectFrom(u, r3);
        r3 = hi.selectFrom(u, r3);
        r0.reinterpretAsFloats().intoArray(t, to);
        if (cols <= 1) return;
        r1.reinterpretAsFloats().intoArray(t, to + 1 * ldt);
        if (cols <= 2) return;
        r2.reinterpretAsFloats().intoArray(t, to + 2 * ldt);
        if (cols <= 3) return;
        r3.reinterpretAsFloats().intoArray(t, to + 3 * ldt);
        if (cols <= 4) return;
        // Stage 0's second index vector moves lanes [4, L) of its first operand down to [0, 4).
        hi = IntVector.fromArray(IS, TRANSPOSE_INDEX, L);
        hi.selectFrom(r0, r0).reinterpretAsFloats().intoArray(t, to + 4 * ldt);
        if (cols <= 5) return;
        hi.selectFrom(r1, r1).reinterpretAsFloats().intoArray(t, to + 5 * ldt);
        if (cols <= 6) return;
        hi.selectFrom(r2, r2).reinterpretAsFloats().intoArray(t, to + 6 * ldt);
        if (cols <= 7) return;
        hi.selectFrom(r3, r3).reinterpretAsFloats().intoArray(t, to + 7 * ldt);
    }
    // ---- end of the generated transposes ----

    /**
     * How many of m rows run in tall tiles (a multiple of {@code tall}), the rest going to short
     * tiles that repeat their last row when partial: the split that computes the fewest
     * row-equivalents, a tall row counted at 0.9 of a short one (it loads B less often), all
     * short on a tie. So m = 32 runs as 12 + 12 + 8 (tall 12) or 6·4 + 4 + 4 (tall 6, rather than
     * 6·5 and a short tile of 2 rows repeated to 4), but m = 16 as 8 + 8.
     */
    static int tallRows(int m, int tall, int shortRows) {
        int best = 0, bestCost = 10 * roundUp(m, shortRows);
        for (int rows = tall; rows <= m; rows += tall) {
            int cost = 9 * rows + 10 * roundUp(m - rows, shortRows);
            if (cost < bestCost) {
                best = rows;
                bestCost = cost;
            }
        }
        return best;
    }

    /**
     * 16 full rows of a transposed A (rs = 1) × one whole vector, in place, where TALL: 16
     * accumulators, so B's vector is loaded once per 16 broadcasts of A (columnTileTrans: once
     * per 8), and the FMA chains have twice the slack over their latency. A/B against two
     * columnTileTrans: sgemm TN n = 16 1.23–1.28×, 16 × 16 × 64 1.24×, n = 48 1.10×. Only for
     * a transposed A: for A not transposed the same tile (a[a_r + p], or with cs) ran 0.82–0.99×
     * of columnTileUnit, so there is no such tile and no generated twin.
     */
    private static void tallColumnTileTrans(int k, float[] a, int ao, int cs, float[] b, int bo, int ldb,
                                            float alpha, float beta, float[] c, int co, int ldc) {
        FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0, s4 = s0, s5 = s0, s6 = s0, s7 = s0;
        FloatVector s8 = s0, s9 = s0, s10 = s0, s11 = s0, s12 = s0, s13 = s0, s14 = s0, s15 = s0;
        for (int p = 0; p < k; p++) {
            int bp = bo + p * ldb, ap = ao + p * cs;
            FloatVector bv = FloatVector.fromArray(S, b, bp);
            s0 = FloatVector.broadcast(S, a[ap]).fma(bv, s0);
            s1 = FloatVector.broadcast(S, a[ap + 1]).fma(bv, s1);
            s2 = FloatVector.broadcast(S, a[ap + 2]).fma(bv, s2);
            s3 = FloatVector.broadcast(S, a[ap + 3]).fma(bv, s3);
            s4 = FloatVector.broadcast(S, a[ap + 4]).fma(bv, s4);
            s5 = FloatVector.broadcast(S, a[ap + 5]).fma(bv, s5);
            s6 = FloatVector.broadcast(S, a[ap + 6]).fma(bv, s6);
            s7 = FloatVector.broadcast(S, a[ap + 7]).fma(bv, s7);
            s8 = FloatVector.broadcast(S, a[ap + 8]).fma(bv, s8);
            s9 = FloatVector.broadcast(S, a[ap + 9]).fma(bv, s9);
            s10 = FloatVector.broadcast(S, a[ap + 10]).fma(bv, s10);
            s11 = FloatVector.broadcast(S, a[ap + 11]).fma(bv, s11);
            s12 = FloatVector.broadcast(S, a[ap + 12]).fma(bv, s12);
            s13 = FloatVector.broadcast(S, a[ap + 13]).fma(bv, s13);
            s14 = FloatVector.broadcast(S, a[ap + 14]).fma(bv, s14);
            s15 = FloatVector.broadcast(S, a[ap + 15]).fma(bv, s15);
        }
        FloatVector va = FloatVector.broadcast(S, alpha);
        FloatVector vb = FloatVector.broadcast(S, beta);
        FloatVector z = FloatVector.zero(S);
        // Two straight-line epilogues, as in columnTile.
        if (beta == 0f) {
            va.fma(s0, z).intoArray(c, co);
            va.fma(s1, z).intoArray(c, co + 1 * ldc);
            va.fma(s2, z).intoArray(c, co + 2 * ldc);
            va.fma(s3, z).intoArray(c, co + 3 * ldc);
            va.fma(s4, z).intoArray(c, co + 4 * ldc);
            va.fma(s5, z).intoArray(c, co + 5 * ldc);
            va.fma(s6, z).intoArray(c, co + 6 * ldc);
            va.fma(s7, z).intoArray(c, co + 7 * ldc);
            va.fma(s8, z).intoArray(c, co + 8 * ldc);
            va.fma(s9, z).intoArray(c, co + 9 * ldc);
            va.fma(s10, z).intoArray(c, co + 10 * ldc);
            va.fma(s11, z).intoArray(c, co + 11 * ldc);
            va.fma(s12, z).intoArray(c, co + 12 * ldc);
            va.fma(s13, z).intoArray(c, co + 13 * ldc);
            va.fma(s14, z).intoArray(c, co + 14 * ldc);
            va.fma(s15, z).intoArray(c, co + 15 * ldc);
            return;
        }
        va.fma(s0, FloatVector.fromArray(S, c, co).mul(vb)).intoArray(c, co);
        va.fma(s1, FloatVector.fromArray(S, c, co + 1 * ldc).mul(vb)).intoArray(c, co + 1 * ldc);
        va.fma(s2, FloatVector.fromArray(S, c, co + 2 * ldc).mul(vb)).intoArray(c, co + 2 * ldc);
        va.fma(s3, FloatVector.fromArray(S, c, co + 3 * ldc).mul(vb)).intoArray(c, co + 3 * ldc);
        va.fma(s4, FloatVector.fromArray(S, c, co + 4 * ldc).mul(vb)).intoArray(c, co + 4 * ldc);
        va.fma(s5, FloatVector.fromArray(S, c, co + 5 * ldc).mul(vb)).intoArray(c, co + 5 * ldc);
        va.fma(s6, FloatVector.fromArray(S, c, co + 6 * ldc).mul(vb)).intoArray(c, co + 6 * ldc);
        va.fma(s7, FloatVector.fromArray(S, c, co + 7 * ldc).mul(vb)).intoArray(c, co + 7 * ldc);
        va.fma(s8, FloatVector.fromArray(S, c, co + 8 * ldc).mul(vb)).intoArray(c, co + 8 * ldc);
        va.fma(s9, FloatVector.fromArray(S, c, co + 9 * ldc).mul(vb)).intoArray(c, co + 9 * ldc);
        va.fma(s10, FloatVector.fromArray(S, c, co + 10 * ldc).mul(vb)).intoArray(c, co + 10 * ldc);
        va.fma(s11, FloatVector.fromArray(S, c, co + 11 * ldc).mul(vb)).intoArray(c, co + 11 * ldc);
        va.fma(s12, FloatVector.fromArray(S, c, co + 12 * ldc).mul(vb)).intoArray(c, co + 12 * ldc);
        va.fma(s13, FloatVector.fromArray(S, c, co + 13 * ldc).mul(vb)).intoArray(c, co + 13 * ldc);
        va.fma(s14, FloatVector.fromArray(S, c, co + 14 * ldc).mul(vb)).intoArray(c, co + 14 * ldc);
        va.fma(s15, FloatVector.fromArray(S, c, co + 15 * ldc).mul(vb)).intoArray(c, co + 15 * ldc);
    }

    /**
     * Up to 8 rows × one whole vector (L columns), read and written in place: no mask and no
     * scratch tile. Eight accumulators cover the FMA latency; n = L (16 in single precision at
     * 512 bits) is all this tile.
     */
    private static void columnTile(int k, float[] a, int ao, int rs, int cs, int rows, float[] b, int bo, int ldb,
                                   float alpha, float beta, float[] c, int co, int ldc) {
        int last = rows - 1;
        int a1 = ao + Math.min(1, last) * rs, a2 = ao + Math.min(2, last) * rs, a3 = ao + Math.min(3, last) * rs;
        int a4 = ao + Math.min(4, last) * rs, a5 = ao + Math.min(5, last) * rs, a6 = ao + Math.min(6, last) * rs;
        int a7 = ao + last * rs;
        FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0, s4 = s0, s5 = s0, s6 = s0, s7 = s0;
        for (int p = 0; p < k; p++) {
            FloatVector bv = FloatVector.fromArray(S, b, bo + p * ldb);
            int ap = p * cs;
            s0 = FloatVector.broadcast(S, a[ao + ap]).fma(bv, s0);
            s1 = FloatVector.broadcast(S, a[a1 + ap]).fma(bv, s1);
            s2 = FloatVector.broadcast(S, a[a2 + ap]).fma(bv, s2);
            s3 = FloatVector.broadcast(S, a[a3 + ap]).fma(bv, s3);
            s4 = FloatVector.broadcast(S, a[a4 + ap]).fma(bv, s4);
            s5 = FloatVector.broadcast(S, a[a5 + ap]).fma(bv, s5);
            s6 = FloatVector.broadcast(S, a[a6 + ap]).fma(bv, s6);
            s7 = FloatVector.broadcast(S, a[a7 + ap]).fma(bv, s7);
        }
        // Row by row, stopping after the last real row.
        FloatVector va = FloatVector.broadcast(S, alpha);
        FloatVector vb = FloatVector.broadcast(S, beta);
        FloatVector z = FloatVector.zero(S);
        // Two straight-line epilogues, not one with a per-row choice: a vector merged from
        // two branches (beta·C or zero) cost C2 retries of its intrinsics, and in the larger
        // tiles the last rows sometimes stayed boxed.
        if (beta == 0f) {
            int o = co;
            va.fma(s0, z).intoArray(c, o);
            if (last < 1) return;
            o += ldc;
            va.fma(s1, z).intoArray(c, o);
            if (last < 2) return;
            o += ldc;
            va.fma(s2, z).intoArray(c, o);
            if (last < 3) return;
            o += ldc;
            va.fma(s3, z).intoArray(c, o);
            if (last < 4) return;
            o += ldc;
            va.fma(s4, z).intoArray(c, o);
            if (last < 5) return;
            o += ldc;
            va.fma(s5, z).intoArray(c, o);
            if (last < 6) return;
            o += ldc;
            va.fma(s6, z).intoArray(c, o);
            if (last < 7) return;
            o += ldc;
            va.fma(s7, z).intoArray(c, o);
            return;
        }
        int o = co;
        va.fma(s0, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        if (last < 1) return;
        o += ldc;
        va.fma(s1, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        if (last < 2) return;
        o += ldc;
        va.fma(s2, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        if (last < 3) return;
        o += ldc;
        va.fma(s3, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        if (last < 4) return;
        o += ldc;
        va.fma(s4, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        if (last < 5) return;
        o += ldc;
        va.fma(s5, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        if (last < 6) return;
        o += ldc;
        va.fma(s6, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        if (last < 7) return;
        o += ldc;
        va.fma(s7, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
    }
    /**
     * {@link #columnTile} for a last block of at most 4 rows (m mod 8 ≤ 4, and m ≤ 4), with 4
     * accumulators: such a block no longer computes 8 rows, its last repeated. Exact-size
     * arrays, Zen 4, ns a call before → after: sgemm NN 1 × 16 × 16 74 → 50, 12 × 16 × 12
     * 107 → 92, 20 × 20 × 20 440 → 410, 28 × 28 × 28 820 → 768; dgemm NN 4 × 8 × 16 76 → 51.
     * Written by gen-gemm-trans.py from columnTile: do not edit.
     */
    private static void columnTile4(int k, float[] a, int ao, int rs, int cs, int rows, float[] b, int bo, int ldb,
                                    float alpha, float beta, float[] c, int co, int ldc) {
        int last = rows - 1;
        int a1 = ao + Math.min(1, last) * rs, a2 = ao + Math.min(2, last) * rs, a3 = ao + last * rs;
        FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
        for (int p = 0; p < k; p++) {
            FloatVector bv = FloatVector.fromArray(S, b, bo + p * ldb);
            int ap = p * cs;
            s0 = FloatVector.broadcast(S, a[ao + ap]).fma(bv, s0);
            s1 = FloatVector.broadcast(S, a[a1 + ap]).fma(bv, s1);
            s2 = FloatVector.broadcast(S, a[a2 + ap]).fma(bv, s2);
            s3 = FloatVector.broadcast(S, a[a3 + ap]).fma(bv, s3);
        }
        // Row by row, stopping after the last real row.
        FloatVector va = FloatVector.broadcast(S, alpha);
        FloatVector vb = FloatVector.broadcast(S, beta);
        FloatVector z = FloatVector.zero(S);
        // Two straight-line epilogues, not one with a per-row choice: a vector merged from
        // two branches (beta·C or zero) cost C2 retries of its intrinsics, and in the larger
        // tiles the last rows sometimes stayed boxed.
        if (beta == 0f) {
            int o = co;
            va.fma(s0, z).intoArray(c, o);
            if (last < 1) return;
            o += ldc;
            va.fma(s1, z).intoArray(c, o);
            if (last < 2) return;
            o += ldc;
            va.fma(s2, z).intoArray(c, o);
            if (last < 3) return;
            o += ldc;
            va.fma(s3, z).intoArray(c, o);
            return;
        }
        int o = co;
        va.fma(s0, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        if (last < 1) return;
        o += ldc;
        va.fma(s1, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        if (last < 2) return;
        o += ldc;
        va.fma(s2, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        if (last < 3) return;
        o += ldc;
        va.fma(s3, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
    }
    /**
     * {@link #columnTile} where A is not transposed (cs = 1), in a method of its own: the
     * indices row + p let C2 drop the eight range checks per step that row + p·cs keeps (a
     * second loop inside columnTile would merge its accumulators with the first's after an
     * if/else, a pattern that has left tiles boxing vectors).
     */
    private static void columnTileUnit(int k, float[] a, int ao, int rs, int rows, float[] b, int bo, int ldb,
                                   float alpha, float beta, float[] c, int co, int ldc) {
        int last = rows - 1;
        int a1 = ao + Math.min(1, last) * rs, a2 = ao + Math.min(2, last) * rs, a3 = ao + Math.min(3, last) * rs;
        int a4 = ao + Math.min(4, last) * rs, a5 = ao + Math.min(5, last) * rs, a6 = ao + Math.min(6, last) * rs;
        int a7 = ao + last * rs;
        FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0, s4 = s0, s5 = s0, s6 = s0, s7 = s0;
        for (int p = 0; p < k; p++) {
            FloatVector bv = FloatVector.fromArray(S, b, bo + p * ldb);
            s0 = FloatVector.broadcast(S, a[ao + p]).fma(bv, s0);
            s1 = FloatVector.broadcast(S, a[a1 + p]).fma(bv, s1);
            s2 = FloatVector.broadcast(S, a[a2 + p]).fma(bv, s2);
            s3 = FloatVector.broadcast(S, a[a3 + p]).fma(bv, s3);
            s4 = FloatVector.broadcast(S, a[a4 + p]).fma(bv, s4);
            s5 = FloatVector.broadcast(S, a[a5 + p]).fma(bv, s5);
            s6 = FloatVector.broadcast(S, a[a6 + p]).fma(bv, s6);
            s7 = FloatVector.broadcast(S, a[a7 + p]).fma(bv, s7);
        }
        // Row by row, stopping after the last real row.
        FloatVector va = FloatVector.broadcast(S, alpha);
        FloatVector vb = FloatVector.broadcast(S, beta);
        FloatVector z = FloatVector.zero(S);
        // Two straight-line epilogues, not one with a per-row choice: a vector merged from
        // two branches (beta·C or zero) cost C2 retries of its intrinsics, and in the larger
        // tiles the last rows sometimes stayed boxed.
        if (beta == 0f) {
            int o = co;
            va.fma(s0, z).intoArray(c, o);
            if (last < 1) return;
            o += ldc;
            va.fma(s1, z).intoArray(c, o);
            if (last < 2) return;
            o += ldc;
            va.fma(s2, z).intoArray(c, o);
            if (last < 3) return;
            o += ldc;
            va.fma(s3, z).intoArray(c, o);
            if (last < 4) return;
            o += ldc;
            va.fma(s4, z).intoArray(c, o);
            if (last < 5) return;
            o += ldc;
            va.fma(s5, z).intoArray(c, o);
            if (last < 6) return;
            o += ldc;
            va.fma(s6, z).intoArray(c, o);
            if (last < 7) return;
            o += ldc;
            va.fma(s7, z).intoArray(c, o);
            return;
        }
        int o = co;
        va.fma(s0, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        if (last < 1) return;
        o += ldc;
        va.fma(s1, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        if (last < 2) return;
        o += ldc;
        va.fma(s2, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        if (last < 3) return;
        o += ldc;
        va.fma(s3, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        if (last < 4) return;
        o += ldc;
        va.fma(s4, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        if (last < 5) return;
        o += ldc;
        va.fma(s5, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        if (last < 6) return;
        o += ldc;
        va.fma(s6, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        if (last < 7) return;
        o += ldc;
        va.fma(s7, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
    }

    /**
     * Up to 8 rows × cols &lt; L columns (the columns left over by the tiles above), in place,
     * with beta = 0: masked loads of B and masked stores of C, used where every one stays within
     * its array (else, and for beta ≠ 0, maskedTileEdge, which goes through a scratch tile).
     * The beta ≠ 0 epilogue lived here too, until the method, once compiled at C1's tier 2 (as
     * HotSpot does while C2's queue is long), failed C1's tier-3 OSR compile ("out of virtual
     * registers in linear scan") and stayed at tier 2, boxing every vector: sgemm 12 × 12 × 12
     * ran 5.5 µs and allocated 41 KB a call in about three JVMs of four (every one with
     * -XX:Tier3DelayOn=0); smaller, it compiles.
     * Only this one species is used, on purpose: a second vector class of the same element
     * type (a half-width species for these tails, as before) enters the type profiles of the
     * Vector API's shared code that every kernel is compiled against, and from such profiles
     * C2 compiled kernels (GEMM tiles, abs, sigmoid, ...) that boxed vectors on every call.
     */
    private static void maskedTile(int k, float[] a, int ao, int rs, int cs, int rows, float[] b, int bo, int ldb,
                                   int cols, float alpha, float[] c, int co, int ldc) {
        VectorMask<Float> mask = S.indexInRange(0, cols);
        int last = rows - 1;
        int a1 = ao + Math.min(1, last) * rs, a2 = ao + Math.min(2, last) * rs, a3 = ao + Math.min(3, last) * rs;
        int a4 = ao + Math.min(4, last) * rs, a5 = ao + Math.min(5, last) * rs, a6 = ao + Math.min(6, last) * rs;
        int a7 = ao + last * rs;
        FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0, s4 = s0, s5 = s0, s6 = s0, s7 = s0;
        for (int p = 0; p < k; p++) {
            FloatVector bv = FloatVector.fromArray(S, b, bo + p * ldb, mask);
            int ap = p * cs;
            s0 = FloatVector.broadcast(S, a[ao + ap]).fma(bv, s0);
            s1 = FloatVector.broadcast(S, a[a1 + ap]).fma(bv, s1);
            s2 = FloatVector.broadcast(S, a[a2 + ap]).fma(bv, s2);
            s3 = FloatVector.broadcast(S, a[a3 + ap]).fma(bv, s3);
            s4 = FloatVector.broadcast(S, a[a4 + ap]).fma(bv, s4);
            s5 = FloatVector.broadcast(S, a[a5 + ap]).fma(bv, s5);
            s6 = FloatVector.broadcast(S, a[a6 + ap]).fma(bv, s6);
            s7 = FloatVector.broadcast(S, a[a7 + ap]).fma(bv, s7);
        }
        // Written out, eight masked stores.
        FloatVector va = FloatVector.broadcast(S, alpha), z = FloatVector.zero(S);
        int o = co;
        va.fma(s0, z).intoArray(c, o, mask);
        if (last < 1) return;
        o += ldc;
        va.fma(s1, z).intoArray(c, o, mask);
        if (last < 2) return;
        o += ldc;
        va.fma(s2, z).intoArray(c, o, mask);
        if (last < 3) return;
        o += ldc;
        va.fma(s3, z).intoArray(c, o, mask);
        if (last < 4) return;
        o += ldc;
        va.fma(s4, z).intoArray(c, o, mask);
        if (last < 5) return;
        o += ldc;
        va.fma(s5, z).intoArray(c, o, mask);
        if (last < 6) return;
        o += ldc;
        va.fma(s6, z).intoArray(c, o, mask);
        if (last < 7) return;
        o += ldc;
        va.fma(s7, z).intoArray(c, o, mask);
    }

    /**
     * {@link #maskedTile} for blocks of at most 4 rows (m mod 8 ≤ 4): 4 accumulators, so such
     * a block no longer computes 8 rows, its last repeated. Written by gen-gemm-trans.py from
     * maskedTile: do not edit.
     */
    private static void maskedTile4(int k, float[] a, int ao, int rs, int cs, int rows, float[] b, int bo, int ldb,
                                    int cols, float alpha, float[] c, int co, int ldc) {
        VectorMask<Float> mask = S.indexInRange(0, cols);
        int last = rows - 1;
        int a1 = ao + Math.min(1, last) * rs, a2 = ao + Math.min(2, last) * rs, a3 = ao + last * rs;
        FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
        for (int p = 0; p < k; p++) {
            FloatVector bv = FloatVector.fromArray(S, b, bo + p * ldb, mask);
            int ap = p * cs;
            s0 = FloatVector.broadcast(S, a[ao + ap]).fma(bv, s0);
            s1 = FloatVector.broadcast(S, a[a1 + ap]).fma(bv, s1);
            s2 = FloatVector.broadcast(S, a[a2 + ap]).fma(bv, s2);
            s3 = FloatVector.broadcast(S, a[a3 + ap]).fma(bv, s3);
        }
        // Written out, four masked stores.
        FloatVector va = FloatVector.broadcast(S, alpha), z = FloatVector.zero(S);
        int o = co;
        va.fma(s0, z).intoArray(c, o, mask);
        if (last < 1) return;
        o += ldc;
        va.fma(s1, z).intoArray(c, o, mask);
        if (last < 2) return;
        o += ldc;
        va.fma(s2, z).intoArray(c, o, mask);
        if (last < 3) return;
        o += ldc;
        va.fma(s3, z).intoArray(c, o, mask);
    }

    /**
     * {@link #maskedTile} where B's or C's last rows end their arrays, or where beta ≠ 0, with
     * masked accesses that all stay within their arrays (see maskedColumns): B's rows p &lt; kIn
     * from b, the rest from edge[eo + p·ldb] (see copyEnd); C's rows r &lt; direct loaded and
     * stored by vector (writeTileRows), the rest left as sums in the tile for writeLastRows.
     * Every sum goes through the tile to short row loops: masked stores (and loads) of C written
     * out, with the second k loop, made the method too large for C1 ("out of virtual
     * registers"), which left it at tier 2, boxing every vector (50× slower).
     */
    private static void maskedTileEdge(int k, int kIn, float[] a, int ao, int rs, int cs, int rows, float[] b, int bo, int ldb,
                                   float[] edge, int eo, int cols, float alpha, float beta, float[] c, int co, int ldc, int direct,
                                   float[] tile) {
        VectorMask<Float> mask = S.indexInRange(0, cols);
        int last = rows - 1;
        int a1 = ao + Math.min(1, last) * rs, a2 = ao + Math.min(2, last) * rs, a3 = ao + Math.min(3, last) * rs;
        int a4 = ao + Math.min(4, last) * rs, a5 = ao + Math.min(5, last) * rs, a6 = ao + Math.min(6, last) * rs;
        int a7 = ao + last * rs;
        FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0, s4 = s0, s5 = s0, s6 = s0, s7 = s0;
        for (int p = 0; p < kIn; p++) {
            FloatVector bv = FloatVector.fromArray(S, b, bo + p * ldb, mask);
            int ap = p * cs;
            s0 = FloatVector.broadcast(S, a[ao + ap]).fma(bv, s0);
            s1 = FloatVector.broadcast(S, a[a1 + ap]).fma(bv, s1);
            s2 = FloatVector.broadcast(S, a[a2 + ap]).fma(bv, s2);
            s3 = FloatVector.broadcast(S, a[a3 + ap]).fma(bv, s3);
            s4 = FloatVector.broadcast(S, a[a4 + ap]).fma(bv, s4);
            s5 = FloatVector.broadcast(S, a[a5 + ap]).fma(bv, s5);
            s6 = FloatVector.broadcast(S, a[a6 + ap]).fma(bv, s6);
            s7 = FloatVector.broadcast(S, a[a7 + ap]).fma(bv, s7);
        }
        for (int p = kIn; p < k; p++) {
            FloatVector bv = FloatVector.fromArray(S, edge, eo + p * ldb, mask);
            int ap = p * cs;
            s0 = FloatVector.broadcast(S, a[ao + ap]).fma(bv, s0);
            s1 = FloatVector.broadcast(S, a[a1 + ap]).fma(bv, s1);
            s2 = FloatVector.broadcast(S, a[a2 + ap]).fma(bv, s2);
            s3 = FloatVector.broadcast(S, a[a3 + ap]).fma(bv, s3);
            s4 = FloatVector.broadcast(S, a[a4 + ap]).fma(bv, s4);
            s5 = FloatVector.broadcast(S, a[a5 + ap]).fma(bv, s5);
            s6 = FloatVector.broadcast(S, a[a6 + ap]).fma(bv, s6);
            s7 = FloatVector.broadcast(S, a[a7 + ap]).fma(bv, s7);
        }
        // Row r's sums at tile[r·L] (writeLastRows reads the rows past direct); stored as one·s
        // (exact): a loop-carried vector is never a receiver (see the class comment).
        FloatVector one = FloatVector.broadcast(S, 1f);
        one.mul(s0).intoArray(tile, 0);
        one.mul(s1).intoArray(tile, L);
        one.mul(s2).intoArray(tile, 2 * L);
        one.mul(s3).intoArray(tile, 3 * L);
        one.mul(s4).intoArray(tile, 4 * L);
        one.mul(s5).intoArray(tile, 5 * L);
        one.mul(s6).intoArray(tile, 6 * L);
        one.mul(s7).intoArray(tile, 7 * L);
        writeTileRows(tile, direct, cols, alpha, beta, c, co, ldc);
    }

    /**
     * {@link #maskedTileEdge} for blocks of at most 4 rows, as maskedTile4. Written by
     * gen-gemm-trans.py from maskedTileEdge: do not edit.
     */
    private static void maskedTileEdge4(int k, int kIn, float[] a, int ao, int rs, int cs, int rows, float[] b, int bo, int ldb,
                                    float[] edge, int eo, int cols, float alpha, float beta, float[] c, int co, int ldc, int direct,
                                    float[] tile) {
        VectorMask<Float> mask = S.indexInRange(0, cols);
        int last = rows - 1;
        int a1 = ao + Math.min(1, last) * rs, a2 = ao + Math.min(2, last) * rs, a3 = ao + last * rs;
        FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
        for (int p = 0; p < kIn; p++) {
            FloatVector bv = FloatVector.fromArray(S, b, bo + p * ldb, mask);
            int ap = p * cs;
            s0 = FloatVector.broadcast(S, a[ao + ap]).fma(bv, s0);
            s1 = FloatVector.broadcast(S, a[a1 + ap]).fma(bv, s1);
            s2 = FloatVector.broadcast(S, a[a2 + ap]).fma(bv, s2);
            s3 = FloatVector.broadcast(S, a[a3 + ap]).fma(bv, s3);
        }
        for (int p = kIn; p < k; p++) {
            FloatVector bv = FloatVector.fromArray(S, edge, eo + p * ldb, mask);
            int ap = p * cs;
            s0 = FloatVector.broadcast(S, a[ao + ap]).fma(bv, s0);
            s1 = FloatVector.broadcast(S, a[a1 + ap]).fma(bv, s1);
            s2 = FloatVector.broadcast(S, a[a2 + ap]).fma(bv, s2);
            s3 = FloatVector.broadcast(S, a[a3 + ap]).fma(bv, s3);
        }
        // Row r's sums at tile[r·L] (writeLastRows reads the rows past direct); stored as one·s
        // (exact): a loop-carried vector is never a receiver (see the class comment).
        FloatVector one = FloatVector.broadcast(S, 1f);
        one.mul(s0).intoArray(tile, 0);
        one.mul(s1).intoArray(tile, L);
        one.mul(s2).intoArray(tile, 2 * L);
        one.mul(s3).intoArray(tile, 3 * L);
        writeTileRows(tile, direct, cols, alpha, beta, c, co, ldc);
    }

    /**
     * C's rows 0 to direct - 1 of a masked tile from their sums at tile[r·L], with the vector
     * epilogue's arithmetic (maskedTileEdge and maskedTileEdge4). Its own method, taking no
     * vectors, so the tiles stay small enough for C1 (see maskedTile).
     */
    private static void writeTileRows(float[] tile, int direct, int cols, float alpha, float beta, float[] c, int co, int ldc) {
        VectorMask<Float> mask = S.indexInRange(0, cols);
        // alpha and beta are broadcast inside the loops, as in packA.
        if (beta == 0f) {
            for (int r = 0, o = co; r < direct; r++, o += ldc) {
                FloatVector.broadcast(S, alpha).fma(FloatVector.fromArray(S, tile, r * L), FloatVector.zero(S)).intoArray(c, o, mask);
            }
        } else {
            // Every row of C is read before any is written: with ldc < L a row's vector overlaps
            // the one before it (beyond the mask), and a load that overlaps a masked store still
            // in flight waits for it, row after row. Two passes ran sgemm 8 × 12 × 8 / 12 × 12 × 12
            // / 64 × 1 × 16 (beta = 0.5, Zen 4) in 78 / 151 / 640–920 ns against 117 / 206 / 1015.
            for (int r = 0, o = co; r < direct; r++, o += ldc) {
                FloatVector.broadcast(S, alpha).fma(FloatVector.fromArray(S, tile, r * L),
                        FloatVector.fromArray(S, c, o, mask).mul(FloatVector.broadcast(S, beta))).intoArray(tile, r * L);
            }
            for (int r = 0, o = co; r < direct; r++, o += ldc) {
                FloatVector.fromArray(S, tile, r * L).intoArray(c, o, mask);
            }
        }
    }

    /**
     * The last cols ≤ L/2 columns of a small product over a whole block of L rows, with the vectors
     * running down the block's rows of C: each is a row of Aᵀ (a[ao + p·cs], the stored A when
     * transposed, else small's copy), and each column takes one broadcast of B and one FMA a k
     * step. The masked tile spends a whole vector, a broadcast and an FMA per row and k step on
     * cols useful lanes; here every lane is used. Up to 8 columns, the last repeated (acrossRows4
     * for cols ≤ 4, acrossRows2 for cols ≤ 2). Every access stays within its array whatever room
     * follows it (whole rows of Aᵀ, broadcasts, single elements of C), so no edge path is needed.
     * The sums go to the scratch tile, a column every L, and C is written element by element with
     * the vector epilogue's arithmetic, so the bits are those of every other tile. Against the
     * masked tiles (sgemm, exact-size arrays, Zen 4): TN 16 × 1 × 64 480 → 136 ns, 16 × 4 × 16 168
     * → 79, 20 × 20 × 20 445 → 343; NN (with the copy) 64 × 1 × 16 640 → 340. At short k its
     * element-by-element epilogue costs more than it saves (16 × 8 × 1 with room after the arrays:
     * 47 → 84 ns; in registers, transposed 8 × 8 blocks and masked row stores, 77: not kept), so
     * small runs it only for k ≥ 2·cols.
     */
    private static void acrossRows(int k, float[] a, int ao, int cs, float[] b, int bo, int ldb, int cols,
                                   float alpha, float beta, float[] c, int co, int ldc, float[] tile) {
        int last = cols - 1;
        int b1 = bo + Math.min(1, last), b2 = bo + Math.min(2, last), b3 = bo + Math.min(3, last);
        int b4 = bo + Math.min(4, last), b5 = bo + Math.min(5, last), b6 = bo + Math.min(6, last);
        int b7 = bo + last;
        FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0, s4 = s0, s5 = s0, s6 = s0, s7 = s0;
        for (int p = 0; p < k; p++) {
            FloatVector av = FloatVector.fromArray(S, a, ao + p * cs);
            int bp = p * ldb;
            s0 = av.fma(FloatVector.broadcast(S, b[bo + bp]), s0);
            s1 = av.fma(FloatVector.broadcast(S, b[b1 + bp]), s1);
            s2 = av.fma(FloatVector.broadcast(S, b[b2 + bp]), s2);
            s3 = av.fma(FloatVector.broadcast(S, b[b3 + bp]), s3);
            s4 = av.fma(FloatVector.broadcast(S, b[b4 + bp]), s4);
            s5 = av.fma(FloatVector.broadcast(S, b[b5 + bp]), s5);
            s6 = av.fma(FloatVector.broadcast(S, b[b6 + bp]), s6);
            s7 = av.fma(FloatVector.broadcast(S, b[b7 + bp]), s7);
        }
        // Column q's sums at tile[q·L], stored as one·s (exact): a loop-carried vector is never
        // a receiver (see the class comment).
        FloatVector one = FloatVector.broadcast(S, 1f);
        one.mul(s0).intoArray(tile, 0);
        one.mul(s1).intoArray(tile, L);
        one.mul(s2).intoArray(tile, 2 * L);
        one.mul(s3).intoArray(tile, 3 * L);
        one.mul(s4).intoArray(tile, 4 * L);
        one.mul(s5).intoArray(tile, 5 * L);
        one.mul(s6).intoArray(tile, 6 * L);
        one.mul(s7).intoArray(tile, 7 * L);
        writeColumns(tile, cols, alpha, beta, c, co, ldc);
    }

    /** {@link #acrossRows} for cols ≤ 4: four accumulators. */
    private static void acrossRows4(int k, float[] a, int ao, int cs, float[] b, int bo, int ldb, int cols,
                                    float alpha, float beta, float[] c, int co, int ldc, float[] tile) {
        int last = cols - 1;
        int b1 = bo + Math.min(1, last), b2 = bo + Math.min(2, last), b3 = bo + last;
        FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
        for (int p = 0; p < k; p++) {
            FloatVector av = FloatVector.fromArray(S, a, ao + p * cs);
            int bp = p * ldb;
            s0 = av.fma(FloatVector.broadcast(S, b[bo + bp]), s0);
            s1 = av.fma(FloatVector.broadcast(S, b[b1 + bp]), s1);
            s2 = av.fma(FloatVector.broadcast(S, b[b2 + bp]), s2);
            s3 = av.fma(FloatVector.broadcast(S, b[b3 + bp]), s3);
        }
        FloatVector one = FloatVector.broadcast(S, 1f);
        one.mul(s0).intoArray(tile, 0);
        one.mul(s1).intoArray(tile, L);
        one.mul(s2).intoArray(tile, 2 * L);
        one.mul(s3).intoArray(tile, 3 * L);
        writeColumns(tile, cols, alpha, beta, c, co, ldc);
    }

    /** {@link #acrossRows} for cols ≤ 2: two accumulators (the trainer's n = 1 and 2-input layers). */
    private static void acrossRows2(int k, float[] a, int ao, int cs, float[] b, int bo, int ldb, int cols,
                                    float alpha, float beta, float[] c, int co, int ldc, float[] tile) {
        int b1 = bo + cols - 1;
        FloatVector s0 = FloatVector.zero(S), s1 = s0;
        for (int p = 0; p < k; p++) {
            FloatVector av = FloatVector.fromArray(S, a, ao + p * cs);
            int bp = p * ldb;
            s0 = av.fma(FloatVector.broadcast(S, b[bo + bp]), s0);
            s1 = av.fma(FloatVector.broadcast(S, b[b1 + bp]), s1);
        }
        FloatVector one = FloatVector.broadcast(S, 1f);
        one.mul(s0).intoArray(tile, 0);
        one.mul(s1).intoArray(tile, L);
        writeColumns(tile, cols, alpha, beta, c, co, ldc);
    }

    /**
     * L rows × cols columns of C from column sums at tile[q·L + r] (acrossRows), element by
     * element with the vector epilogue's arithmetic: fma(sum, alpha, beta·C), or alpha·sum + 0
     * where beta = 0 (C's old contents unread).
     */
    private static void writeColumns(float[] tile, int cols, float alpha, float beta, float[] c, int co, int ldc) {
        if (beta == 0f) {
            for (int q = 0; q < cols; q++) {
                for (int r = 0, o = co + q, t = q * L; r < L; r++, o += ldc) c[o] = Math.fma(tile[t + r], alpha, 0f);
            }
        } else {
            for (int q = 0; q < cols; q++) {
                for (int r = 0, o = co + q, t = q * L; r < L; r++, o += ldc) c[o] = Math.fma(tile[t + r], alpha, c[o] * beta);
            }
        }
    }

    /** 6 full rows × 4 vectors (2·NR columns) of the small path, 24 accumulators: where TALL only. */
    private static void tallWideTile(int k, float[] a, int ao, int rs, float[] b, int bo, int ldb,
                                    float alpha, float beta, float[] c, int co, int ldc) {
        int a1 = ao + rs, a2 = ao + 2 * rs, a3 = ao + 3 * rs, a4 = ao + 4 * rs, a5 = ao + 5 * rs;
        FloatVector c0_0 = FloatVector.zero(S), c0_1 = c0_0, c0_2 = c0_0, c0_3 = c0_0, c1_0 = c0_0, c1_1 = c0_0, c1_2 = c0_0, c1_3 = c0_0;
        FloatVector c2_0 = c0_0, c2_1 = c0_0, c2_2 = c0_0, c2_3 = c0_0, c3_0 = c0_0, c3_1 = c0_0, c3_2 = c0_0, c3_3 = c0_0;
        FloatVector c4_0 = c0_0, c4_1 = c0_0, c4_2 = c0_0, c4_3 = c0_0, c5_0 = c0_0, c5_1 = c0_0, c5_2 = c0_0, c5_3 = c0_0;
        for (int p = 0; p < k; p++) {
            int bp = bo + p * ldb;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bp + 3 * L);
            FloatVector x = FloatVector.broadcast(S, a[ao + p]);
            c0_0 = x.fma(b0, c0_0);
            c0_1 = x.fma(b1, c0_1);
            c0_2 = x.fma(b2, c0_2);
            c0_3 = x.fma(b3, c0_3);
            x = FloatVector.broadcast(S, a[a1 + p]);
            c1_0 = x.fma(b0, c1_0);
            c1_1 = x.fma(b1, c1_1);
            c1_2 = x.fma(b2, c1_2);
            c1_3 = x.fma(b3, c1_3);
            x = FloatVector.broadcast(S, a[a2 + p]);
            c2_0 = x.fma(b0, c2_0);
            c2_1 = x.fma(b1, c2_1);
            c2_2 = x.fma(b2, c2_2);
            c2_3 = x.fma(b3, c2_3);
            x = FloatVector.broadcast(S, a[a3 + p]);
            c3_0 = x.fma(b0, c3_0);
            c3_1 = x.fma(b1, c3_1);
            c3_2 = x.fma(b2, c3_2);
            c3_3 = x.fma(b3, c3_3);
            x = FloatVector.broadcast(S, a[a4 + p]);
            c4_0 = x.fma(b0, c4_0);
            c4_1 = x.fma(b1, c4_1);
            c4_2 = x.fma(b2, c4_2);
            c4_3 = x.fma(b3, c4_3);
            x = FloatVector.broadcast(S, a[a5 + p]);
            c5_0 = x.fma(b0, c5_0);
            c5_1 = x.fma(b1, c5_1);
            c5_2 = x.fma(b2, c5_2);
            c5_3 = x.fma(b3, c5_3);
        }
        FloatVector va = FloatVector.broadcast(S, alpha);
        FloatVector vb = FloatVector.broadcast(S, beta);
        FloatVector z = FloatVector.zero(S);
        // Two straight-line epilogues, not one with a per-row choice: a vector merged from
        // two branches (beta·C or zero) cost C2 retries of its intrinsics, and in the larger
        // tiles the last rows sometimes stayed boxed.
        if (beta == 0f) {
            int o = co;
            va.fma(c0_0, z).intoArray(c, o);
            va.fma(c0_1, z).intoArray(c, o + L);
            va.fma(c0_2, z).intoArray(c, o + 2 * L);
            va.fma(c0_3, z).intoArray(c, o + 3 * L);
            o += ldc;
            va.fma(c1_0, z).intoArray(c, o);
            va.fma(c1_1, z).intoArray(c, o + L);
            va.fma(c1_2, z).intoArray(c, o + 2 * L);
            va.fma(c1_3, z).intoArray(c, o + 3 * L);
            o += ldc;
            va.fma(c2_0, z).intoArray(c, o);
            va.fma(c2_1, z).intoArray(c, o + L);
            va.fma(c2_2, z).intoArray(c, o + 2 * L);
            va.fma(c2_3, z).intoArray(c, o + 3 * L);
            o += ldc;
            va.fma(c3_0, z).intoArray(c, o);
            va.fma(c3_1, z).intoArray(c, o + L);
            va.fma(c3_2, z).intoArray(c, o + 2 * L);
            va.fma(c3_3, z).intoArray(c, o + 3 * L);
            o += ldc;
            va.fma(c4_0, z).intoArray(c, o);
            va.fma(c4_1, z).intoArray(c, o + L);
            va.fma(c4_2, z).intoArray(c, o + 2 * L);
            va.fma(c4_3, z).intoArray(c, o + 3 * L);
            o += ldc;
            va.fma(c5_0, z).intoArray(c, o);
            va.fma(c5_1, z).intoArray(c, o + L);
            va.fma(c5_2, z).intoArray(c, o + 2 * L);
            va.fma(c5_3, z).intoArray(c, o + 3 * L);
            return;
        }
        int o = co;
        va.fma(c0_0, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c0_1, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        va.fma(c0_2, FloatVector.fromArray(S, c, o + 2 * L).mul(vb)).intoArray(c, o + 2 * L);
        va.fma(c0_3, FloatVector.fromArray(S, c, o + 3 * L).mul(vb)).intoArray(c, o + 3 * L);
        o += ldc;
        va.fma(c1_0, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c1_1, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        va.fma(c1_2, FloatVector.fromArray(S, c, o + 2 * L).mul(vb)).intoArray(c, o + 2 * L);
        va.fma(c1_3, FloatVector.fromArray(S, c, o + 3 * L).mul(vb)).intoArray(c, o + 3 * L);
        o += ldc;
        va.fma(c2_0, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c2_1, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        va.fma(c2_2, FloatVector.fromArray(S, c, o + 2 * L).mul(vb)).intoArray(c, o + 2 * L);
        va.fma(c2_3, FloatVector.fromArray(S, c, o + 3 * L).mul(vb)).intoArray(c, o + 3 * L);
        o += ldc;
        va.fma(c3_0, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c3_1, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        va.fma(c3_2, FloatVector.fromArray(S, c, o + 2 * L).mul(vb)).intoArray(c, o + 2 * L);
        va.fma(c3_3, FloatVector.fromArray(S, c, o + 3 * L).mul(vb)).intoArray(c, o + 3 * L);
        o += ldc;
        va.fma(c4_0, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c4_1, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        va.fma(c4_2, FloatVector.fromArray(S, c, o + 2 * L).mul(vb)).intoArray(c, o + 2 * L);
        va.fma(c4_3, FloatVector.fromArray(S, c, o + 3 * L).mul(vb)).intoArray(c, o + 3 * L);
        o += ldc;
        va.fma(c5_0, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c5_1, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        va.fma(c5_2, FloatVector.fromArray(S, c, o + 2 * L).mul(vb)).intoArray(c, o + 2 * L);
        va.fma(c5_3, FloatVector.fromArray(S, c, o + 3 * L).mul(vb)).intoArray(c, o + 3 * L);
    }

    /** 12 full rows × NR columns of the small path, 24 accumulators: where TALL only. */
    private static void tallTile(int k, float[] a, int ao, int rs, float[] b, int bo, int ldb,
                                float alpha, float beta, float[] c, int co, int ldc) {
        int a1 = ao + rs, a2 = ao + 2 * rs, a3 = ao + 3 * rs, a4 = ao + 4 * rs, a5 = ao + 5 * rs, a6 = ao + 6 * rs;
        int a7 = ao + 7 * rs, a8 = ao + 8 * rs, a9 = ao + 9 * rs, a10 = ao + 10 * rs, a11 = ao + 11 * rs;
        FloatVector c0_0 = FloatVector.zero(S), c0_1 = c0_0, c1_0 = c0_0, c1_1 = c0_0, c2_0 = c0_0, c2_1 = c0_0, c3_0 = c0_0, c3_1 = c0_0;
        FloatVector c4_0 = c0_0, c4_1 = c0_0, c5_0 = c0_0, c5_1 = c0_0, c6_0 = c0_0, c6_1 = c0_0, c7_0 = c0_0, c7_1 = c0_0;
        FloatVector c8_0 = c0_0, c8_1 = c0_0, c9_0 = c0_0, c9_1 = c0_0, c10_0 = c0_0, c10_1 = c0_0, c11_0 = c0_0, c11_1 = c0_0;
        for (int p = 0; p < k; p++) {
            int bp = bo + p * ldb;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector x = FloatVector.broadcast(S, a[ao + p]);
            c0_0 = x.fma(b0, c0_0);
            c0_1 = x.fma(b1, c0_1);
            x = FloatVector.broadcast(S, a[a1 + p]);
            c1_0 = x.fma(b0, c1_0);
            c1_1 = x.fma(b1, c1_1);
            x = FloatVector.broadcast(S, a[a2 + p]);
            c2_0 = x.fma(b0, c2_0);
            c2_1 = x.fma(b1, c2_1);
            x = FloatVector.broadcast(S, a[a3 + p]);
            c3_0 = x.fma(b0, c3_0);
            c3_1 = x.fma(b1, c3_1);
            x = FloatVector.broadcast(S, a[a4 + p]);
            c4_0 = x.fma(b0, c4_0);
            c4_1 = x.fma(b1, c4_1);
            x = FloatVector.broadcast(S, a[a5 + p]);
            c5_0 = x.fma(b0, c5_0);
            c5_1 = x.fma(b1, c5_1);
            x = FloatVector.broadcast(S, a[a6 + p]);
            c6_0 = x.fma(b0, c6_0);
            c6_1 = x.fma(b1, c6_1);
            x = FloatVector.broadcast(S, a[a7 + p]);
            c7_0 = x.fma(b0, c7_0);
            c7_1 = x.fma(b1, c7_1);
            x = FloatVector.broadcast(S, a[a8 + p]);
            c8_0 = x.fma(b0, c8_0);
            c8_1 = x.fma(b1, c8_1);
            x = FloatVector.broadcast(S, a[a9 + p]);
            c9_0 = x.fma(b0, c9_0);
            c9_1 = x.fma(b1, c9_1);
            x = FloatVector.broadcast(S, a[a10 + p]);
            c10_0 = x.fma(b0, c10_0);
            c10_1 = x.fma(b1, c10_1);
            x = FloatVector.broadcast(S, a[a11 + p]);
            c11_0 = x.fma(b0, c11_0);
            c11_1 = x.fma(b1, c11_1);
        }
        FloatVector va = FloatVector.broadcast(S, alpha);
        FloatVector vb = FloatVector.broadcast(S, beta);
        FloatVector z = FloatVector.zero(S);
        // Two straight-line epilogues, not one with a per-row choice: a vector merged from
        // two branches (beta·C or zero) cost C2 retries of its intrinsics, and in the larger
        // tiles the last rows sometimes stayed boxed.
        if (beta == 0f) {
            int o = co;
            va.fma(c0_0, z).intoArray(c, o);
            va.fma(c0_1, z).intoArray(c, o + L);
            o += ldc;
            va.fma(c1_0, z).intoArray(c, o);
            va.fma(c1_1, z).intoArray(c, o + L);
            o += ldc;
            va.fma(c2_0, z).intoArray(c, o);
            va.fma(c2_1, z).intoArray(c, o + L);
            o += ldc;
            va.fma(c3_0, z).intoArray(c, o);
            va.fma(c3_1, z).intoArray(c, o + L);
            o += ldc;
            va.fma(c4_0, z).intoArray(c, o);
            va.fma(c4_1, z).intoArray(c, o + L);
            o += ldc;
            va.fma(c5_0, z).intoArray(c, o);
            va.fma(c5_1, z).intoArray(c, o + L);
            o += ldc;
            va.fma(c6_0, z).intoArray(c, o);
            va.fma(c6_1, z).intoArray(c, o + L);
            o += ldc;
            va.fma(c7_0, z).intoArray(c, o);
            va.fma(c7_1, z).intoArray(c, o + L);
            o += ldc;
            va.fma(c8_0, z).intoArray(c, o);
            va.fma(c8_1, z).intoArray(c, o + L);
            o += ldc;
            va.fma(c9_0, z).intoArray(c, o);
            va.fma(c9_1, z).intoArray(c, o + L);
            o += ldc;
            va.fma(c10_0, z).intoArray(c, o);
            va.fma(c10_1, z).intoArray(c, o + L);
            o += ldc;
            va.fma(c11_0, z).intoArray(c, o);
            va.fma(c11_1, z).intoArray(c, o + L);
            return;
        }
        int o = co;
        va.fma(c0_0, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c0_1, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        o += ldc;
        va.fma(c1_0, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c1_1, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        o += ldc;
        va.fma(c2_0, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c2_1, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        o += ldc;
        va.fma(c3_0, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c3_1, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        o += ldc;
        va.fma(c4_0, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c4_1, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        o += ldc;
        va.fma(c5_0, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c5_1, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        o += ldc;
        va.fma(c6_0, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c6_1, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        o += ldc;
        va.fma(c7_0, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c7_1, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        o += ldc;
        va.fma(c8_0, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c8_1, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        o += ldc;
        va.fma(c9_0, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c9_1, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        o += ldc;
        va.fma(c10_0, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c10_1, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        o += ldc;
        va.fma(c11_0, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c11_1, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
    }

    /** Up to 4 rows × 4 vectors (2·NR columns) of the small path, for 512-bit species only (see WIDE). */
    private static void wideTile(int k, float[] a, int ao, int rs, int cs, int rows, float[] b, int bo, int ldb,
                                 float alpha, float beta, float[] c, int co, int ldc) {
        int last = rows - 1;
        int a1 = ao + Math.min(1, last) * rs, a2 = ao + Math.min(2, last) * rs, a3 = ao + last * rs;
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00, c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00, c23 = c00, c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        for (int p = 0; p < k; p++) {
            int bp = bo + p * ldb, ap = p * cs;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bp + 3 * L);
            FloatVector x = FloatVector.broadcast(S, a[ao + ap]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            c03 = x.fma(b3, c03);
            x = FloatVector.broadcast(S, a[a1 + ap]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            c13 = x.fma(b3, c13);
            x = FloatVector.broadcast(S, a[a2 + ap]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            c23 = x.fma(b3, c23);
            x = FloatVector.broadcast(S, a[a3 + ap]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            c33 = x.fma(b3, c33);
        }
        FloatVector va = FloatVector.broadcast(S, alpha);
        FloatVector vb = FloatVector.broadcast(S, beta);
        FloatVector z = FloatVector.zero(S);
        // Two straight-line epilogues, not one with a per-row choice: a vector merged from
        // two branches (beta·C or zero) cost C2 retries of its intrinsics, and in the larger
        // tiles the last rows sometimes stayed boxed.
        if (beta == 0f) {
            int o = co;
            va.fma(c00, z).intoArray(c, o);
            va.fma(c01, z).intoArray(c, o + L);
            va.fma(c02, z).intoArray(c, o + 2 * L);
            va.fma(c03, z).intoArray(c, o + 3 * L);
            if (last < 1) return;
            o += ldc;
            va.fma(c10, z).intoArray(c, o);
            va.fma(c11, z).intoArray(c, o + L);
            va.fma(c12, z).intoArray(c, o + 2 * L);
            va.fma(c13, z).intoArray(c, o + 3 * L);
            if (last < 2) return;
            o += ldc;
            va.fma(c20, z).intoArray(c, o);
            va.fma(c21, z).intoArray(c, o + L);
            va.fma(c22, z).intoArray(c, o + 2 * L);
            va.fma(c23, z).intoArray(c, o + 3 * L);
            if (last < 3) return;
            o += ldc;
            va.fma(c30, z).intoArray(c, o);
            va.fma(c31, z).intoArray(c, o + L);
            va.fma(c32, z).intoArray(c, o + 2 * L);
            va.fma(c33, z).intoArray(c, o + 3 * L);
            return;
        }
        int o = co;
        va.fma(c00, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c01, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        va.fma(c02, FloatVector.fromArray(S, c, o + 2 * L).mul(vb)).intoArray(c, o + 2 * L);
        va.fma(c03, FloatVector.fromArray(S, c, o + 3 * L).mul(vb)).intoArray(c, o + 3 * L);
        if (last < 1) return;
        o += ldc;
        va.fma(c10, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c11, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        va.fma(c12, FloatVector.fromArray(S, c, o + 2 * L).mul(vb)).intoArray(c, o + 2 * L);
        va.fma(c13, FloatVector.fromArray(S, c, o + 3 * L).mul(vb)).intoArray(c, o + 3 * L);
        if (last < 2) return;
        o += ldc;
        va.fma(c20, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c21, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        va.fma(c22, FloatVector.fromArray(S, c, o + 2 * L).mul(vb)).intoArray(c, o + 2 * L);
        va.fma(c23, FloatVector.fromArray(S, c, o + 3 * L).mul(vb)).intoArray(c, o + 3 * L);
        if (last < 3) return;
        o += ldc;
        va.fma(c30, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c31, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        va.fma(c32, FloatVector.fromArray(S, c, o + 2 * L).mul(vb)).intoArray(c, o + 2 * L);
        va.fma(c33, FloatVector.fromArray(S, c, o + 3 * L).mul(vb)).intoArray(c, o + 3 * L);
    }

    /**
     * Up to SMR rows × NR columns of the small path. Rows 6 and 7 are guarded by the constant
     * SMR, so where SMR = 6 C2 drops them and their accumulators.
     */
    private static void smallTile(int k, float[] a, int ao, int rs, int cs, int rows, float[] b, int bo, int ldb,
                                  float alpha, float beta, float[] c, int co, int ldc) {
        int last = rows - 1;
        int a1 = ao + Math.min(1, last) * rs, a2 = ao + Math.min(2, last) * rs, a3 = ao + Math.min(3, last) * rs;
        int a4 = ao + Math.min(4, last) * rs, a5 = ao + Math.min(5, last) * rs, a6 = ao + Math.min(6, last) * rs;
        int a7 = ao + last * rs;
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00, c60 = c00, c61 = c00, c70 = c00, c71 = c00;
        for (int p = 0; p < k; p++) {
            int bp = bo + p * ldb, ap = p * cs;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector x = FloatVector.broadcast(S, a[ao + ap]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[a1 + ap]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[a2 + ap]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[a3 + ap]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, a[a4 + ap]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, a[a5 + ap]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            if (SMR == 8) {
                x = FloatVector.broadcast(S, a[a6 + ap]);
                c60 = x.fma(b0, c60);
                c61 = x.fma(b1, c61);
                x = FloatVector.broadcast(S, a[a7 + ap]);
                c70 = x.fma(b0, c70);
                c71 = x.fma(b1, c71);
                }
        }
        // Row by row, stopping after the last real row: whole NR columns always fit in C.
        FloatVector va = FloatVector.broadcast(S, alpha);
        FloatVector vb = FloatVector.broadcast(S, beta);
        FloatVector z = FloatVector.zero(S);
        // Two straight-line epilogues, not one with a per-row choice: a vector merged from
        // two branches (beta·C or zero) cost C2 retries of its intrinsics, and in the larger
        // tiles the last rows sometimes stayed boxed.
        if (beta == 0f) {
            int o = co;
            va.fma(c00, z).intoArray(c, o);
            va.fma(c01, z).intoArray(c, o + L);
            if (last < 1) return;
            o += ldc;
            va.fma(c10, z).intoArray(c, o);
            va.fma(c11, z).intoArray(c, o + L);
            if (last < 2) return;
            o += ldc;
            va.fma(c20, z).intoArray(c, o);
            va.fma(c21, z).intoArray(c, o + L);
            if (last < 3) return;
            o += ldc;
            va.fma(c30, z).intoArray(c, o);
            va.fma(c31, z).intoArray(c, o + L);
            if (last < 4) return;
            o += ldc;
            va.fma(c40, z).intoArray(c, o);
            va.fma(c41, z).intoArray(c, o + L);
            if (last < 5) return;
            o += ldc;
            va.fma(c50, z).intoArray(c, o);
            va.fma(c51, z).intoArray(c, o + L);
            if (SMR < 8 || last < 6) return;
            o += ldc;
            va.fma(c60, z).intoArray(c, o);
            va.fma(c61, z).intoArray(c, o + L);
            if (last < 7) return;
            o += ldc;
            va.fma(c70, z).intoArray(c, o);
            va.fma(c71, z).intoArray(c, o + L);
            return;
        }
        int o = co;
        va.fma(c00, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c01, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        if (last < 1) return;
        o += ldc;
        va.fma(c10, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c11, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        if (last < 2) return;
        o += ldc;
        va.fma(c20, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c21, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        if (last < 3) return;
        o += ldc;
        va.fma(c30, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c31, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        if (last < 4) return;
        o += ldc;
        va.fma(c40, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c41, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        if (last < 5) return;
        o += ldc;
        va.fma(c50, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c51, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        if (SMR < 8 || last < 6) return;
        o += ldc;
        va.fma(c60, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c61, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        if (last < 7) return;
        o += ldc;
        va.fma(c70, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c71, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
    }

    // ---- generated by kernels/gen-gemm-trans.py from the tiles above (rs = 1 and cs = 1 twins): do not edit ----

    /** {@link #columnTile} for whole rows of a transposed A (rs = 1), broadcasting a[ap + r]: see gen-gemm-trans.py. */
    private static void columnTileTrans(int k, float[] a, int ao, int cs, int rows, float[] b, int bo, int ldb,
                                        float alpha, float beta, float[] c, int co, int ldc) {
        int last = rows - 1;
        FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0, s4 = s0, s5 = s0, s6 = s0, s7 = s0;
        for (int p = 0; p < k; p++) {
            FloatVector bv = FloatVector.fromArray(S, b, bo + p * ldb);
            int ap = ao + p * cs;
            s0 = FloatVector.broadcast(S, a[ap]).fma(bv, s0);
            s1 = FloatVector.broadcast(S, a[ap + 1]).fma(bv, s1);
            s2 = FloatVector.broadcast(S, a[ap + 2]).fma(bv, s2);
            s3 = FloatVector.broadcast(S, a[ap + 3]).fma(bv, s3);
            s4 = FloatVector.broadcast(S, a[ap + 4]).fma(bv, s4);
            s5 = FloatVector.broadcast(S, a[ap + 5]).fma(bv, s5);
            s6 = FloatVector.broadcast(S, a[ap + 6]).fma(bv, s6);
            s7 = FloatVector.broadcast(S, a[ap + 7]).fma(bv, s7);
        }
        // Row by row, stopping after the last real row.
        FloatVector va = FloatVector.broadcast(S, alpha);
        FloatVector vb = FloatVector.broadcast(S, beta);
        FloatVector z = FloatVector.zero(S);
        // Two straight-line epilogues, not one with a per-row choice: a vector merged from
        // two branches (beta·C or zero) cost C2 retries of its intrinsics, and in the larger
        // tiles the last rows sometimes stayed boxed.
        if (beta == 0f) {
            int o = co;
            va.fma(s0, z).intoArray(c, o);
            if (last < 1) return;
            o += ldc;
            va.fma(s1, z).intoArray(c, o);
            if (last < 2) return;
            o += ldc;
            va.fma(s2, z).intoArray(c, o);
            if (last < 3) return;
            o += ldc;
            va.fma(s3, z).intoArray(c, o);
            if (last < 4) return;
            o += ldc;
            va.fma(s4, z).intoArray(c, o);
            if (last < 5) return;
            o += ldc;
            va.fma(s5, z).intoArray(c, o);
            if (last < 6) return;
            o += ldc;
            va.fma(s6, z).intoArray(c, o);
            if (last < 7) return;
            o += ldc;
            va.fma(s7, z).intoArray(c, o);
            return;
        }
        int o = co;
        va.fma(s0, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        if (last < 1) return;
        o += ldc;
        va.fma(s1, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        if (last < 2) return;
        o += ldc;
        va.fma(s2, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        if (last < 3) return;
        o += ldc;
        va.fma(s3, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        if (last < 4) return;
        o += ldc;
        va.fma(s4, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        if (last < 5) return;
        o += ldc;
        va.fma(s5, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        if (last < 6) return;
        o += ldc;
        va.fma(s6, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        if (last < 7) return;
        o += ldc;
        va.fma(s7, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
    }

    /** {@link #tallWideTile} for whole rows of a transposed A (rs = 1), broadcasting a[ap + r]: see gen-gemm-trans.py. */
    private static void tallWideTileTrans(int k, float[] a, int ao, int cs, float[] b, int bo, int ldb,
                                         float alpha, float beta, float[] c, int co, int ldc) {
        FloatVector c0_0 = FloatVector.zero(S), c0_1 = c0_0, c0_2 = c0_0, c0_3 = c0_0, c1_0 = c0_0, c1_1 = c0_0, c1_2 = c0_0, c1_3 = c0_0;
        FloatVector c2_0 = c0_0, c2_1 = c0_0, c2_2 = c0_0, c2_3 = c0_0, c3_0 = c0_0, c3_1 = c0_0, c3_2 = c0_0, c3_3 = c0_0;
        FloatVector c4_0 = c0_0, c4_1 = c0_0, c4_2 = c0_0, c4_3 = c0_0, c5_0 = c0_0, c5_1 = c0_0, c5_2 = c0_0, c5_3 = c0_0;
        for (int p = 0; p < k; p++) {
            int bp = bo + p * ldb, ap = ao + p * cs;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bp + 3 * L);
            FloatVector x = FloatVector.broadcast(S, a[ap]);
            c0_0 = x.fma(b0, c0_0);
            c0_1 = x.fma(b1, c0_1);
            c0_2 = x.fma(b2, c0_2);
            c0_3 = x.fma(b3, c0_3);
            x = FloatVector.broadcast(S, a[ap + 1]);
            c1_0 = x.fma(b0, c1_0);
            c1_1 = x.fma(b1, c1_1);
            c1_2 = x.fma(b2, c1_2);
            c1_3 = x.fma(b3, c1_3);
            x = FloatVector.broadcast(S, a[ap + 2]);
            c2_0 = x.fma(b0, c2_0);
            c2_1 = x.fma(b1, c2_1);
            c2_2 = x.fma(b2, c2_2);
            c2_3 = x.fma(b3, c2_3);
            x = FloatVector.broadcast(S, a[ap + 3]);
            c3_0 = x.fma(b0, c3_0);
            c3_1 = x.fma(b1, c3_1);
            c3_2 = x.fma(b2, c3_2);
            c3_3 = x.fma(b3, c3_3);
            x = FloatVector.broadcast(S, a[ap + 4]);
            c4_0 = x.fma(b0, c4_0);
            c4_1 = x.fma(b1, c4_1);
            c4_2 = x.fma(b2, c4_2);
            c4_3 = x.fma(b3, c4_3);
            x = FloatVector.broadcast(S, a[ap + 5]);
            c5_0 = x.fma(b0, c5_0);
            c5_1 = x.fma(b1, c5_1);
            c5_2 = x.fma(b2, c5_2);
            c5_3 = x.fma(b3, c5_3);
        }
        FloatVector va = FloatVector.broadcast(S, alpha);
        FloatVector vb = FloatVector.broadcast(S, beta);
        FloatVector z = FloatVector.zero(S);
        // Two straight-line epilogues, not one with a per-row choice: a vector merged from
        // two branches (beta·C or zero) cost C2 retries of its intrinsics, and in the larger
        // tiles the last rows sometimes stayed boxed.
        if (beta == 0f) {
            int o = co;
            va.fma(c0_0, z).intoArray(c, o);
            va.fma(c0_1, z).intoArray(c, o + L);
            va.fma(c0_2, z).intoArray(c, o + 2 * L);
            va.fma(c0_3, z).intoArray(c, o + 3 * L);
            o += ldc;
            va.fma(c1_0, z).intoArray(c, o);
            va.fma(c1_1, z).intoArray(c, o + L);
            va.fma(c1_2, z).intoArray(c, o + 2 * L);
            va.fma(c1_3, z).intoArray(c, o + 3 * L);
            o += ldc;
            va.fma(c2_0, z).intoArray(c, o);
            va.fma(c2_1, z).intoArray(c, o + L);
            va.fma(c2_2, z).intoArray(c, o + 2 * L);
            va.fma(c2_3, z).intoArray(c, o + 3 * L);
            o += ldc;
            va.fma(c3_0, z).intoArray(c, o);
            va.fma(c3_1, z).intoArray(c, o + L);
            va.fma(c3_2, z).intoArray(c, o + 2 * L);
            va.fma(c3_3, z).intoArray(c, o + 3 * L);
            o += ldc;
            va.fma(c4_0, z).intoArray(c, o);
            va.fma(c4_1, z).intoArray(c, o + L);
            va.fma(c4_2, z).intoArray(c, o + 2 * L);
            va.fma(c4_3, z).intoArray(c, o + 3 * L);
            o += ldc;
            va.fma(c5_0, z).intoArray(c, o);
            va.fma(c5_1, z).intoArray(c, o + L);
            va.fma(c5_2, z).intoArray(c, o + 2 * L);
            va.fma(c5_3, z).intoArray(c, o + 3 * L);
            return;
        }
        int o = co;
        va.fma(c0_0, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c0_1, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        va.fma(c0_2, FloatVector.fromArray(S, c, o + 2 * L).mul(vb)).intoArray(c, o + 2 * L);
        va.fma(c0_3, FloatVector.fromArray(S, c, o + 3 * L).mul(vb)).intoArray(c, o + 3 * L);
        o += ldc;
        va.fma(c1_0, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c1_1, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        va.fma(c1_2, FloatVector.fromArray(S, c, o + 2 * L).mul(vb)).intoArray(c, o + 2 * L);
        va.fma(c1_3, FloatVector.fromArray(S, c, o + 3 * L).mul(vb)).intoArray(c, o + 3 * L);
        o += ldc;
        va.fma(c2_0, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c2_1, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        va.fma(c2_2, FloatVector.fromArray(S, c, o + 2 * L).mul(vb)).intoArray(c, o + 2 * L);
        va.fma(c2_3, FloatVector.fromArray(S, c, o + 3 * L).mul(vb)).intoArray(c, o + 3 * L);
        o += ldc;
        va.fma(c3_0, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c3_1, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        va.fma(c3_2, FloatVector.fromArray(S, c, o + 2 * L).mul(vb)).intoArray(c, o + 2 * L);
        va.fma(c3_3, FloatVector.fromArray(S, c, o + 3 * L).mul(vb)).intoArray(c, o + 3 * L);
        o += ldc;
        va.fma(c4_0, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c4_1, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        va.fma(c4_2, FloatVector.fromArray(S, c, o + 2 * L).mul(vb)).intoArray(c, o + 2 * L);
        va.fma(c4_3, FloatVector.fromArray(S, c, o + 3 * L).mul(vb)).intoArray(c, o + 3 * L);
        o += ldc;
        va.fma(c5_0, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c5_1, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        va.fma(c5_2, FloatVector.fromArray(S, c, o + 2 * L).mul(vb)).intoArray(c, o + 2 * L);
        va.fma(c5_3, FloatVector.fromArray(S, c, o + 3 * L).mul(vb)).intoArray(c, o + 3 * L);
    }

    /** {@link #tallTile} for whole rows of a transposed A (rs = 1), broadcasting a[ap + r]: see gen-gemm-trans.py. */
    private static void tallTileTrans(int k, float[] a, int ao, int cs, float[] b, int bo, int ldb,
                                     float alpha, float beta, float[] c, int co, int ldc) {
        FloatVector c0_0 = FloatVector.zero(S), c0_1 = c0_0, c1_0 = c0_0, c1_1 = c0_0, c2_0 = c0_0, c2_1 = c0_0, c3_0 = c0_0, c3_1 = c0_0;
        FloatVector c4_0 = c0_0, c4_1 = c0_0, c5_0 = c0_0, c5_1 = c0_0, c6_0 = c0_0, c6_1 = c0_0, c7_0 = c0_0, c7_1 = c0_0;
        FloatVector c8_0 = c0_0, c8_1 = c0_0, c9_0 = c0_0, c9_1 = c0_0, c10_0 = c0_0, c10_1 = c0_0, c11_0 = c0_0, c11_1 = c0_0;
        for (int p = 0; p < k; p++) {
            int bp = bo + p * ldb, ap = ao + p * cs;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector x = FloatVector.broadcast(S, a[ap]);
            c0_0 = x.fma(b0, c0_0);
            c0_1 = x.fma(b1, c0_1);
            x = FloatVector.broadcast(S, a[ap + 1]);
            c1_0 = x.fma(b0, c1_0);
            c1_1 = x.fma(b1, c1_1);
            x = FloatVector.broadcast(S, a[ap + 2]);
            c2_0 = x.fma(b0, c2_0);
            c2_1 = x.fma(b1, c2_1);
            x = FloatVector.broadcast(S, a[ap + 3]);
            c3_0 = x.fma(b0, c3_0);
            c3_1 = x.fma(b1, c3_1);
            x = FloatVector.broadcast(S, a[ap + 4]);
            c4_0 = x.fma(b0, c4_0);
            c4_1 = x.fma(b1, c4_1);
            x = FloatVector.broadcast(S, a[ap + 5]);
            c5_0 = x.fma(b0, c5_0);
            c5_1 = x.fma(b1, c5_1);
            x = FloatVector.broadcast(S, a[ap + 6]);
            c6_0 = x.fma(b0, c6_0);
            c6_1 = x.fma(b1, c6_1);
            x = FloatVector.broadcast(S, a[ap + 7]);
            c7_0 = x.fma(b0, c7_0);
            c7_1 = x.fma(b1, c7_1);
            x = FloatVector.broadcast(S, a[ap + 8]);
            c8_0 = x.fma(b0, c8_0);
            c8_1 = x.fma(b1, c8_1);
            x = FloatVector.broadcast(S, a[ap + 9]);
            c9_0 = x.fma(b0, c9_0);
            c9_1 = x.fma(b1, c9_1);
            x = FloatVector.broadcast(S, a[ap + 10]);
            c10_0 = x.fma(b0, c10_0);
            c10_1 = x.fma(b1, c10_1);
            x = FloatVector.broadcast(S, a[ap + 11]);
            c11_0 = x.fma(b0, c11_0);
            c11_1 = x.fma(b1, c11_1);
        }
        FloatVector va = FloatVector.broadcast(S, alpha);
        FloatVector vb = FloatVector.broadcast(S, beta);
        FloatVector z = FloatVector.zero(S);
        // Two straight-line epilogues, not one with a per-row choice: a vector merged from
        // two branches (beta·C or zero) cost C2 retries of its intrinsics, and in the larger
        // tiles the last rows sometimes stayed boxed.
        if (beta == 0f) {
            int o = co;
            va.fma(c0_0, z).intoArray(c, o);
            va.fma(c0_1, z).intoArray(c, o + L);
            o += ldc;
            va.fma(c1_0, z).intoArray(c, o);
            va.fma(c1_1, z).intoArray(c, o + L);
            o += ldc;
            va.fma(c2_0, z).intoArray(c, o);
            va.fma(c2_1, z).intoArray(c, o + L);
            o += ldc;
            va.fma(c3_0, z).intoArray(c, o);
            va.fma(c3_1, z).intoArray(c, o + L);
            o += ldc;
            va.fma(c4_0, z).intoArray(c, o);
            va.fma(c4_1, z).intoArray(c, o + L);
            o += ldc;
            va.fma(c5_0, z).intoArray(c, o);
            va.fma(c5_1, z).intoArray(c, o + L);
            o += ldc;
            va.fma(c6_0, z).intoArray(c, o);
            va.fma(c6_1, z).intoArray(c, o + L);
            o += ldc;
            va.fma(c7_0, z).intoArray(c, o);
            va.fma(c7_1, z).intoArray(c, o + L);
            o += ldc;
            va.fma(c8_0, z).intoArray(c, o);
            va.fma(c8_1, z).intoArray(c, o + L);
            o += ldc;
            va.fma(c9_0, z).intoArray(c, o);
            va.fma(c9_1, z).intoArray(c, o + L);
            o += ldc;
            va.fma(c10_0, z).intoArray(c, o);
            va.fma(c10_1, z).intoArray(c, o + L);
            o += ldc;
            va.fma(c11_0, z).intoArray(c, o);
            va.fma(c11_1, z).intoArray(c, o + L);
            return;
        }
        int o = co;
        va.fma(c0_0, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c0_1, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        o += ldc;
        va.fma(c1_0, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c1_1, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        o += ldc;
        va.fma(c2_0, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c2_1, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        o += ldc;
        va.fma(c3_0, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c3_1, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        o += ldc;
        va.fma(c4_0, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c4_1, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        o += ldc;
        va.fma(c5_0, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c5_1, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        o += ldc;
        va.fma(c6_0, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c6_1, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        o += ldc;
        va.fma(c7_0, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c7_1, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        o += ldc;
        va.fma(c8_0, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c8_1, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        o += ldc;
        va.fma(c9_0, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c9_1, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        o += ldc;
        va.fma(c10_0, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c10_1, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        o += ldc;
        va.fma(c11_0, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c11_1, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
    }

    /** {@link #wideTile} for whole rows of a transposed A (rs = 1), broadcasting a[ap + r]: see gen-gemm-trans.py. */
    private static void wideTileTrans(int k, float[] a, int ao, int cs, int rows, float[] b, int bo, int ldb,
                                      float alpha, float beta, float[] c, int co, int ldc) {
        int last = rows - 1;
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00, c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00, c23 = c00, c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        for (int p = 0; p < k; p++) {
            int bp = bo + p * ldb, ap = ao + p * cs;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bp + 3 * L);
            FloatVector x = FloatVector.broadcast(S, a[ap]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            c03 = x.fma(b3, c03);
            x = FloatVector.broadcast(S, a[ap + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            c13 = x.fma(b3, c13);
            x = FloatVector.broadcast(S, a[ap + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            c23 = x.fma(b3, c23);
            x = FloatVector.broadcast(S, a[ap + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            c33 = x.fma(b3, c33);
        }
        FloatVector va = FloatVector.broadcast(S, alpha);
        FloatVector vb = FloatVector.broadcast(S, beta);
        FloatVector z = FloatVector.zero(S);
        // Two straight-line epilogues, not one with a per-row choice: a vector merged from
        // two branches (beta·C or zero) cost C2 retries of its intrinsics, and in the larger
        // tiles the last rows sometimes stayed boxed.
        if (beta == 0f) {
            int o = co;
            va.fma(c00, z).intoArray(c, o);
            va.fma(c01, z).intoArray(c, o + L);
            va.fma(c02, z).intoArray(c, o + 2 * L);
            va.fma(c03, z).intoArray(c, o + 3 * L);
            if (last < 1) return;
            o += ldc;
            va.fma(c10, z).intoArray(c, o);
            va.fma(c11, z).intoArray(c, o + L);
            va.fma(c12, z).intoArray(c, o + 2 * L);
            va.fma(c13, z).intoArray(c, o + 3 * L);
            if (last < 2) return;
            o += ldc;
            va.fma(c20, z).intoArray(c, o);
            va.fma(c21, z).intoArray(c, o + L);
            va.fma(c22, z).intoArray(c, o + 2 * L);
            va.fma(c23, z).intoArray(c, o + 3 * L);
            if (last < 3) return;
            o += ldc;
            va.fma(c30, z).intoArray(c, o);
            va.fma(c31, z).intoArray(c, o + L);
            va.fma(c32, z).intoArray(c, o + 2 * L);
            va.fma(c33, z).intoArray(c, o + 3 * L);
            return;
        }
        int o = co;
        va.fma(c00, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c01, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        va.fma(c02, FloatVector.fromArray(S, c, o + 2 * L).mul(vb)).intoArray(c, o + 2 * L);
        va.fma(c03, FloatVector.fromArray(S, c, o + 3 * L).mul(vb)).intoArray(c, o + 3 * L);
        if (last < 1) return;
        o += ldc;
        va.fma(c10, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c11, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        va.fma(c12, FloatVector.fromArray(S, c, o + 2 * L).mul(vb)).intoArray(c, o + 2 * L);
        va.fma(c13, FloatVector.fromArray(S, c, o + 3 * L).mul(vb)).intoArray(c, o + 3 * L);
        if (last < 2) return;
        o += ldc;
        va.fma(c20, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c21, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        va.fma(c22, FloatVector.fromArray(S, c, o + 2 * L).mul(vb)).intoArray(c, o + 2 * L);
        va.fma(c23, FloatVector.fromArray(S, c, o + 3 * L).mul(vb)).intoArray(c, o + 3 * L);
        if (last < 3) return;
        o += ldc;
        va.fma(c30, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c31, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        va.fma(c32, FloatVector.fromArray(S, c, o + 2 * L).mul(vb)).intoArray(c, o + 2 * L);
        va.fma(c33, FloatVector.fromArray(S, c, o + 3 * L).mul(vb)).intoArray(c, o + 3 * L);
    }

    /** {@link #smallTile} for whole rows of a transposed A (rs = 1), broadcasting a[ap + r]: see gen-gemm-trans.py. */
    private static void smallTileTrans(int k, float[] a, int ao, int cs, int rows, float[] b, int bo, int ldb,
                                       float alpha, float beta, float[] c, int co, int ldc) {
        int last = rows - 1;
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00, c60 = c00, c61 = c00, c70 = c00, c71 = c00;
        for (int p = 0; p < k; p++) {
            int bp = bo + p * ldb, ap = ao + p * cs;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector x = FloatVector.broadcast(S, a[ap]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[ap + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[ap + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[ap + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, a[ap + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, a[ap + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            if (SMR == 8) {
                x = FloatVector.broadcast(S, a[ap + 6]);
                c60 = x.fma(b0, c60);
                c61 = x.fma(b1, c61);
                x = FloatVector.broadcast(S, a[ap + 7]);
                c70 = x.fma(b0, c70);
                c71 = x.fma(b1, c71);
                }
        }
        // Row by row, stopping after the last real row: whole NR columns always fit in C.
        FloatVector va = FloatVector.broadcast(S, alpha);
        FloatVector vb = FloatVector.broadcast(S, beta);
        FloatVector z = FloatVector.zero(S);
        // Two straight-line epilogues, not one with a per-row choice: a vector merged from
        // two branches (beta·C or zero) cost C2 retries of its intrinsics, and in the larger
        // tiles the last rows sometimes stayed boxed.
        if (beta == 0f) {
            int o = co;
            va.fma(c00, z).intoArray(c, o);
            va.fma(c01, z).intoArray(c, o + L);
            if (last < 1) return;
            o += ldc;
            va.fma(c10, z).intoArray(c, o);
            va.fma(c11, z).intoArray(c, o + L);
            if (last < 2) return;
            o += ldc;
            va.fma(c20, z).intoArray(c, o);
            va.fma(c21, z).intoArray(c, o + L);
            if (last < 3) return;
            o += ldc;
            va.fma(c30, z).intoArray(c, o);
            va.fma(c31, z).intoArray(c, o + L);
            if (last < 4) return;
            o += ldc;
            va.fma(c40, z).intoArray(c, o);
            va.fma(c41, z).intoArray(c, o + L);
            if (last < 5) return;
            o += ldc;
            va.fma(c50, z).intoArray(c, o);
            va.fma(c51, z).intoArray(c, o + L);
            if (SMR < 8 || last < 6) return;
            o += ldc;
            va.fma(c60, z).intoArray(c, o);
            va.fma(c61, z).intoArray(c, o + L);
            if (last < 7) return;
            o += ldc;
            va.fma(c70, z).intoArray(c, o);
            va.fma(c71, z).intoArray(c, o + L);
            return;
        }
        int o = co;
        va.fma(c00, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c01, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        if (last < 1) return;
        o += ldc;
        va.fma(c10, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c11, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        if (last < 2) return;
        o += ldc;
        va.fma(c20, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c21, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        if (last < 3) return;
        o += ldc;
        va.fma(c30, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c31, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        if (last < 4) return;
        o += ldc;
        va.fma(c40, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c41, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        if (last < 5) return;
        o += ldc;
        va.fma(c50, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c51, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        if (SMR < 8 || last < 6) return;
        o += ldc;
        va.fma(c60, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c61, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        if (last < 7) return;
        o += ldc;
        va.fma(c70, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c71, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
    }

    /** {@link #wideTile} for an A that is not transposed (cs = 1), broadcasting a[a_r + p]: see gen-gemm-trans.py. */
    private static void wideTileUnit(int k, float[] a, int ao, int rs, int rows, float[] b, int bo, int ldb,
                                     float alpha, float beta, float[] c, int co, int ldc) {
        int last = rows - 1;
        int a1 = ao + Math.min(1, last) * rs, a2 = ao + Math.min(2, last) * rs, a3 = ao + last * rs;
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00, c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00, c23 = c00, c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        for (int p = 0; p < k; p++) {
            int bp = bo + p * ldb;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bp + 3 * L);
            FloatVector x = FloatVector.broadcast(S, a[ao + p]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            c03 = x.fma(b3, c03);
            x = FloatVector.broadcast(S, a[a1 + p]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            c13 = x.fma(b3, c13);
            x = FloatVector.broadcast(S, a[a2 + p]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            c23 = x.fma(b3, c23);
            x = FloatVector.broadcast(S, a[a3 + p]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            c33 = x.fma(b3, c33);
        }
        FloatVector va = FloatVector.broadcast(S, alpha);
        FloatVector vb = FloatVector.broadcast(S, beta);
        FloatVector z = FloatVector.zero(S);
        // Two straight-line epilogues, not one with a per-row choice: a vector merged from
        // two branches (beta·C or zero) cost C2 retries of its intrinsics, and in the larger
        // tiles the last rows sometimes stayed boxed.
        if (beta == 0f) {
            int o = co;
            va.fma(c00, z).intoArray(c, o);
            va.fma(c01, z).intoArray(c, o + L);
            va.fma(c02, z).intoArray(c, o + 2 * L);
            va.fma(c03, z).intoArray(c, o + 3 * L);
            if (last < 1) return;
            o += ldc;
            va.fma(c10, z).intoArray(c, o);
            va.fma(c11, z).intoArray(c, o + L);
            va.fma(c12, z).intoArray(c, o + 2 * L);
            va.fma(c13, z).intoArray(c, o + 3 * L);
            if (last < 2) return;
            o += ldc;
            va.fma(c20, z).intoArray(c, o);
            va.fma(c21, z).intoArray(c, o + L);
            va.fma(c22, z).intoArray(c, o + 2 * L);
            va.fma(c23, z).intoArray(c, o + 3 * L);
            if (last < 3) return;
            o += ldc;
            va.fma(c30, z).intoArray(c, o);
            va.fma(c31, z).intoArray(c, o + L);
            va.fma(c32, z).intoArray(c, o + 2 * L);
            va.fma(c33, z).intoArray(c, o + 3 * L);
            return;
        }
        int o = co;
        va.fma(c00, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c01, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        va.fma(c02, FloatVector.fromArray(S, c, o + 2 * L).mul(vb)).intoArray(c, o + 2 * L);
        va.fma(c03, FloatVector.fromArray(S, c, o + 3 * L).mul(vb)).intoArray(c, o + 3 * L);
        if (last < 1) return;
        o += ldc;
        va.fma(c10, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c11, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        va.fma(c12, FloatVector.fromArray(S, c, o + 2 * L).mul(vb)).intoArray(c, o + 2 * L);
        va.fma(c13, FloatVector.fromArray(S, c, o + 3 * L).mul(vb)).intoArray(c, o + 3 * L);
        if (last < 2) return;
        o += ldc;
        va.fma(c20, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c21, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        va.fma(c22, FloatVector.fromArray(S, c, o + 2 * L).mul(vb)).intoArray(c, o + 2 * L);
        va.fma(c23, FloatVector.fromArray(S, c, o + 3 * L).mul(vb)).intoArray(c, o + 3 * L);
        if (last < 3) return;
        o += ldc;
        va.fma(c30, FloatVector.fromArray(S, c, o).mul(vb)).intoArray(c, o);
        va.fma(c31, FloatVector.fromArray(S, c, o + L).mul(vb)).intoArray(c, o + L);
        va.fma(c32, FloatVector.fromArray(S, c, o + 2 * L).mul(vb)).intoArray(c, o + 2 * L);
        va.fma(c33, FloatVector.fromArray(S, c, o + 3 * L).mul(vb)).intoArray(c, o + 3 * L);
    }
    // ---- end of the generated twins ----

    /** C[rows×cols] = fma(tile, alpha, beta·C): the vector epilogue's arithmetic, one element at a time. */
    private static void copyOut(float[] tile, int ldt, int rows, int cols, float alpha, float beta, float[] c, int co, int ldc) {
        for (int r = 0; r < rows; r++) {
            int o = co + r * ldc, t = r * ldt;
            for (int q = 0; q < cols; q++) {
                c[o + q] = Math.fma(tile[t + q], alpha, beta == 0f ? 0f : c[o + q] * beta);
            }
        }
    }
}
