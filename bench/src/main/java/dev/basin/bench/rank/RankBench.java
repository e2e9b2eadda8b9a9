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
 * java --add-modules jdk.incubator.vector -jar bench/target/benchmarks.jar 'rank.RankBench' -f 1 -wi 3 -i 5 -w 2 -r 2
 * /usr/bin/python3 bench/peers/rank_torch.py --reps 15
 * java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar dev.basin.bench.rank.RankProblem
 * </pre>
 *
 * <p>Measured 2026-12-02 from bc59f03 (1 GEMM thread, load average 1.3–2.6): jacobian 2.05 ms,
 * jacobianGramRankSigmaMin 40.0, …Refined 38.5, …Fast 24.1 ms; PyTorch right after: vmap(jacrev)
 * 17.1 ms, Gram route 49.7 ms, svdvals route 236 ms. σ_min of the fast path 3.8e-14 relative to
 * svdvals. See bench/RESULTS.md.
 *
 * <p>Measured 2026-11-23 on this 2-core AMD EPYC (Zen 4, AVX-512) while other jobs kept the load
 * average at 5–10, so every number is noisy (two JMH runs a minute apart differed by up to 1.5×):
 * jacobian 11.4 / 6.9 ms, gramRankSigmaMin 44 / 66 ms, jacobianGramRankSigmaMin 104 / 69 ms,
 * …Refined 110 (±130) / 67 ms; PyTorch 1.13 on 1 thread at the same time: vmap(jacrev) 30.5 ms
 * (best 16.5), Gram route 70.6 ms (best 49), svdvals route 314 ms. Same rank (512); σ_min:
 * svdvals 0.0028130544880077125, basin refined 0.0028130544880076895 (8e-15 relative), basin
 * unrefined Gram route about 1e-8 to 1e-7 off (it squares κ(J) ≈ 8e4), PyTorch's Gram route 5.6e-10 off.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Dbasin.threads=1"})
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

    /**
     * The target as {@code basin rank} runs it: Jacobian, structured Gram, Cholesky + Lanczos for
     * λ_min (with its eigenvector) and λ_max, rank, σ_min refined through J.
     */
    @Benchmark
    public double[] jacobianGramRankSigmaMinFast() {
        problem.jacobian(work);
        return problem.fastSigmaMin(work);
    }

    /** The target with σ_min refined through J to SVD accuracy (eigenvector + Rayleigh quotient). */
    @Benchmark
    public double[] jacobianGramRankSigmaMinRefined() {
        problem.jacobian(work);
        return problem.refinedSigmaMin(work);
    }
}
