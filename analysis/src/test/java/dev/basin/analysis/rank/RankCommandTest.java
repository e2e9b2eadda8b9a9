package dev.basin.analysis.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basin.analysis.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `basin rank` end to end on a tiny configuration: every promised file, and parameters that round-trip. */
class RankCommandTest {

    @Test
    void writesReportCsvsPlotsDataAndParams(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("out");
        int code = Main.run("rank", "--out", dir.toString(), "--D", "6", "--seeds", "2", "--max-epochs", "300",
                "--construction-max-D", "8", "--br-N", "3", "--br-gadgets", "2", "--threads", "2");
        assertEquals(0, code);
        for (String f : new String[] {"report.md", "runs.csv", "constructions.csv", "sweep_converged.png", "sweep_sigma_min.png",
                "sweep_loss.png", "constructions_r.png", "blum_rivest.png", "sweep/data.csv", "blum-rivest/data.csv"}) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        List<String> runs = Files.readAllLines(dir.resolve("runs.csv"));
        assertEquals(RankFiles.RUNS_HEADER, runs.getFirst());
        String[] header = runs.getFirst().split(",");
        int holds = List.of(header).indexOf("holds"), id = List.of(header).indexOf("run"), exp = List.of(header).indexOf("experiment");
        for (String line : runs.subList(1, runs.size())) {
            String[] c = line.split(",");
            assertEquals(header.length, c.length, line);
            assertEquals("true", c[holds], "the certificate must never fail: " + line);
            assertTrue(Files.exists(dir.resolve(c[exp]).resolve("params").resolve(c[id] + ".csv")), line);
        }
        String report = Files.readString(dir.resolve("report.md"));
        assertTrue(report.contains("## Width sweep") && report.contains("## Blum–Rivest") && report.contains("## Seed 002 §2.4"), report);
        assertEquals(7, Files.readAllLines(dir.resolve("sweep/data.csv")).size());   // header + D rows
        try (var left = Files.list(tmp)) {
            assertEquals(List.of(dir), left.toList(), "no temporary folder is left beside the output");
        }
    }

    @Test
    void anExistingOutputFolderIsRefused(@TempDir Path dir) {
        assertEquals(2, Main.run("rank", "--out", dir.toString(), "--D", "4", "--seeds", "1"));
    }

    @Test
    void badOptionsGetAClearMessage(@TempDir Path tmp) {
        Path dir = tmp.resolve("out");
        assertEquals(2, Main.run("rank", "--out", dir.toString(), "--experiments", "nope"));
        assertEquals(2, Main.run("rank", "--out", dir.toString(), "--activation", "swish"));
        assertTrue(Files.notExists(dir));
    }
}
