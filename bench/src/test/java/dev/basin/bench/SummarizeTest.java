package dev.basin.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The post-processing that turns JMH's time per call into GFLOP/s: units, medians, work counts, table. */
class SummarizeTest {

    @Test
    void convertsJmhUnitsToSecondsPerCall() {
        assertEquals(5e-9, Summarize.toSecondsPerOp(5, "ns/op"), 1e-24);
        assertEquals(2e-6, Summarize.toSecondsPerOp(2, "us/op"), 1e-21);
        assertEquals(5e-4, Summarize.toSecondsPerOp(2, "ops/ms"), 1e-19);
        assertEquals(0.25, Summarize.toSecondsPerOp(4, "ops/s"), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> Summarize.toSecondsPerOp(1, "B/op"));
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2, Summarize.median(new double[] {3, 1, 2}));
        assertEquals(2.5, Summarize.median(new double[] {4, 1, 3, 2}));
    }

    @Test
    void workCountsFollowBlasConventions() {
        Workload dot = Workload.of("sdot", Map.of("n", "4096")).orElseThrow();
        assertEquals(8192, dot.flops());
        assertEquals(2 * 4096 * 4, dot.bytes());
        Workload gemv = Workload.of("dgemv", Map.of("n", "10", "trans", "true")).orElseThrow();
        assertEquals(200, gemv.flops());
        assertEquals((100 + 10 + 10) * 8, gemv.bytes());
        assertEquals(4 * 5 * 4, Workload.of("sgram", Map.of("n", "4")).orElseThrow().flops());
        assertEquals(2.0 * 2 * 3 * 5, Workload.of("dgemm", Map.of("m", "2", "n", "3", "k", "5")).orElseThrow().flops());
        Workload act = Workload.of("sActivate", Map.of("n", "100", "act", "RELU")).orElseThrow();
        assertTrue(Double.isNaN(act.flops()));
        assertEquals(800, act.bytes());
        assertEquals((3 * 64 * 10 + 10) * 8, Workload.of("dBiasActivate", Map.of("rows", "64", "n", "10")).orElseThrow().bytes());
        assertTrue(Workload.of("trainStep", Map.of("n", "10")).isEmpty());
    }

    @Test
    void printsMedianGflopsAndSpeedupOverScalar(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("results.json");
        Files.writeString(json, """
                [ { "jmhVersion" : "1.37", "benchmark" : "dev.basin.bench.Level1Bench.sdot", "mode" : "avgt",
                    "params" : { "impl" : "scalar", "n" : "1000" },
                    "primaryMetric" : { "score" : 400.0, "scoreUnit" : "ns/op", "rawData" : [ [ 400.0, 390.0, 1000.0 ] ] },
                    "secondaryMetrics" : { "gc.alloc.rate.norm" : { "score" : 0.0, "scoreUnit" : "B/op", "rawData" : [ [ 0.0, 0.0, 0.0 ] ] } } },
                  { "jmhVersion" : "1.37", "benchmark" : "dev.basin.bench.Level1Bench.sdot", "mode" : "avgt",
                    "params" : { "impl" : "vector", "n" : "1000" },
                    "primaryMetric" : { "score" : 100.0, "scoreUnit" : "ns/op", "rawData" : [ [ 90.0, 100.0, 110.0 ] ] },
                    "secondaryMetrics" : { "gc.alloc.rate.norm" : { "score" : 16.0, "scoreUnit" : "B/op", "rawData" : [ [ 16.0 ] ] } } } ]
                """);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        assertEquals(0, Summarize.run(new String[] {json.toString()}, new PrintStream(buf, true, StandardCharsets.UTF_8)));
        String out = buf.toString(StandardCharsets.UTF_8);
        // 2000 flops in a median 100 ns = 20 GFLOP/s; scalar median 400 ns (the 1000 ns outlier ignored) = 5.
        assertTrue(out.contains("| sdot | n=1000 | GFLOP/s | 20.0 | 5.00 | 4.00 | 16.0 | 0.0 |"), out);
        assertTrue(out.contains("| kernel | params | unit | vector | scalar | vector ×scalar | B/op vector | B/op scalar |"), out);
    }

    @Test
    void badInputIsNamed(@TempDir Path dir) throws IOException {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        var missing = assertThrows(IllegalArgumentException.class,
                () -> Summarize.run(new String[] {dir.resolve("none.json").toString()}, sink));
        assertTrue(missing.getMessage().contains("no such file"), missing.getMessage());
        Path notJmh = Files.writeString(dir.resolve("x.json"), "{\"a\": 1}");
        var wrong = assertThrows(IllegalArgumentException.class, () -> Summarize.run(new String[] {notJmh.toString()}, sink));
        assertTrue(wrong.getMessage().contains("not a JMH JSON result"), wrong.getMessage());
        var metric = assertThrows(IllegalArgumentException.class,
                () -> Summarize.run(new String[] {"--metric", "furlongs", notJmh.toString()}, sink));
        assertTrue(metric.getMessage().contains("--metric"), metric.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Summarize.run(new String[0], sink));
    }
}
