package dev.basin.trainer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs many (configuration, seed) runs on several threads. Each run depends only on its
 * {@link RunSpec} (its seed initialises the parameters and orders the mini-batches; no state is
 * shared between runs), so the results and traces are identical whatever the thread count. Each
 * worker keeps one {@link Trainer} per (architecture, data, config) and reuses its buffers.
 * Traces are collected per run and handed to the sink in run-list order after all runs end.
 */
public final class Sweep {

    private Sweep() {}

    public static List<RunResult> run(List<RunSpec> specs, int threads, TraceSink sink) {
        if (threads < 1) throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        int n = specs.size();
        RunResult[] results = new RunResult[n];
        Trace[] traces = sink == null ? null : new Trace[n];
        AtomicInteger next = new AtomicInteger();
        Throwable[] failure = new Throwable[1];
        Runnable worker = () -> {
            Trainer cached = null;
            while (true) {
                int i = next.getAndIncrement();
                if (i >= n) return;
                RunSpec s = specs.get(i);
                if (cached == null || cached.network().architecture() != s.architecture()
                        || cached.data() != s.data() || !cached.config().equals(s.config())) {
                    cached = new Trainer(s.architecture(), s.data(), s.config());
                }
                cached.network().initialize(s.seed());
                if (traces != null) {
                    MemoryTraceSink one = new MemoryTraceSink();
                    results[i] = cached.train(s, one);
                    traces[i] = one.traces().getFirst();
                } else {
                    results[i] = cached.train(s, null);
                }
            }
        };
        List<Thread> pool = new ArrayList<>();
        for (int k = 0; k < Math.min(threads, Math.max(n, 1)); k++) {
            Thread th = Thread.ofPlatform().name("basin-sweep-" + k).unstarted(worker);
            th.setUncaughtExceptionHandler((t, e) -> { synchronized (failure) { if (failure[0] == null) failure[0] = e; } });
            pool.add(th);
            th.start();
        }
        for (Thread th : pool) {
            try {
                th.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("sweep interrupted", e);
            }
        }
        if (failure[0] != null) throw new IllegalStateException("a sweep run failed: " + failure[0], failure[0]);
        if (traces != null) for (Trace tr : traces) tr.replay(sink);
        return List.of(results);
    }

    /** Runs 0..count−1 with seeds baseSeed + run, all with the same model, data and config. */
    public static List<RunSpec> seeds(Architecture arch, DataSet data, TrainConfig cfg, long baseSeed, int count) {
        List<RunSpec> l = new ArrayList<>(count);
        for (int i = 0; i < count; i++) l.add(new RunSpec(i, baseSeed + i, arch, data, cfg));
        return l;
    }
}
