package dev.basin.analysis.rank;

import dev.basin.kernels.JacobianNet;
import dev.basin.trainer.DataSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The CSV layouts another tool reads to recompute J, K and the bound (bench/peers/rank_recompute.py
 * does it with NumPy). Numbers are written with 17 significant digits, so they round-trip exactly.
 *
 * <pre>
 * &lt;experiment&gt;/data.csv        x0,…,x{N−1},y        one row per sample d, in order
 * &lt;experiment&gt;/params/&lt;run&gt;.csv layer,kind,row,col,trainable,value
 *                               kind W: weight W[row][col] of layer `layer` (out×in, y = act(W·a + b));
 *                               kind b: bias b[row] (col 0); trainable 1 for Jacobian columns
 * runs.csv                     one row per run: widths (e.g. 2-64-1) and activations
 *                              (e.g. tanh|identity) rebuild the net; the Jacobian's columns are the
 *                              trainable parameters in file order.
 * </pre>
 */
public final class RankFiles {

    private RankFiles() {}

    static String num(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        return String.format(Locale.ROOT, "%.17g", v);
    }

    static String short4(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "−∞";
        if (v == 0) return "0";
        double a = Math.abs(v);
        return a >= 1e-3 && a < 1e5 ? String.format(Locale.ROOT, "%.4g", v) : String.format(Locale.ROOT, "%.3e", v);
    }

    public static void writeData(Path file, DataSet data) {
        write(file, w -> {
            StringBuilder h = new StringBuilder();
            for (int i = 0; i < data.inputs(); i++) h.append("x").append(i).append(',');
            w.println(h.append('y'));
            for (int r = 0; r < data.rows(); r++) {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < data.inputs(); i++) b.append(num(data.x(r, i))).append(',');
                w.println(b.append(num(data.t(r, 0))));
            }
        });
    }

    public static void writeParams(Path file, NetPoint point) {
        JacobianNet net = point.net();
        double[] p = point.params();
        write(file, w -> {
            w.println("layer,kind,row,col,trainable,value");
            for (int l = 0; l < net.layers(); l++) {
                int in = net.width(l), out = net.width(l + 1);
                int tr = net.weightColumn(l) >= 0 ? 1 : 0;
                for (int i = 0; i < out; i++)
                    for (int j = 0; j < in; j++)
                        w.println(l + ",W," + i + "," + j + "," + tr + "," + num(p[net.weightOffset(l) + i * in + j]));
                if (net.biasOffset(l) >= 0)
                    for (int i = 0; i < out; i++) w.println(l + ",b," + i + ",0," + tr + "," + num(p[net.biasOffset(l) + i]));
            }
        });
    }

    public static final String RUNS_HEADER = "experiment,run,widths,activations,M,D,P,seed,status,epochs,lr,trainer_mse,trainer_grad_norm,"
            + "final_loss,grad_norm,rank,sigma_min,sigma_max,jac_method,x_rank,r,q,bound,max_residual,slack,holds,verdict";

    public static void writeRuns(Path file, List<RunRecord> runs) {
        write(file, w -> {
            w.println(RUNS_HEADER);
            for (RunRecord r : runs) {
                PointAnalysis a = r.analysis();
                Certificate c = a.certificate();
                w.println(String.join(",", r.experiment(), r.id(), r.widths(), r.activations(), Integer.toString(r.m()),
                        Integer.toString(a.samples()), Integer.toString(a.columns()), Long.toString(r.seed()),
                        r.status() == null ? "" : r.status().name(), Integer.toString(r.epochs()), num(r.learningRate()), num(r.trainerLoss()),
                        num(r.trainerGrad()), num(a.loss()), num(c.epsilon()), Integer.toString(a.jacobian().rank()),
                        num(a.jacobian().sigmaMin()), num(a.jacobian().sigmaMax()), a.jacobian().method(),
                        Integer.toString(a.features().rank()), num(c.r()), num(c.q()), num(c.bound()), num(c.maxResidual()),
                        num(c.slack()), Boolean.toString(c.holds()), c.verdict().name()));
            }
        });
    }

    public static void writeConstructions(Path file, List<RankExperiments.ConstructionRow> rows) {
        write(file, w -> {
            w.println("construction,D,M,rank,r,sigma_max,tolerance,exact_r");
            for (var r : rows) {
                w.println(String.join(",", r.construction(), Integer.toString(r.d()), Integer.toString(r.m()),
                        Integer.toString(r.spectrum().rank()), num(r.spectrum().rowScalingFactor()),
                        num(r.spectrum().sigmaMax()), num(r.spectrum().tolerance()), num(r.exactR())));
            }
        });
    }

    /** Writes to a temporary file and moves it into place, so a failure never leaves half a file. */
    static void write(Path file, java.util.function.Consumer<PrintWriter> body) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8))) {
                body.accept(w);
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
