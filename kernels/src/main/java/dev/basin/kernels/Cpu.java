package dev.basin.kernels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the kernels know of the CPU beyond the vector width, read once from /proc/cpuinfo (Linux;
 * elsewhere, or when it cannot be read, nothing is known and the defaults hold).
 */
final class Cpu {

    private Cpu() {
    }

    /**
     * Whether 512-bit vector operations run as two 256-bit halves, one 512-bit FMA a cycle: AMD
     * family 25 with AVX-512 (Zen 4; Zen 3, the same family, has no AVX-512, and Zen 5, family 26,
     * runs them whole). The packed GEMM's micro-kernel then needs half the operand bandwidth per
     * cycle, so its panels can come from L2 and KC doubles (see GemmFloat.KC).
     */
    static final boolean HALF_RATE_512 = halfRate512(cpuinfo());

    private static String cpuinfo() {
        try {
            return Files.readString(Path.of("/proc/cpuinfo"));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** {@link #HALF_RATE_512} from a /proc/cpuinfo text (its first processor's lines). */
    static boolean halfRate512(String cpuinfo) {
        String vendor = null, family = null, flags = null;
        for (String line : cpuinfo.split("\n")) {
            if (line.isBlank()) {
                if (vendor != null || family != null || flags != null) break;   // end of the first processor
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            String key = line.substring(0, colon).trim(), value = line.substring(colon + 1).trim();
            switch (key) {
                case "vendor_id" -> vendor = value;
                case "cpu family" -> family = value;
                case "flags" -> flags = " " + value + " ";
                default -> { }
            }
        }
        return "AuthenticAMD".equals(vendor) && "25".equals(family) && flags != null && flags.contains(" avx512f ");
    }
}
