package dev.basin.kernels;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Check.gemm decides the common case by arithmetic on sign bits (see Check.outside); it must
 * pass exactly the calls that the per-condition checks pass, and fail the others with their
 * exception and message, whatever the values, extremes and overflowing products included.
 * (Its arithmetic may send a valid call to the detailed checks, which then pass it: only a
 * missed rejection could differ, and that is what these catch.)
 */
class CheckPropertiesTest {

    /** Small values, where operands just fit or just miss. */
    @Property(tries = 5000)
    void gemmAgreesWithTheDetailedChecksOnSmallValues(@ForAll boolean tA, @ForAll boolean tB,
            @ForAll @IntRange(min = -1, max = 6) int m, @ForAll @IntRange(min = -1, max = 6) int n,
            @ForAll @IntRange(min = -1, max = 6) int k,
            @ForAll @IntRange(min = 0, max = 40) int aLen, @ForAll @IntRange(min = -1, max = 4) int aOff,
            @ForAll @IntRange(min = -1, max = 7) int lda,
            @ForAll @IntRange(min = 0, max = 40) int bLen, @ForAll @IntRange(min = -1, max = 4) int bOff,
            @ForAll @IntRange(min = -1, max = 7) int ldb,
            @ForAll @IntRange(min = 0, max = 40) int cLen, @ForAll @IntRange(min = -1, max = 4) int cOff,
            @ForAll @IntRange(min = -1, max = 7) int ldc) {
        Statistics.collect(agree(tA, tB, m, n, k, aLen, aOff, lda, bLen, bOff, ldb, cLen, cOff, ldc));
        // Not vacuous: enough of the calls pass, and enough fail for being past an array's end.
        Statistics.coverage(c -> {
            c.check("passes").percentage(p -> p >= 1);
            c.check("IndexOutOfBoundsException: rejected").percentage(p -> p >= 5);
        });
    }

    /** Any values: extremes, and leading dimensions whose products overflow an int. */
    @Property(tries = 5000)
    void gemmAgreesWithTheDetailedChecksOnAnyValues(@ForAll boolean tA, @ForAll boolean tB,
            @ForAll int m, @ForAll int n, @ForAll int k, @ForAll int aLen, @ForAll int aOff, @ForAll int lda,
            @ForAll int bLen, @ForAll int bOff, @ForAll int ldb, @ForAll int cLen, @ForAll int cOff, @ForAll int ldc) {
        agree(tA, tB, m, n, k, aLen, aOff, lda, bLen, bOff, ldb, cLen, cOff, ldc);
    }

    /** A leading dimension whose product with the rows overflows an int still reaches past the array. */
    @Example
    void overflowingBlockIsRejected() {
        int ld = Integer.MAX_VALUE / 2 + 2;
        assertEquals("IndexOutOfBoundsException: rejected", agree(false, false, 3, 1, 1, 3, 0, 1, 1, 0, 1, 10, 0, ld));
    }

    /** Asserts both give the same outcome and returns its kind, for the statistics. */
    private static String agree(boolean tA, boolean tB, int m, int n, int k, int aLen, int aOff, int lda,
                                int bLen, int bOff, int ldb, int cLen, int cOff, int ldc) {
        String want = outcome(() -> {
            if (m < 0 || n < 0 || k < 0) throw new IllegalArgumentException("gemm shape is negative");
            Check.matrix("A", aLen, aOff, tA ? k : m, tA ? m : k, lda);
            Check.matrix("B", bLen, bOff, tB ? n : k, tB ? k : n, ldb);
            Check.matrix("C", cLen, cOff, m, n, ldc);
        });
        String got = outcome(() -> Check.gemm(tA, tB, m, n, k, aLen, aOff, lda, bLen, bOff, ldb, cLen, cOff, ldc));
        assertEquals(want, got);
        return want.equals("ok") ? "passes" : want.startsWith("gemm") ? "negative shape" : want.substring(0, want.indexOf(':') + 2) + "rejected";
    }

    /** "ok", or the exception's message prefixed by its class. */
    private static String outcome(Runnable call) {
        try {
            call.run();
            return "ok";
        } catch (RuntimeException e) {
            return e.getMessage().startsWith("gemm shape") ? "gemm shape is negative" : e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
