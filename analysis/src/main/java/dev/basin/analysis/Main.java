package dev.basin.analysis;

import dev.basin.analysis.rank.RankCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code basin} command line: one subcommand per experiment. */
@Command(name = "basin", mixinStandardHelpOptions = true, version = "basin 0.1.0",
        description = "A laboratory for neural-network convergence experiments on SIMD kernels.",
        subcommands = {ConvergenceCommand.class, RankCommand.class, BenchCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (2 for a usage error). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            // Expected failures (bad input files, diverging settings) are one clear line, not a trace.
            cmd.getErr().println("basin " + cmd.getCommandName() + ": " + ex.getMessage());
            return ex instanceof IllegalArgumentException ? 2 : 1;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
