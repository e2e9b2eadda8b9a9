package dev.basin.analysis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConvergenceCommandTest {

    /** Small but complete: every stage runs, in a second or two. */
    static final String[] SMALL = {"convergence", "--runs", "12", "--folds", "3", "--bootstrap", "5", "--smart-candidates", "30",
            "--trees", "5", "--boost-rounds", "5", "--nn-epochs", "2", "--rbf-landmarks", "20", "--no-progress", "--threads", "2"};

    static String[] with(String... extra) {
        return Stream.concat(Stream.of(SMALL), Stream.of(extra)).toArray(String[]::new);
    }

    static Set<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    @Test
    void writesEveryFile(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("run");
        assertEquals(0, Main.run(with("--out", out.toString())));
        assertEquals(Set.of("report.md", "traces.csv", "features.csv", "models.csv", "smart_init.csv",
                "epochs_vs_l2.png", "predicted_vs_actual.png", "smart_init.png"), list(out));
        assertEquals(Set.of("run"), list(tmp), "no temporary folder left behind");
        List<String> models = Files.readAllLines(out.resolve("models.csv"));
        assertEquals("model,split,r2,mse,mae,ci_low,ci_high", models.getFirst());
        assertEquals(1 + 11 * 2, models.size());
        String header = Files.readAllLines(out.resolve("features.csv")).getFirst();
        assertEquals(3 + 18, header.split(",").length);
        assertTrue(header.startsWith("trace,epoch,epochs_remaining,l1_distance,l2_distance,cosine_distance"));
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("| Rank | Model |") && report.contains("§8.1.2"));
    }

    @Test
    void writesNothingWhenTheStudyFails(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("run");
        // One epoch cannot reach the tolerance: no run converges, the study stops with a message.
        assertEquals(1, Main.run(with("--out", out.toString(), "--max-epochs", "1", "--max-draws", "40")));
        assertFalse(Files.exists(out));
        assertEquals(Set.of(), list(tmp));
    }

    @Test
    void aDivergingLearningRateIsNamed(@TempDir Path tmp) {
        Path out = tmp.resolve("run");
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        java.io.PrintStream saved = System.err;
        System.setErr(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.run(with("--out", out.toString(), "--lr", "50", "--max-draws", "40"));
        } finally {
            System.setErr(saved);
        }
        String msg = buf.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(1, code);
        assertTrue(msg.contains("DIVERGED=40") && msg.contains("--lr 50.0 is too large"), msg);
        assertFalse(Files.exists(out));
    }

    @Test
    void badFlagsExitTwoAndWriteNothing(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("run");
        assertEquals(2, Main.run(with("--out", out.toString(), "--folds", "1")));
        assertEquals(2, Main.run(with("--out", out.toString(), "--tol", "-1")));
        assertEquals(2, Main.run(with("--out", out.toString(), "--model", "transformer")));
        assertEquals(2, Main.run(with("--out", out.toString(), "--runs", "many")));
        assertEquals(2, Main.run(with("--out", out.toString(), "--no-such-flag")));
        assertFalse(Files.exists(out));
        Files.createDirectories(out);
        assertEquals(2, Main.run(with("--out", out.toString())), "an existing --out is refused");
        assertEquals(Set.of(), list(out));
    }

    @Test
    void otherModelsRunThroughTheSamePipeline(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("mlp");
        assertEquals(0, Main.run(with("--out", out.toString(), "--model", "mlp", "--width", "3", "--activation", "tanh", "--lr", "0.1")));
        String header = Files.readAllLines(out.resolve("features.csv")).getFirst();
        assertEquals("trace,epoch,epochs_remaining,l1_distance,l2_distance,cosine_distance,linf_distance", header);
    }
}
