package dev.basin.analysis.convergence;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TraceExperimentTest {

    static TraceExperiment.Settings settings(int threads) {
        return new TraceExperiment.Settings(ModelSpec.parse("abs", 0, "abs"), 0.05, 1e-3, 1e-6, 1000, 4, threads);
    }

    @Test
    void convergedTracesEndBelowTheToleranceAndDoNotDependOnThreads() {
        TraceExperiment.Outcome a = TraceExperiment.run(settings(1), 10, 200, n -> {});
        TraceExperiment.Outcome b = TraceExperiment.run(settings(2), 10, 200, n -> {});
        assertEquals(10, a.used().size());
        for (int i = 0; i < 10; i++) {
            TraceData t = a.used().get(i);
            assertTrue(t.converged() && t.loss()[t.states() - 1] < 1e-3 && t.loss()[t.states() - 2] >= 1e-3);
            assertEquals(t.states(), t.finalEpoch() + 1, "every epoch recorded");
            assertEquals(t.seed(), b.used().get(i).seed());
            assertEquals(t.finalEpoch(), b.used().get(i).finalEpoch());
        }
    }

    @Test
    void theBadEndPointIsALocalMinimum() {
        // W = 0, b = 1/2: the constant prediction 1/2, loss 1/4 (section 2 of the report).
        EndPointCheck.Curvature c = EndPointCheck.at(settings(1), new double[] {0, 0, 0.5});
        assertEquals("local minimum", c.kind());
        // Hessian of mean((w·x + b − t)²) there is 2·mean(x̃x̃ᵀ) with x̃ = (x, 1): eigenvalues 2, 2, 2.
        assertEquals(2.0, c.minEigen(), 1e-5);
        assertEquals(2.0, c.maxEigen(), 1e-5);
    }
}
