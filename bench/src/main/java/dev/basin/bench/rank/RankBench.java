package dev.basin.bench.rank;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 5's speed target: a ReLU net 2 → 1024 → 1 on D = 512 points in float64 (P = 4,097).
 * The peer is bench/peers/rank_torch.py (functorch vmap(jacrev), svdvals, and J·Jᵀ + eigvalsh).
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -jar bench/target/benchmarks.jar 'rank.RankBench' -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class RankBench {

    @Param({"512"})
    int d;

    @Param({"1024"})
    int m;

    RankProblem problem;
    RankProblem.Work work;

    @Setup(Level.Trial)
    public void setUp() {
        problem = new RankProblem(d, 2, m, 42);
        work = problem.work();
    }

    /** The per-sample Jacobian J (D × P) alone. Peer: vmap(jacrev). */
    @Benchmark
    public double[] jacobian() {
        problem.jacobian(work);
        return work.j;
    }

    /** Structured Gram + symmetric eigenvalues + rank + σ_min, without forming J. */
    @Benchmark
    public double[] gramRankSigmaMin() {
        return problem.gramRankSigmaMin(work);
    }

    /** The target: Jacobian + Gram + rank + σ_min. Peer: vmap(jacrev) + J·Jᵀ + eigvalsh. */
    @Benchmark
    public double[] jacobianGramRankSigmaMin() {
        problem.jacobian(work);
        return problem.gramRankSigmaMin(work);
    }

    /** The target with σ_min refined through J to SVD accuracy (eigenvector + Rayleigh quotient). */
    @Benchmark
    public double[] jacobianGramRankSigmaMinRefined() {
        problem.jacobian(work);
        return problem.refinedSigmaMin(work);
    }
}
