package dev.basin.kernels;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every kernel gives the same bits interpreted and compiled. The Vector API runs its Java
 * fallback until C2 compiles a kernel, and some of its operations (reduceLanes, TANH, EXP) are
 * allowed to round differently there; a kernel that used them gave one seed two results
 * depending on JIT timing, hence on the thread count. {@link KernelDigests} runs in two fresh
 * JVMs at this run's vector width, side by side: one interpreter-only, one after twelve passes
 * under C2 alone (compiling at 100 invocations, in the foreground), and the digests must agree
 * kernel by kernel. Twelve passes were enough for the kernels before the fix to differ in 13
 * (128 bits), 26 (256) and 30 (512) of the digests. It runs in the executions that force a
 * width, which cover every species; the default execution repeats one of them and the scalar
 * one has no Vector API to disagree with.
 */
class JitIndependenceTest {

    private static final int WARM_PASSES = 12;

    @Test
    void everyKernelGivesTheSameBitsInTheInterpreterAndCompiledByC2() throws Exception {
        assumeTrue(System.getProperty("basin.vector.bits") != null, "runs in the executions that force a vector width");
        Child interpreted = Child.start(List.of("-Xint"), KernelDigests.class, "0");
        Child compiled = Child.start(List.of("-XX:-TieredCompilation", "-XX:CompileThreshold=100", "-Xbatch"), KernelDigests.class, Integer.toString(WARM_PASSES));
        Map<String, String> a = interpreted.digests(), b = compiled.digests();
        assertEquals(a.keySet(), b.keySet());
        List<String> differ = new ArrayList<>();
        a.forEach((k, v) -> { if (!v.equals(b.get(k))) differ.add(k); });
        if (!differ.isEmpty()) fail("compiled code differs from the interpreter with " + IMPL_NAME + " in " + differ);
    }

    /**
     * No compiler refuses a kernel. C1 gives up on a method whose live values outgrow its
     * register allocator ("COMPILE SKIPPED: out of virtual registers in linear scan"); the
     * kernel then runs interpreted, boxing every vector, until C2 takes it, which took seconds.
     * A second copy of the k loop in every small GEMM tile did that to maskedTile and ran
     * n = 8…64 at 1 % of their speed while the allocation and bit tests all passed. Tiered, as
     * applications run, with low thresholds so that the digest passes reach both tiers.
     */
    @Test
    void everyKernelCompilesAtBothTiers() throws Exception {
        assumeTrue(System.getProperty("basin.vector.bits") != null, "runs in the executions that force a vector width");
        Child tiered = Child.start(List.of("-XX:+PrintCompilation", "-XX:Tier3InvocationThreshold=20",
                "-XX:Tier3MinInvocationThreshold=20", "-XX:Tier3CompileThreshold=50", "-XX:Tier4InvocationThreshold=200",
                "-XX:Tier4MinInvocationThreshold=200", "-XX:Tier4CompileThreshold=300"), KernelDigests.class, Integer.toString(WARM_PASSES));
        List<String> skipped = refused(tiered.output());
        if (!skipped.isEmpty()) fail("a compiler refused kernels with " + IMPL_NAME + ":\n" + String.join("\n", skipped));
    }

    /**
     * The same where HotSpot compiles at tier 2 first, as it does while C2's queue is long
     * (-XX:Tier3DelayOn=0 makes that every time). maskedTile, so compiled, then failed its
     * tier-3 OSR compile ("out of virtual registers in linear scan") and stayed at tier 2 for
     * good, boxing every vector: sgemm 12 × 12 × 12 ran 5.5 µs a call and allocated 41 KB, and
     * this child's JVM refused it at all three widths, while everyKernelCompilesAtBothTiers
     * passed. At the hardware's width the child's calls must also have settled allocation-free.
     */
    @Test
    void smallTilesCompileWhenTierTwoComesFirst() throws Exception {
        assumeTrue(System.getProperty("basin.vector.bits") != null, "runs in the executions that force a vector width");
        String out = Child.start(List.of("-XX:Tier3DelayOn=0", "-XX:+PrintCompilation"), TierTwoFirst.class, "1000").output();
        List<String> skipped = refused(out);
        if (!skipped.isEmpty()) fail("a compiler refused kernels with " + IMPL_NAME + " (tier 2 first):\n" + String.join("\n", skipped));
        if (ZeroAllocationKernelsTest.nativeVectorWidth()) {
            List<String> allocating = out.lines().filter(l -> l.contains("bytes per call") && !l.endsWith(" 0.0")).toList();
            if (!allocating.isEmpty()) fail("kernels allocate with " + IMPL_NAME + " (tier 2 first):\n" + String.join("\n", allocating));
        }
    }

    /** The lines of -XX:+PrintCompilation output where a compiler refused a basin kernel. */
    private static List<String> refused(String printCompilation) {
        return printCompilation.lines()
                .filter(l -> l.contains("dev.basin.kernels.") && (l.contains("COMPILE SKIPPED") || l.contains("not compilable")))
                .toList();
    }

    private static final String IMPL_NAME = Kernels.implementation();

    /**
     * A child JVM at this run's vector width and kernel choice, writing to a temporary file so
     * that several can run at once (also C2StressAllocationTest's).
     */
    record Child(List<String> flags, Process process, Path log) {

        static Child start(List<String> jvmFlags, Class<?> main, String... args) throws IOException {
            List<String> cmd = new ArrayList<>();
            cmd.add(ProcessHandle.current().info().command().orElse("java"));
            cmd.addAll(jvmFlags);
            if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) cmd.addAll(List.of("--add-modules", "jdk.incubator.vector"));
            for (String prop : new String[]{"basin.vector.bits", "basin.kernels"}) {
                String v = System.getProperty(prop);
                if (v != null) cmd.add("-D" + prop + "=" + v);
            }
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
            cmd.addAll(List.of(args));
            Path log = Files.createTempFile("basin-child", ".txt");
            log.toFile().deleteOnExit();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new Child(jvmFlags, p, log);
        }

        /** Everything the JVM printed, once it has exited with 0. */
        String output() throws IOException, InterruptedException {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("child JVM " + flags + " did not finish in 5 minutes");
            }
            String text = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            assertEquals(0, process.exitValue(), () -> "child JVM " + flags + " failed:\n" + text);
            return text;
        }

        Map<String, String> digests() throws IOException, InterruptedException {
            String text = output();
            Map<String, String> out = new LinkedHashMap<>();
            for (String line : text.split("\n")) {
                int eq = line.lastIndexOf('=');
                if (eq > 0 && !line.startsWith("WARNING")) out.put(line.substring(0, eq), line.substring(eq + 1).trim());
            }
            if (out.isEmpty()) fail("child JVM " + flags + " printed no digests:\n" + text);
            return out;
        }
    }
}
