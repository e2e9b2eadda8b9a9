package dev.basin.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Three kernel sources are generated (Java has no templates over float/double or over loop bodies):
 * these fail when a committed file drifts from what its script writes.
 */
class GeneratedSourcesTest {

    @Test
    void gemmDoubleIsGeneratedFromGemmFloat() throws Exception {
        assertGenerated("GemmDouble.java", "bash", "gen-gemm-double.sh");
    }

    @Test
    void vectorDenseLinearIsGeneratedByItsScript() throws Exception {
        assertGenerated("VectorDenseLinear.java", "python3", "gen-dense-linear.py");
    }

    @Test
    void vectorActivationsAreGeneratedByTheirScript() throws Exception {
        assertGenerated("VectorActivations.java", "python3", "gen-activations.py");
    }

    /** Runs {@code interpreter script --stdout} in the kernels module directory and compares. */
    private static void assertGenerated(String javaFile, String interpreter, String script) throws Exception {
        assumeTrue(Files.isRegularFile(Path.of(script)), "run from the kernels module directory");
        Process p;
        try {
            p = new ProcessBuilder(interpreter, script, "--stdout").redirectErrorStream(true).start();
        } catch (IOException missing) {
            assumeTrue(false, interpreter + " is not available: " + missing.getMessage());
            return;
        }
        String generated = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), generated);
        String committed = Files.readString(Path.of("src/main/java/dev/basin/kernels", javaFile));
        assertEquals(generated, committed, javaFile + " is stale: run " + interpreter + " kernels/" + script);
    }
}
