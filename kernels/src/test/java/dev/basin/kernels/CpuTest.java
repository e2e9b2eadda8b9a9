package dev.basin.kernels;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The CPU facts the packed GEMM's blocking follows, from /proc/cpuinfo texts of known machines. */
class CpuTest {

    private static String cpu(String vendor, int family, String flags) {
        return "processor\t: 0\nvendor_id\t: " + vendor + "\ncpu family\t: " + family + "\nmodel\t\t: 17\n"
                + "flags\t\t: " + flags + "\n\nprocessor\t: 1\nvendor_id\t: GenuineIntel\ncpu family\t: 6\n"
                + "flags\t\t: fpu avx2 avx512f\n";
    }

    @Test
    void zen4RunsAvx512AtHalfRate() {
        assertTrue(Cpu.halfRate512(cpu("AuthenticAMD", 25, "fpu sse2 avx2 fma avx512f avx512dq avx512bw avx512vl")));
    }

    @Test
    void zen3HasNoAvx512AndZen5RunsItWhole() {
        assertFalse(Cpu.halfRate512(cpu("AuthenticAMD", 25, "fpu sse2 avx2 fma")));
        assertFalse(Cpu.halfRate512(cpu("AuthenticAMD", 26, "fpu sse2 avx2 fma avx512f avx512vl")));
    }

    @Test
    void intelAndUnknownMachinesKeepTheDefault() {
        assertFalse(Cpu.halfRate512(cpu("GenuineIntel", 6, "fpu sse2 avx2 fma avx512f avx512vl")));
        assertFalse(Cpu.halfRate512(""));
        assertFalse(Cpu.halfRate512("garbage without colons\n\n"));
        // Only the first processor counts; a flag that merely starts with avx512f is not it.
        assertFalse(Cpu.halfRate512(cpu("AuthenticAMD", 25, "fpu avx512fp16")));
    }
}
