package dev.basin.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The side-by-side harness's summary statistics. */
class GemmSideBySideTest {

    @Test
    void medianOfTwoJvmsIsTheirMeanNotTheUpperOne() {
        assertEquals(0.81, GemmSideBySide.quantile(new double[] {0.84, 0.78}, 0.5), 1e-12);
        assertEquals(2, GemmSideBySide.quantile(new double[] {3, 1, 2}, 0.5));
    }

    @Test
    void quartilesInterpolateBetweenOrderStatistics() {
        double[] x = {5, 1, 4, 2, 3};
        assertEquals(2, GemmSideBySide.quantile(x, 0.25));
        assertEquals(4, GemmSideBySide.quantile(x, 0.75));
        assertEquals(1.75, GemmSideBySide.quantile(new double[] {1, 2, 3, 4}, 0.25), 1e-12);
        assertEquals(1, GemmSideBySide.quantile(x, 0));
        assertEquals(5, GemmSideBySide.quantile(x, 1));
    }
}
