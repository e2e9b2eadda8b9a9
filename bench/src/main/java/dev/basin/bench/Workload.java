package dev.basin.bench;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The work one benchmark call does, from its method name and JMH parameters, so that
 * {@link Summarize} can turn time per call into GFLOP/s and GB/s.
 *
 * <p>Method names follow BLAS: a precision letter ({@code s} float, {@code d} double) and the
 * kernel ({@code sdot}, {@code dgemv}, {@code sBiasActivate}, ...). Conventions:
 * <ul>
 *   <li>flops count multiplies and adds only (abs, max and compares are free); nrm2 counts its
 *       nominal 2n whatever scaling the implementation does; gemm is 2·m·n·k; gram (C = A·Aᵀ,
 *       A m×k) is the SYRK count m·(m+1)·k, the useful work, although both triangles are written;
 *   <li>activations have no flop count (tanh and sigmoid are not a fixed number of flops), only
 *       bytes;
 *   <li>bytes are the compulsory traffic, each operand read once and each output written once
 *       (read-modify-write counts twice), ignoring caches: at small sizes the data sit in L1 and
 *       the "GB/s" exceeds what memory could deliver.
 * </ul>
 * Parameters: {@code n} (size; square matrices), {@code m}, {@code k} (gemm/gram when not
 * square), {@code rows} (batch of biasActivate).
 */
record Workload(double flops, double bytes) {

    /** The workload, or empty when the method is unknown (Summarize then prints time only). */
    static Optional<Workload> of(String method, Map<String, String> params) {
        if (method.length() < 2) return Optional.empty();
        char p = Character.toLowerCase(method.charAt(0));
        if (p != 's' && p != 'd') return Optional.empty();
        double w = p == 's' ? Float.BYTES : Double.BYTES;
        String kernel = method.substring(1).toLowerCase(Locale.ROOT);
        double n = number(params, "n", Double.NaN);
        double m = number(params, "m", n);
        double k = number(params, "k", n);
        double rows = number(params, "rows", Double.NaN);
        Workload work = switch (kernel) {
            case "dot" -> new Workload(2 * n, 2 * n * w);
            case "axpy" -> new Workload(2 * n, 3 * n * w);
            case "scal" -> new Workload(n, 2 * n * w);
            case "sum", "asum" -> new Workload(n, n * w);
            case "nrm2" -> new Workload(2 * n, n * w);
            case "gemv" -> new Workload(2 * m * n, (m * n + m + n) * w);
            case "ger" -> new Workload(2 * m * n, (2 * m * n + m + n) * w);
            case "gram" -> new Workload(m * (m + 1) * k, (m * k + m * m) * w);
            case "activate" -> new Workload(Double.NaN, 2 * n * w);
            case "backward" -> new Workload(Double.NaN, 3 * n * w);
            case "biasactivate" -> new Workload(Double.NaN, (3 * rows * n + n) * w);
            default -> kernel.startsWith("gemm")
                    ? new Workload(2 * m * n * k, (m * k + k * n + m * n) * w)
                    : null;
        };
        if (work == null || (Double.isNaN(work.flops) && Double.isNaN(work.bytes))) return Optional.empty();
        return Optional.of(work);
    }

    private static double number(Map<String, String> params, String key, double fallback) {
        String v = params.get(key);
        if (v == null) return fallback;
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
