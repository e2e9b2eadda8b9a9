package dev.basin.analysis;

import dev.basin.kernels.Kernels;
import picocli.CommandLine.Command;

/** {@code basin bench}: a quick SIMD throughput table for this CPU. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Quick GFLOP/s table of the kernels on this CPU, scalar against SIMD (JMH in bench/ is the rigorous one).")
final class BenchCommand implements Runnable {
    @Override
    public void run() {
        System.out.println("kernels: " + Kernels.implementation());
    }
}
