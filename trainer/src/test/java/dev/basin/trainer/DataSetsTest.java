package dev.basin.trainer;

import dev.basin.kernels.Activation;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class DataSetsTest {

    @Test
    void centeredXorHasTheDocumentedPoints() {
        DataSet d = DataSets.centeredXor();
        double[][] pts = {{-1, -1, 0}, {-1, 1, 1}, {1, -1, 1}, {1, 1, 0}};
        for (int r = 0; r < 4; r++) {
            assertEquals(pts[r][0], d.x(r, 0));
            assertEquals(pts[r][1], d.x(r, 1));
            assertEquals(pts[r][2], d.t(r, 0));
        }
    }

    @Test
    void randomPointsAreSeeded() {
        assertArrayEquals(DataSets.randomPoints(5, 3, 9).xCopy(), DataSets.randomPoints(5, 3, 9).xCopy());
        assertFalse(java.util.Arrays.equals(DataSets.randomPoints(5, 3, 9).xCopy(), DataSets.randomPoints(5, 3, 10).xCopy()));
    }

    @Test
    void gridAndUpperTriangularFeatures() {
        DataSet g = DataSets.grid(4, 1);
        for (int d = 0; d < 4; d++) assertEquals(d + 1, g.x(d, 0));
        DataSet f = FeatureMap.upperTriangular(4).apply(g);
        for (int d = 0; d < 4; d++) for (int i = 0; i < 4; i++) assertEquals(i >= d ? 1.0 : 0.0, f.x(d, i), "x'_" + (d + 1) + "," + (i + 1));
        DataSet v = FeatureMap.doubleVandermonde(3).apply(g);
        assertEquals(1 / (1 + Math.exp(-2.0 * 3)), v.x(2, 1), 1e-15);   // sigmoid(i·d) with i = 2, d = 3
    }

    @Test
    void blumRivestGadgetsAreCornersWithTheirNeighbours() {
        DataSet d = DataSets.blumRivest(5, 3);
        assertEquals(18, d.rows());
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int g = 0; g < 3; g++) {
            int corner = bits(d, g * 6);
            assertEquals(0.0, d.t(g * 6, 0));
            for (int k = 1; k <= 5; k++) {
                assertEquals(1.0, d.t(g * 6 + k, 0));
                assertEquals(1, Integer.bitCount(bits(d, g * 6 + k) ^ corner));
            }
            for (int k = 0; k < 6; k++) assertTrue(seen.add(bits(d, g * 6 + k)), "points of gadgets are disjoint");
        }
        assertThrows(IllegalArgumentException.class, () -> DataSets.blumRivest(3, 5));
    }

    static int bits(DataSet d, int row) {
        int v = 0;
        for (int i = 0; i < d.inputs(); i++) v |= (int) d.x(row, i) << i;
        return v;
    }

    @Test
    void randomFeatureLayerIsSeededAndShaped() {
        DataSet base = DataSets.randomPoints(6, 2, 1);
        DataSet a = FeatureMap.random(2, 9, Activation.RELU, 3).apply(base);
        assertEquals(9, a.inputs());
        assertArrayEquals(a.xCopy(), FeatureMap.random(2, 9, Activation.RELU, 3).apply(base).xCopy());
    }

    @Test
    void nonFiniteDataIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new DataSet("bad", 1, 1, new double[]{Double.NaN}, new double[]{0}));
    }
}
