package dev.basin.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns JMH's JSON results ({@code -rf json -rff results.json}) into Markdown tables: for each
 * benchmark class, one row per kernel and parameter set, one column per {@code impl}, the median
 * over all measurement iterations converted to GFLOP/s (or GB/s, see {@link Workload}), and the
 * speed-up of every implementation over {@code scalar}. With {@code -prof gc} it adds the bytes
 * allocated per call.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.basin.bench.Summarize [--metric auto|gflops|gbs|time] results.json...</pre>
 */
public final class Summarize {

    /** JMH 1.37 writes "gc.alloc.rate.norm"; older versions prefixed a middle dot. */
    private static final List<String> ALLOC_NORM = List.of("gc.alloc.rate.norm", "\u00b7gc.alloc.rate.norm");
    private static final String SCALAR = "scalar";

    enum Metric { AUTO, GFLOPS, GBS, TIME }

    /** One JMH result: a method of a class under one parameter set. */
    record Result(String className, String method, Map<String, String> params, String impl,
                  double secondsPerOp, double allocBytesPerOp, int samples) {}

    private Summarize() {}

    public static void main(String[] args) {
        try {
            System.exit(run(args, System.out));
        } catch (IllegalArgumentException e) {
            System.err.println("Summarize: " + e.getMessage());
            System.exit(2);
        }
    }

