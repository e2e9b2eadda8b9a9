package dev.basin.analysis.rank;

import dev.basin.trainer.Status;

/**
 * One certified run (or one construction, {@code status} null): what was trained, how it ended
 * and what the analysis found at its final parameters.
 *
 * @param experiment   sweep, blum-rivest, …
 * @param id           a file-safe name, unique in the experiment; the params file is params/&lt;id&gt;.csv
 * @param widths       layer widths, e.g. 2-64-1
 * @param activations  one per layer, e.g. tanh|identity
 * @param m            width of the widest hidden layer (the seed's M)
 * @param trainerLoss  the trainer's final loss in its own convention (MSE)
 * @param trainerGrad  the trainer's final gradient norm of that loss
 * @param learningRate the step size used
 */
public record RunRecord(String experiment, String id, String widths, String activations, int m, long seed,
                        Status status, int epochs, double trainerLoss, double trainerGrad, double learningRate,
                        NetPoint point, PointAnalysis analysis) {
}
