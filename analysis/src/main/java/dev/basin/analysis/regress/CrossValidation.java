package dev.basin.analysis.regress;

/**
 * K-fold cross-validation with out-of-fold predictions. Scores are scikit-learn's
 * {@code cross_val_score} convention: the mean over folds of each fold's R², MSE and MAE.
 */
public final class CrossValidation {

    private CrossValidation() {}

    /** The outcome of one model on one split. */
    public record Result(String model, String split, Metrics mean, double[] outOfFold, double[] foldR2) {}

    /** Fits fold f's model on every row outside fold f and predicts fold f. */
    public static double[] foldPredictions(Regressor reg, double[][] x, double[] y, int[] fold, int f, long seed) {
        int nTest = 0;
        for (int v : fold) if (v == f) nTest++;
        int nTrain = fold.length - nTest;
        if (nTest == 0 || nTrain == 0) throw new IllegalArgumentException("fold " + f + " is empty or holds every row");
        double[][] xtr = new double[nTrain][], xte = new double[nTest][];
        double[] ytr = new double[nTrain];
        int a = 0, b = 0;
        for (int i = 0; i < fold.length; i++) {
            if (fold[i] == f) xte[b++] = x[i];
            else { xtr[a] = x[i]; ytr[a++] = y[i]; }
        }
        return reg.fit(xtr, ytr, seed + 7919L * f).predict(xte);
    }

    /** Assembles the per-fold predictions (in row order within each fold) into a result. */
    public static Result assemble(String model, String split, double[] y, int[] fold, int k, double[][] perFold) {
        double[] oof = new double[y.length];
        int[] pos = new int[k];
        for (int i = 0; i < y.length; i++) oof[i] = perFold[fold[i]][pos[fold[i]]++];
        double r2 = 0, mse = 0, mae = 0;
        double[] foldR2 = new double[k];
        for (int f = 0; f < k; f++) {
            int[] rows = rowsOf(fold, f);
            Metrics m = Metrics.of(y, oof, rows);
            foldR2[f] = m.r2();
            r2 += m.r2();
            mse += m.mse();
            mae += m.mae();
        }
        return new Result(model, split, new Metrics(r2 / k, mse / k, mae / k), oof, foldR2);
    }

    /** Runs all folds one after another (the command runs them in parallel through the two methods above). */
    public static Result run(Regressor reg, String split, double[][] x, double[] y, int[] fold, int k, long seed) {
        double[][] per = new double[k][];
        for (int f = 0; f < k; f++) per[f] = foldPredictions(reg, x, y, fold, f, seed);
        return assemble(reg.name(), split, y, fold, k, per);
    }

    static int[] rowsOf(int[] fold, int f) {
        int c = 0;
        for (int v : fold) if (v == f) c++;
        int[] r = new int[c];
        c = 0;
        for (int i = 0; i < fold.length; i++) if (fold[i] == f) r[c++] = i;
        return r;
    }
}
