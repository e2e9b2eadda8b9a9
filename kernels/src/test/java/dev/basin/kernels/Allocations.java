package dev.basin.kernels;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a call allocates once warm ({@link #settle}) and, for the failure message, where
 * ({@link #sites}): a flight recording of the TLAB refills and outside-TLAB allocations made
 * while the call runs, each attributed to the innermost basin frame, the Vector API method it
 * called, and how that frame ran (interpreted, JIT compiled, inlined). An intermittent boxing
 * allocation once needed a rerun under JFR to locate; this names it in the first report.
 */
final class Allocations {

    private Allocations() {}

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /**
     * Calls {@code warmUp} times, then in windows of {@code window} calls until one window
     * allocates nothing on this thread or the deadline passes; returns the last window's bytes
     * per call (0 when it settled). So JIT timing on a busy machine cannot fail a check, but a
     * kernel that never settles does.
     */
    static double settle(Runnable call, int warmUp, int window, long deadlineNanos) {
        for (int i = 0; i < warmUp; i++) call.run();
        long deadline = System.nanoTime() + deadlineNanos;
        long bytes;
        do {
            long b0 = THREADS.getCurrentThreadAllocatedBytes();
            long b1 = THREADS.getCurrentThreadAllocatedBytes();   // b1 − b0: what reading the counter costs
            for (int i = 0; i < window; i++) call.run();
            long b2 = THREADS.getCurrentThreadAllocatedBytes();
            bytes = (b2 - b1) - (b1 - b0);
            if (bytes <= 0) return 0;
        } while (System.nanoTime() < deadline);
        return (double) bytes / window;
    }

    /**
     * The top sites of what calls to {@code call} allocate, one per line. It calls in batches of
     * {@code batch} until they have allocated enough to refill a TLAB many times (events come
     * only then) or for at most three seconds.
     */
    static String sites(Runnable call, int batch) {
        Path file = null;
        try (Recording r = new Recording()) {
            r.enable("jdk.ObjectAllocationInNewTLAB").withStackTrace();
            r.enable("jdk.ObjectAllocationOutsideTLAB").withStackTrace();
            r.setToDisk(true);
            r.start();
            long b0 = THREADS.getCurrentThreadAllocatedBytes(), t0 = System.nanoTime();
            do {
                for (int i = 0; i < batch; i++) call.run();
            } while (THREADS.getCurrentThreadAllocatedBytes() - b0 < (64 << 20) && System.nanoTime() - t0 < 3_000_000_000L);
            r.stop();
            file = Files.createTempFile("basin-alloc", ".jfr");
            r.dump(file);
            return summarize(RecordingFile.readAllEvents(file));
        } catch (IOException | RuntimeException e) {
            return "(no allocation sites: " + e + ")";
        } finally {
            if (file != null) file.toFile().delete();
        }
    }

    private static String summarize(List<RecordedEvent> events) {
        long self = Thread.currentThread().threadId();
        Map<String, Long> bytes = new LinkedHashMap<>();
        for (RecordedEvent e : events) {
            if (e.getThread() == null || e.getThread().getJavaThreadId() != self || e.getStackTrace() == null) continue;
            long size = e.hasField("tlabSize") ? e.getLong("tlabSize") : e.getLong("allocationSize");
            bytes.merge(site(e.getStackTrace()), size, Long::sum);
        }
        return bytes.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(6)
                .map(s -> "  " + s.getValue() / 1024 + " KiB at " + s.getKey())
                .collect(Collectors.joining("\n", "", bytes.isEmpty() ? "  (no allocation sampled)" : ""));
    }

    /** The innermost dev.basin frame and the call it made, e.g. "VectorDenseLinear.forwardTanh:504 [JIT compiled] → FloatVector.fma". */
    private static String site(RecordedStackTrace trace) {
        List<RecordedFrame> frames = trace.getFrames();
        for (int i = 0; i < frames.size(); i++) {
            RecordedFrame f = frames.get(i);
            String type = f.getMethod().getType().getName();
            if (!type.startsWith("dev.basin.")) continue;
            String callee = i == 0 ? "" : " → " + name(frames.get(i - 1));
            return name(f) + ":" + f.getLineNumber() + " [" + f.getType() + "]" + callee;
        }
        return frames.isEmpty() ? "?" : name(frames.getFirst()) + " (no basin frame)";
    }

    private static String name(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName();
    }
}
