package dev.basin.analysis.report;

import dev.basin.analysis.convergence.ConvergenceStudy;
import dev.basin.analysis.convergence.EndPointCheck;
import dev.basin.analysis.convergence.FeatureTable;
import dev.basin.analysis.convergence.TraceData;
import dev.basin.analysis.regress.CrossValidation;
import dev.basin.analysis.regress.LeastSquares;
import dev.basin.analysis.regress.LinearRegression;
import dev.basin.analysis.regress.Metrics;

import java.util.ArrayList;
import java.util.List;

/** Numbers derived from a study's results that the claims' verdicts rest on. */
public final class Evidence {

    /** y = a + b·x on one feature: in-sample and grouped-CV R². */
    public record OneFeatureFit(String feature, double a, double b, double r2InSample, double r2Grouped) {}

    /** Where a run that did not converge ended. */
    public record EndPoint(TraceData trace, String kind) {}

    public final OneFeatureFit l2, l1;
    public final double meanL1, meanL2, maxL1OverL2, minL1OverL2;
    public final int states, rows;
    public final double meanEpochs, varEpochs;
    public final int minEpochs, maxEpochs;
    public final double targetMin, targetMax;
    public final double speedCv;
    public final List<EndPoint> notConverged = new ArrayList<>();
    public final double criticalGradNorm;
    /** Smallest loss-Hessian eigenvalue over the critical end points (+∞ if none). */
    public double minHessianEigen = Double.POSITIVE_INFINITY;
    /** epochs remaining = a + b·ln(L2): the fit a geometric (linear-rate) convergence predicts. */
    public final OneFeatureFit logL2;

    public Evidence(ConvergenceStudy.Results r, double criticalGradNorm) {
        this.criticalGradNorm = criticalGradNorm;
        FeatureTable t = r.table();
        int k = r.settings().folds();
        l2 = fit(t, "l2_distance", r.groupFolds(), k);
        l1 = fit(t, "l1_distance", r.groupFolds(), k);
        logL2 = fit(t, "l2_distance", r.groupFolds(), k, true);
        int c1 = t.column("l1_distance"), c2 = t.column("l2_distance");
        double s1 = 0, s2 = 0, mx = 0, mn = Double.POSITIVE_INFINITY;
        for (double[] row : t.x) {
            s1 += row[c1];
            s2 += row[c2];
            if (row[c2] > 0) { mx = Math.max(mx, row[c1] / row[c2]); mn = Math.min(mn, row[c1] / row[c2]); }
        }
        meanL1 = s1 / t.rows();
        meanL2 = s2 / t.rows();
        maxL1OverL2 = mx;
        minL1OverL2 = mn;
        rows = t.rows();
        int st = 0, mi = Integer.MAX_VALUE, ma = 0;
        double se = 0;
        List<TraceData> used = r.traces().used();
        for (TraceData td : used) {
            st += td.states();
            se += td.finalEpoch();
            mi = Math.min(mi, td.finalEpoch());
            ma = Math.max(ma, td.finalEpoch());
        }
        states = st;
        meanEpochs = se / used.size();
        double v = 0;
        for (TraceData td : used) v += (td.finalEpoch() - meanEpochs) * (td.finalEpoch() - meanEpochs);
        varEpochs = used.size() > 1 ? v / (used.size() - 1) : 0;
        minEpochs = mi;
        maxEpochs = ma;
        double tmin = Double.POSITIVE_INFINITY, tmax = Double.NEGATIVE_INFINITY;
        for (double y : t.y) { tmin = Math.min(tmin, y); tmax = Math.max(tmax, y); }
        targetMin = tmin;
        targetMax = tmax;
        // "Constant speed": initial L2 distance per epoch, across traces.
        double[] speed = new double[used.size()];
        for (int i = 0; i < used.size(); i++) {
            TraceData td = used.get(i);
            double[] f = FeatureTable.features(td.params()[0], td.finalParams());
            speed[i] = f[1] / Math.max(1, td.finalEpoch());
        }
        double ms = 0;
        for (double s : speed) ms += s;
        ms /= speed.length;
        double vs = 0;
        for (double s : speed) vs += (s - ms) * (s - ms);
        speedCv = speed.length > 1 ? Math.sqrt(vs / (speed.length - 1)) / ms : 0;
        for (TraceData td : r.traces().all()) {
            if (td.converged()) continue;
            String kind = classify(td, criticalGradNorm);
            if (kind.equals("critical point") && td.finalParams().length <= 64) {
                EndPointCheck.Curvature c = EndPointCheck.at(r.settings().traces(), td.finalParams());
                kind = "critical point: " + c.kind();
                minHessianEigen = Math.min(minHessianEigen, c.minEigen());
            }
            notConverged.add(new EndPoint(td, kind));
        }
    }

    /** critical point: gradient norm ≤ threshold at the end; slow: loss still falling (≥ 1% over the last 10% of epochs); else stalled. */
    static String classify(TraceData td, double critical) {
        if (td.status().equals("DIVERGED")) return "diverged";
        int n = td.states();
        if (td.gradNorm()[n - 1] <= critical || td.status().equals("CRITICAL")) return "critical point";
        int back = Math.max(1, n / 10);
        double before = td.loss()[Math.max(0, n - 1 - back)], end = td.loss()[n - 1];
        return before - end >= 0.01 * end ? "slow (loss still falling)" : "stalled (loss flat, gradient not small)";
    }

    static OneFeatureFit fit(FeatureTable t, String name, int[] groupFolds, int k) {
        return fit(t, name, groupFolds, k, false);
    }

    static OneFeatureFit fit(FeatureTable t, String name, int[] groupFolds, int k, boolean log) {
        int c = t.column(name);
        double[][] x = new double[t.rows()][];
        for (int i = 0; i < x.length; i++) x[i] = new double[] {log ? Math.log(t.x[i][c] + 1e-300) : t.x[i][c]};
        double[] beta = LeastSquares.solve(LeastSquares.withIntercept(x), t.y, 0.0);
        double[] pred = new double[t.rows()];
        for (int i = 0; i < pred.length; i++) pred[i] = beta[0] + beta[1] * x[i][0];
        double inSample = Metrics.of(t.y, pred).r2();
        CrossValidation.Result cv = CrossValidation.run(new LinearRegression(), "grouped", x, t.y, groupFolds, k, 1);
        return new OneFeatureFit(log ? "ln " + name : name, beta[0], beta[1], inSample, cv.mean().r2());
    }
}
