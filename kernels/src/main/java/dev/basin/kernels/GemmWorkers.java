package dev.basin.kernels;

import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * The threads a threaded GEMM runs its strips on: daemon workers that, after a strip, spin for
 * a while (see {@link #SPIN_NS}) before parking. A parked thread took 90–250 µs to wake on a
 * 2-vCPU VM (Emerald Rapids), a tenth or more of a 2-thread n = 512 sgemm; back-to-back products,
 * as a training loop or a benchmark makes, find the workers still spinning. OpenBLAS's threads do
 * the same. One product uses the workers at a time; a second caller meanwhile runs its product on
 * its own thread, which gives the same bits (see {@link VectorGemm}).
 */
final class GemmWorkers {

    /**
     * How long an idle worker spins before parking, from {@code -Dbasin.gemm.spin.us} (default
     * 1000 µs; 0 parks at once, for hosts where a spinning thread would take a core from other
     * work).
     */
    static final long SPIN_NS = spinNanos();

    private static final ReentrantLock LOCK = new ReentrantLock();
    private static Worker[] workers = new Worker[0];

    private GemmWorkers() {}

    private static long spinNanos() {
        String s = System.getProperty("basin.gemm.spin.us");
        if (s == null || s.isBlank()) return 1_000_000L;
        try {
            long us = Long.parseLong(s.trim());
            if (us >= 0) return us * 1000;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("basin.gemm.spin.us must be a whole number of microseconds ≥ 0, not '" + s + "'");
    }

    /** Whether the current thread is one of the workers (a GEMM inside a strip stays on it). */
    static boolean inWorker() {
        return Thread.currentThread() instanceof Worker;
    }

    /**
     * Runs strip(0) on the calling thread and strip(1) … strip(parts − 1) on workers, and returns
     * once all have finished, rethrowing the first failure. Returns false, having run nothing,
     * when another product holds the workers.
     */
    static boolean run(int parts, IntConsumer strip) {
        if (!LOCK.tryLock()) return false;
        try {
            Worker[] ws = ensure(parts - 1);
            for (int s = 1; s < parts; s++) ws[s - 1].post(strip, s);
            Throwable failure = null;
            try {
                strip.accept(0);
            } catch (Throwable e) {
                failure = e;
            }
            for (int s = 1; s < parts; s++) {
                Throwable f = ws[s - 1].await();
                if (failure == null) failure = f;
            }
            if (failure instanceof RuntimeException r) throw r;
            if (failure instanceof Error err) throw err;
            if (failure != null) throw new IllegalStateException("gemm worker failed", failure);
            return true;
        } finally {
            LOCK.unlock();
        }
    }

    /** At least {@code count} started workers; called under the lock. */
    private static Worker[] ensure(int count) {
        if (workers.length < count) {
            Worker[] grown = java.util.Arrays.copyOf(workers, count);
            for (int i = workers.length; i < count; i++) {
                grown[i] = new Worker("basin-gemm-" + (i + 1));
                grown[i].start();
            }
            workers = grown;
        }
        return workers;
    }

    /**
     * One worker. The caller writes the task fields, then the volatile {@code posted}; the worker
     * reads {@code posted}, runs the task, writes {@code failure}, then the volatile
     * {@code finished}: each volatile write publishes the plain fields before it.
     */
    private static final class Worker extends Thread {
        private volatile long posted;
        private volatile long finished;
        private volatile boolean parked;
        private IntConsumer task;
        private int index;
        private Throwable failure;

        Worker(String name) {
            super(name);
            setDaemon(true);
        }

        void post(IntConsumer strip, int s) {
            task = strip;
            index = s;
            failure = null;
            posted = posted + 1;
            // Volatile write then read, against the worker's write of parked then read of
            // posted: one of the two sees the other, so a posted task is never slept through.
            if (parked) LockSupport.unpark(this);
        }

        /** Waits for the posted task; returns its failure or null. */
        Throwable await() {
            long p = posted;
            // Spin (the strips are of equal work, so the wait is short), yielding once it is
            // not: a worker descheduled by an oversubscribed host gets the core back sooner.
            for (int spins = 0; finished != p; spins++) {
                if (spins < 1 << 16) Thread.onSpinWait();
                else Thread.yield();
            }
            return failure;
        }

        @Override
        public void run() {
            long seen = 0;
            while (true) {
                long p = posted;
                if (p == seen) {
                    idle(seen);
                    continue;
                }
                seen = p;
                try {
                    task.accept(index);
                } catch (Throwable e) {
                    failure = e;
                }
                task = null;
                finished = p;
            }
        }

        /** Spins for SPIN_NS waiting for a task after {@code seen}, then parks until one is posted. */
        private void idle(long seen) {
            long start = System.nanoTime();
            while (posted == seen) {
                if (System.nanoTime() - start >= SPIN_NS) {
                    parked = true;
                    if (posted == seen) LockSupport.park(this);
                    parked = false;
                    return;
                }
                Thread.onSpinWait();
            }
        }
    }
}
