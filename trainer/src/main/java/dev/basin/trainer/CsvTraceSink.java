package dev.basin.trainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Streams traces as CSV, one row per recorded epoch: {@code run,epoch,loss,grad_norm,p0,…,p(P−1)}
 * (numbers in Java's shortest round-trip form). If a second writer is given, one row per run
 * goes there when the run ends, so the configuration and seed travel with the trace:
 * {@code run,seed,model,data,loss_fn,lr,momentum,batch,precision,status,epochs,initial_loss,final_loss,final_grad_norm}.
 * All runs must have the same parameter count. I/O errors are rethrown unchecked.
 */
public final class CsvTraceSink implements TraceSink, AutoCloseable {

    private final Writer out, runs;
    private int numParams = -1;
    private final StringBuilder sb = new StringBuilder(256);

    public CsvTraceSink(Writer out) { this(out, null); }

    public CsvTraceSink(Writer out, Writer runs) {
        this.out = out;
        this.runs = runs;
        if (runs != null) {
            write(runs, "run,seed,model,data,loss_fn,lr,momentum,batch,precision,status,epochs,initial_loss,final_loss,final_grad_norm\n");
        }
    }

    @Override
    public void begin(RunSpec spec, int p) {
        if (numParams < 0) {
            numParams = p;
            sb.setLength(0);
            sb.append("run,epoch,loss,grad_norm");
            for (int i = 0; i < p; i++) sb.append(",p").append(i);
            write(out, sb.append('\n').toString());
        } else if (p != numParams) {
            throw new IllegalStateException("run " + spec.run() + " has " + p + " parameters, the CSV has columns for " + numParams);
        }
    }

    @Override
    public void record(int run, int epoch, double loss, double gradNorm, double[] params) {
        sb.setLength(0);
        sb.append(run).append(',').append(epoch).append(',').append(loss).append(',').append(gradNorm);
        for (int i = 0; i < numParams; i++) sb.append(',').append(params[i]);
        write(out, sb.append('\n').toString());
    }

    @Override
    public void end(RunResult r) {
        if (runs == null) return;
        RunSpec s = r.spec();
        TrainConfig c = s.config();
        write(runs, s.run() + "," + s.seed() + "," + s.architecture().name() + "," + s.data().name() + ","
                + c.loss() + "," + c.learningRate() + "," + c.momentum() + "," + c.batchSize() + "," + c.precision() + ","
                + r.status() + "," + r.epochs() + "," + r.initialLoss() + "," + r.finalLoss() + "," + r.finalGradNorm() + "\n");
    }

    private static void write(Writer w, String s) {
        try {
            w.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        out.flush();
        if (runs != null) runs.flush();
    }
}