    static int run(String[] args, PrintStream out) {
        Metric metric = Metric.AUTO;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                out.println("usage: Summarize [--metric auto|gflops|gbs|time] results.json...");
                out.println("  auto: GFLOP/s where the flop count is known, else GB/s, else time per call");
                return 0;
            } else if (a.equals("--metric")) {
                if (i + 1 >= args.length) throw new IllegalArgumentException("--metric needs a value: auto, gflops, gbs or time");
                metric = parseMetric(args[++i]);
            } else if (a.startsWith("--metric=")) {
                metric = parseMetric(a.substring("--metric=".length()));
            } else if (a.startsWith("-")) {
                throw new IllegalArgumentException("unknown option '" + a + "' (try --help)");
            } else {
                files.add(Path.of(a));
            }
        }
        if (files.isEmpty()) throw new IllegalArgumentException("give the JMH JSON result file(s), e.g. results.json (from -rf json -rff results.json)");
        List<Result> results = new ArrayList<>();
        for (Path f : files) results.addAll(read(f, out));
        if (results.isEmpty()) throw new IllegalArgumentException("no benchmark results in " + files);
        print(results, metric, out);
        return 0;
    }

    private static Metric parseMetric(String s) {
        try {
            return Metric.valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--metric must be auto, gflops, gbs or time, not '" + s + "'");
        }
    }

    // ---- reading ---------------------------------------------------------------------------

    static List<Result> read(Path file, PrintStream out) {
        JsonElement root;
        try (Reader r = Files.newBufferedReader(file)) {
            root = JsonParser.parseReader(r);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read " + file + " as JMH JSON: " + e.getMessage());
        }
        if (!root.isJsonArray()) throw new IllegalArgumentException(file + " is not a JMH JSON result (expected a top-level array)");
        List<Result> results = new ArrayList<>();
        boolean headerDone = false;
        for (JsonElement e : root.getAsJsonArray()) {
            JsonObject o = e.getAsJsonObject();
            if (!headerDone) {
                out.printf("<!-- %s: JMH %s, %s %s, jvm args %s -->%n", file.getFileName(), str(o, "jmhVersion"),
                        str(o, "vmName"), str(o, "vmVersion"), o.has("jvmArgs") ? o.get("jvmArgs").toString() : "?");
                headerDone = true;
            }
            results.add(parse(o));
        }
        return results;
    }

    private static Result parse(JsonObject o) {
        String full = str(o, "benchmark");
        int dot = full.lastIndexOf('.');
        String method = full.substring(dot + 1);
        String cls = full.substring(0, Math.max(dot, 0));
        cls = cls.substring(cls.lastIndexOf('.') + 1);
        Map<String, String> params = new LinkedHashMap<>();
        if (o.has("params")) {
            for (var p : o.getAsJsonObject("params").entrySet()) params.put(p.getKey(), p.getValue().getAsString());
        }
        String impl = params.remove("impl");
        JsonObject primary = o.getAsJsonObject("primaryMetric");
        String mode = str(o, "mode");
        double[] raw = flatten(primary.getAsJsonArray("rawData"));
        double value = raw.length > 0 && !mode.equals("sample") ? median(raw) : primary.get("score").getAsDouble();
        double secondsPerOp = toSecondsPerOp(value, str(primary, "scoreUnit"));
        double alloc = Double.NaN;
        JsonObject secondary = o.has("secondaryMetrics") ? o.getAsJsonObject("secondaryMetrics") : new JsonObject();
        for (String key : ALLOC_NORM) {
            if (!secondary.has(key)) continue;
            JsonObject a = secondary.getAsJsonObject(key);
            double[] ar = flatten(a.getAsJsonArray("rawData"));
            alloc = ar.length > 0 ? median(ar) : a.get("score").getAsDouble();
        }
        return new Result(cls, method, params, impl, secondsPerOp, alloc, raw.length);
    }

    private static String str(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsString() : "?";
    }

    private static double[] flatten(JsonArray forks) {
        if (forks == null) return new double[0];
        List<Double> v = new ArrayList<>();
        for (JsonElement fork : forks) {
            if (fork.isJsonArray()) {
                for (JsonElement x : fork.getAsJsonArray()) if (x.isJsonPrimitive()) v.add(x.getAsDouble());
            }
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int h = s.length / 2;
        return s.length % 2 == 1 ? s[h] : (s[h - 1] + s[h]) / 2;
    }

    /** JMH units are "ns/op"-style (time per call) or "ops/ms"-style (calls per time). */
    static double toSecondsPerOp(double value, String unit) {
        String[] parts = unit.split("/");
        if (parts.length != 2) throw new IllegalArgumentException("unexpected JMH unit '" + unit + "'");
        if (parts[1].equals("op")) return value * secondsIn(parts[0], unit);
        if (parts[0].equals("ops")) return secondsIn(parts[1], unit) / value;
        throw new IllegalArgumentException("unexpected JMH unit '" + unit + "'");
    }

    private static double secondsIn(String timeUnit, String unit) {
        return switch (timeUnit) {
            case "ns" -> 1e-9;
            case "us", "\u00b5s" -> 1e-6;
            case "ms" -> 1e-3;
            case "s" -> 1.0;
            case "min" -> 60.0;
            default -> throw new IllegalArgumentException("unexpected JMH unit '" + unit + "'");
        };
    }

    // ---- printing --------------------------------------------------------------------------

    static void print(List<Result> results, Metric metric, PrintStream out) {
        Map<String, List<Result>> byClass = new LinkedHashMap<>();
        for (Result r : results) byClass.computeIfAbsent(r.className(), c -> new ArrayList<>()).add(r);
        for (var entry : byClass.entrySet()) {
            out.println();
            out.println("### " + entry.getKey());
            out.println();
            printClass(entry.getValue(), metric, out);
        }
        out.println();
        out.println("Medians over all measurement iterations of all forks. GFLOP/s and GB/s follow"
                + " dev.basin.bench.Workload (compulsory traffic, no cache model); ×scalar = scalar time / impl time.");
    }

    private static void printClass(List<Result> rs, Metric metric, PrintStream out) {
        Set<String> impls = new LinkedHashSet<>();
        rs.stream().map(r -> r.impl() == null ? "score" : r.impl())
                .sorted(Comparator.comparingInt(Summarize::implRank).thenComparing(s -> s))
                .forEach(impls::add);
        boolean hasScalar = impls.contains(SCALAR);
        List<String> compared = impls.stream().filter(i -> hasScalar && !i.equals(SCALAR)).toList();
        boolean hasAlloc = rs.stream().anyMatch(r -> !Double.isNaN(r.allocBytesPerOp()));

        // Rows: kernel + parameters other than impl; float and double of a kernel together
        // (sdot, ddot, then saxpy, ...), parameters in numeric order.
        Map<List<String>, Map<String, Result>> rows = new LinkedHashMap<>();
        rs.stream()
                .sorted(Comparator.<Result, String>comparing(r -> kernelOf(r.method()))
                        .thenComparing(r -> precisionRank(r.method()))
                        .thenComparing((a, b) -> compareParams(a.params(), b.params())))
                .forEach(r -> rows.computeIfAbsent(rowKey(r), k -> new LinkedHashMap<>())
                        .put(r.impl() == null ? "score" : r.impl(), r));

        List<String> header = new ArrayList<>(List.of("kernel", "params", "unit"));
        header.addAll(impls);
        for (String c : compared) header.add(c + " ×scalar");
        if (hasAlloc) for (String i : impls) header.add("B/op " + i);
        out.println("| " + String.join(" | ", header) + " |");
        out.println("|" + "---|".repeat(3) + "---:|".repeat(header.size() - 3));

        for (var row : rows.entrySet()) {
            Map<String, Result> byImpl = row.getValue();
            Result any = byImpl.values().iterator().next();
            Optional<Workload> work = Workload.of(any.method(), any.params());
            String unit = unitFor(metric, work);
            List<String> cells = new ArrayList<>(List.of(any.method(), paramsText(any.params()), unit));
            for (String i : impls) {
                Result r = byImpl.get(i);
                cells.add(r == null ? "" : format(unit, work, r.secondsPerOp()));
            }
            Result scalar = byImpl.get(SCALAR);
            for (String c : compared) {
                Result r = byImpl.get(c);
                cells.add(r == null || scalar == null ? "" : String.format(Locale.ROOT, "%.2f", scalar.secondsPerOp() / r.secondsPerOp()));
            }
            if (hasAlloc) {
                for (String i : impls) {
                    Result r = byImpl.get(i);
                    cells.add(r == null || Double.isNaN(r.allocBytesPerOp()) ? "" : String.format(Locale.ROOT, "%.1f", r.allocBytesPerOp()));
                }
            }
            out.println("| " + String.join(" | ", cells) + " |");
        }
    }

    private static int implRank(String impl) {
        return switch (impl) {
            case "vector" -> 0;
            case SCALAR -> 1;
            default -> 2;
        };
    }

    /** "sdot" and "ddot" sort as "dot" (a name merely starting with s or d just sorts a little oddly). */
    private static String kernelOf(String method) {
        return precisionRank(method) < 2 ? method.substring(1).toLowerCase(Locale.ROOT) : method.toLowerCase(Locale.ROOT);
    }

    private static int precisionRank(String method) {
        if (method.length() < 2) return 2;
        return switch (method.charAt(0)) {
            case 's' -> 0;
            case 'd' -> 1;
            default -> 2;
        };
    }

    private static List<String> rowKey(Result r) {
        List<String> k = new ArrayList<>();
        k.add(r.method());
        r.params().forEach((p, v) -> k.add(p + "=" + v));
        return k;
    }

    private static int compareParams(Map<String, String> a, Map<String, String> b) {
        List<String> keys = new ArrayList<>(a.keySet());
        for (String k : b.keySet()) if (!keys.contains(k)) keys.add(k);
        for (String k : keys) {
            String x = a.getOrDefault(k, ""), y = b.getOrDefault(k, "");
            int c;
            try {
                c = Double.compare(Double.parseDouble(x), Double.parseDouble(y));
            } catch (NumberFormatException e) {
                c = x.compareTo(y);
            }
            if (c != 0) return c;
        }
        return 0;
    }

    private static String paramsText(Map<String, String> params) {
        if (params.isEmpty()) return "";
        List<String> parts = new ArrayList<>();
        params.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(" ", parts);
    }

    private static String unitFor(Metric metric, Optional<Workload> work) {
        boolean flops = work.isPresent() && !Double.isNaN(work.get().flops());
        boolean bytes = work.isPresent() && !Double.isNaN(work.get().bytes());
        return switch (metric) {
            case AUTO -> flops ? "GFLOP/s" : bytes ? "GB/s" : "time/op";
            case GFLOPS -> flops ? "GFLOP/s" : "time/op";
            case GBS -> bytes ? "GB/s" : "time/op";
            case TIME -> "time/op";
        };
    }

    private static String format(String unit, Optional<Workload> work, double secondsPerOp) {
        return switch (unit) {
            case "GFLOP/s" -> rate(work.orElseThrow().flops() / secondsPerOp / 1e9);
            case "GB/s" -> rate(work.orElseThrow().bytes() / secondsPerOp / 1e9);
            default -> time(secondsPerOp);
        };
    }

    static String rate(double v) {
        if (v >= 100) return String.format(Locale.ROOT, "%.0f", v);
        if (v >= 10) return String.format(Locale.ROOT, "%.1f", v);
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String time(double s) {
        if (s < 1e-6) return String.format(Locale.ROOT, "%.1f ns", s * 1e9);
        if (s < 1e-3) return String.format(Locale.ROOT, "%.2f µs", s * 1e6);
        if (s < 1) return String.format(Locale.ROOT, "%.2f ms", s * 1e3);
        return String.format(Locale.ROOT, "%.2f s", s);
    }
}
