package dev.basin.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** GemmDouble.java is generated from GemmFloat.java by gen-gemm-double.sh; this fails when they drift apart. */
class GemmDoubleGeneratedTest {

    @Test
    void gemmDoubleIsGeneratedFromGemmFloat() throws Exception {
        Path script = Path.of("gen-gemm-double.sh");
        assumeTrue(Files.isRegularFile(script), "run from the kernels module directory");
        Process p;
        try {
            p = new ProcessBuilder("bash", script.toString(), "--stdout").redirectErrorStream(true).start();
        } catch (java.io.IOException noBash) {
            assumeTrue(false, "bash is not available: " + noBash.getMessage());
            return;
        }
        String generated = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), generated);
        String committed = Files.readString(Path.of("src/main/java/dev/basin/kernels/GemmDouble.java"));
        assertEquals(generated, committed, "GemmDouble.java is stale: run kernels/gen-gemm-double.sh");
    }
}
