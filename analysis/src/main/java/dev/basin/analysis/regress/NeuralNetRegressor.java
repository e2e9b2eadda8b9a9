package dev.basin.analysis.regress;

import dev.basin.kernels.Activation;
import dev.basin.trainer.Architecture;
import dev.basin.trainer.Buf;
import dev.basin.trainer.DataSet;
import dev.basin.trainer.Loss;
import dev.basin.trainer.Network;
import dev.basin.trainer.RunResult;
import dev.basin.trainer.Status;
import dev.basin.trainer.TrainConfig;
import dev.basin.trainer.Trainer;

import java.util.Arrays;

/**
 * A dense ReLU network d → h₁ → … → 1 trained with basin's own {@link Trainer}: mini-batch SGD
 * with momentum on the mean squared error, float32, features and target z-scored on the training
 * rows (the prediction is mapped back). "n-layer" counts weight layers, as the seed's table does.
 */
public final class NeuralNetRegressor implements Regressor {

    private final int[] hidden;
    private final double lr, momentum;
    private final int batch, epochs;

    public NeuralNetRegressor(int[] hidden, double lr, double momentum, int batch, int epochs) {
        this.hidden = hidden.clone();
        this.lr = lr;
        this.momentum = momentum;
        this.batch = batch;
        this.epochs = epochs;
    }

    @Override public String name() { return "Neural Net (" + (hidden.length + 1) + "-layer)"; }

    @Override public String hyperparameters() {
        return "basin trainer: ReLU MLP d→" + Arrays.toString(hidden).replaceAll("[\\[\\] ]", "").replace(',', '→')
                + "→1, PyTorch-default init, MSE, SGD lr=" + lr + " momentum=" + momentum + ", batch " + batch
                + ", " + epochs + " epochs, float32, z-scored features and target";
    }

    @Override
    public Model fit(double[][] x, double[] y, long seed) {
        int n = x.length, d = x[0].length;
        Standardizer s = Standardizer.fit(x);
        double ym = 0, yv = 0;
        for (double v : y) ym += v;
        ym /= n;
        for (double v : y) yv += (v - ym) * (v - ym);
        double ysd = Math.sqrt(yv / n) > 1e-12 ? Math.sqrt(yv / n) : 1.0;
        double[] xf = new double[n * d], tf = new double[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(s.apply(x[i]), 0, xf, i * d, d);
            tf[i] = (y[i] - ym) / ysd;
        }
        int[] widths = new int[hidden.length + 2];
        widths[0] = d;
        System.arraycopy(hidden, 0, widths, 1, hidden.length);
        widths[widths.length - 1] = 1;
        Architecture arch = Architecture.mlp(Activation.RELU, widths);
        TrainConfig cfg = TrainConfig.defaults(Loss.MSE, lr).withMomentum(momentum).withBatchSize(batch)
                .withMaxEpochs(epochs).withTraceEvery(Math.max(1, epochs));
        Trainer trainer = new Trainer(arch, new DataSet("features", n, d, xf, tf), cfg);
        RunResult r = trainer.run(0, seed, null);
        if (r.status() == Status.DIVERGED) {
            throw new IllegalStateException(name() + " diverged (lr " + lr + "); lower the learning rate");
        }
        Network net = trainer.network();
        double mean = ym, sd = ysd;
        return new Model() {
            @Override public double predict(double[] row) { return predict(new double[][] {row})[0]; }

            @Override public double[] predict(double[][] rows) {
                double[] out = new double[rows.length];
                int chunk = net.maxRows();
                Buf in = Buf.allocate(net.precision(), chunk * d);
                for (int start = 0; start < rows.length; start += chunk) {
                    int m = Math.min(chunk, rows.length - start);
                    for (int i = 0; i < m; i++) in.copyFrom(s.apply(rows[start + i]), 0, i * d, d);
                    net.forward(in, 0, m);
                    for (int i = 0; i < m; i++) out[start + i] = mean + sd * net.work().get(net.outputOffset() + i);
                }
                return out;
            }
        };
    }
}
