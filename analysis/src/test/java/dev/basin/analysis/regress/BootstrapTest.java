package dev.basin.analysis.regress;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BootstrapTest {

    @Test
    void perfectPredictionsGiveADegenerateIntervalAtOne() {
        double[] y = {1, 2, 3, 4, 5, 6, 7, 8};
        int[] units = {0, 0, 1, 1, 2, 2, 3, 3};
        Bootstrap.Interval ci = Bootstrap.r2(y, y.clone(), units, 50, 1);
        assertEquals(1.0, ci.low());
        assertEquals(1.0, ci.high());
    }

    @Test
    void intervalBracketsThePointEstimate() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        int n = 500;
        double[] y = new double[n], p = new double[n];
        int[] units = new int[n];
        for (int i = 0; i < n; i++) { y[i] = r.nextGaussian(); p[i] = y[i] + 0.5 * r.nextGaussian(); units[i] = i; }
        double point = Metrics.of(y, p).r2();
        Bootstrap.Interval ci = Bootstrap.r2(y, p, units, 200, 2);
        assertTrue(ci.low() < point && point < ci.high(), ci + " vs " + point);
    }

    @Test
    void quantileInterpolatesLikeNumpy() {
        assertEquals(2.5, Bootstrap.quantile(new double[] {4, 1, 3, 2}, 0.5), 1e-15);
        assertEquals(1.075, Bootstrap.quantile(new double[] {1, 2, 3, 4}, 0.025), 1e-12);
    }
}
