package dev.basin.analysis.convergence;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FeatureTableTest {

    /** A 3-state trace whose features were worked out by hand. */
    @Test
    void featuresOfAHandComputedTrace() {
        double[][] params = {{1.5, -1.0, 2.0}, {1.0, 0.0, 0.5}, {0.5, -0.5, 0.0}};
        TraceData t = new TraceData(7, 11, "CONVERGED", new int[] {0, 1, 2}, new double[] {1, 0.5, 0}, new double[] {1, 1, 0}, params);
        FeatureTable ft = FeatureTable.build(List.of(t));
        assertEquals(2, ft.rows(), "the final state gives no row");
        assertArrayEquals(new double[] {2, 1}, ft.y, "epochs remaining");
        assertArrayEquals(new int[] {7, 7}, ft.trace);
        assertArrayEquals(new int[] {0, 1}, ft.epoch);
        assertEquals(18, ft.names.length);
        // Row 0: p = (1.5, −1, 2), f = (0.5, −0.5, 0), Δ = (1, −0.5, 2).
        double[] r = ft.x[0];
        double[] expected = {
                3.5,                                  // L1 = 1 + 0.5 + 2
                Math.sqrt(5.25),                      // L2 = √(1 + 0.25 + 4)
                1 - 1.25 / (Math.sqrt(7.25) * Math.sqrt(0.5)),  // p·f = 0.75 + 0.5 + 0 = 1.25
                1, 0.5, 2,                            // parameter-wise |Δ_i|
                1, -0.5, 2,                           // Δ_i
                1.5 / (0.5 + 1e-8), -1.0 / (-0.5 + 1e-8), 2.0 / (0 + 1e-8),
                Math.log(1 + 1e-8), Math.log(0.5 + 1e-8), Math.log(2 + 1e-8),
                -0.5, 2, -1};                         // Δ0Δ1, Δ0Δ2, Δ1Δ2
        assertArrayEquals(expected, r, 1e-12);
        assertEquals(ft.column("cosine_distance"), 2);
        assertEquals(ft.column("interaction_p1_p2"), 17);
    }

    @Test
    void biggerModelsGetTheDistanceBlock() {
        double[] f = FeatureTable.features(new double[] {1, 2, 3, 4}, new double[] {1, 2, 3, 0});
        assertArrayEquals(new double[] {4, 4, 1 - 14 / (Math.sqrt(30) * Math.sqrt(14)), 4}, f, 1e-12);
    }

    @Test
    void zeroVectorHasCosineDistanceOne() {
        assertEquals(1.0, FeatureTable.features(new double[] {0, 0, 0}, new double[] {1, 0, 0})[2]);
    }
}
