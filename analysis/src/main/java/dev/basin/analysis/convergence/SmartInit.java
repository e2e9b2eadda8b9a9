package dev.basin.analysis.convergence;

import dev.basin.analysis.regress.Bootstrap;
import dev.basin.trainer.Architecture;
import dev.basin.trainer.DataSet;
import dev.basin.trainer.DataSets;
import dev.basin.trainer.RunResult;
import dev.basin.trainer.RunSpec;
import dev.basin.trainer.Status;
import dev.basin.trainer.Sweep;
import dev.basin.trainer.TrainConfig;
import dev.basin.trainer.Trainer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seed 004 §5.1: draw {@code candidates} initialisations, keep the best {@code keepFraction} by
 * initial loss ("smart"), train every candidate ("random": what no selection gives), and compare
 * the convergence rate and the epochs to convergence of converged runs, with a percentile
 * bootstrap interval (2,000 resamples) for the difference of mean epochs (random − smart).
 */
public final class SmartInit {

    private SmartInit() {}

    public record Result(int candidates, int kept, double[] initialLoss, int[] epochs, boolean[] converged,
                         boolean[] smart, double meanRandom, double meanSmart, double rateRandom, double rateSmart,
                         double savedMean, Bootstrap.Interval savedCi, double medianRandom, double medianSmart) {}

    public static Result run(TraceExperiment.Settings s, int candidates, double keepFraction, long seed) {
        if (candidates < 2) throw new IllegalArgumentException("--smart-candidates must be ≥ 2, got " + candidates);
        if (!(keepFraction > 0 && keepFraction < 1)) throw new IllegalArgumentException("--smart-keep must be in (0, 1), got " + keepFraction);
        Architecture arch = s.model().architecture();
        DataSet data = DataSets.centeredXor();
        TrainConfig cfg = s.config();
        // Initial losses: the same seeds' initialisation, evaluated without training.
        Trainer probe = new Trainer(arch, data, cfg);
        double[] init = new double[candidates];
        List<RunSpec> specs = new ArrayList<>(candidates);
        for (int i = 0; i < candidates; i++) {
            long sd = seed + i;
            probe.network().initialize(sd);
            init[i] = probe.evaluate();
            specs.add(new RunSpec(i, sd, arch, data, cfg));
        }
        int kept = Math.max(1, (int) Math.round(candidates * keepFraction));
        Integer[] order = new Integer[candidates];
        for (int i = 0; i < candidates; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(init[a], init[b]));
        boolean[] smart = new boolean[candidates];
        for (int i = 0; i < kept; i++) smart[order[i]] = true;

        List<RunResult> res = Sweep.run(specs, s.threads(), null);
        int[] epochs = new int[candidates];
        boolean[] conv = new boolean[candidates];
        for (int i = 0; i < candidates; i++) {
            epochs[i] = res.get(i).epochs();
            conv[i] = res.get(i).status() == Status.CONVERGED;
        }
        double[] rnd = select(epochs, conv, null), sm = select(epochs, conv, smart);
        double rateR = count(conv, null) / (double) candidates, rateS = count(conv, smart) / (double) kept;
        double mR = mean(rnd), mS = mean(sm);
        // Bootstrap the two groups independently: random − smart mean epochs among converged runs.
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        double[] diff = new double[2000];
        for (int b = 0; b < diff.length; b++) diff[b] = mean(resample(rnd, rng)) - mean(resample(sm, rng));
        Bootstrap.Interval ci = rnd.length > 0 && sm.length > 0 ? Bootstrap.percentile(diff) : new Bootstrap.Interval(Double.NaN, Double.NaN);
        return new Result(candidates, kept, init, epochs, conv, smart, mR, mS, rateR, rateS, mR - mS, ci,
                rnd.length > 0 ? Bootstrap.quantile(rnd, 0.5) : Double.NaN, sm.length > 0 ? Bootstrap.quantile(sm, 0.5) : Double.NaN);
    }

    static double[] select(int[] epochs, boolean[] conv, boolean[] mask) {
        List<Double> l = new ArrayList<>();
        for (int i = 0; i < epochs.length; i++) if (conv[i] && (mask == null || mask[i])) l.add((double) epochs[i]);
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static int count(boolean[] conv, boolean[] mask) {
        int c = 0;
        for (int i = 0; i < conv.length; i++) if (conv[i] && (mask == null || mask[i])) c++;
        return c;
    }

    static double mean(double[] v) {
        if (v.length == 0) return Double.NaN;
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    static double[] resample(double[] v, SplittableRandom rng) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) r[i] = v[rng.nextInt(v.length)];
        return r;
    }
}
