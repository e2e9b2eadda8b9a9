package dev.basin.trainer;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Loads a data set from a CSV file: a header row of column names, then one row per sample of
 * numbers separated by commas (no quoting). The named target column becomes the target; every
 * other column is an input, in file order. Blank lines are skipped. Any malformed row (wrong
 * number of fields, a field that is not a number, NaN or ±Inf) fails the whole load with a
 * {@link CsvDataException} naming the file and line: nothing half-read is ever returned.
 */
public final class CsvDataLoader {

    private CsvDataLoader() {}

    public static DataSet load(Path file, String targetColumn) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            int lineNo = 1;
            while (header != null && header.isBlank()) { header = in.readLine(); lineNo++; }
            if (header == null) throw new CsvDataException(file, 0, "empty file (no header row)");
            String[] names = header.split(",", -1);
            for (int i = 0; i < names.length; i++) {
                names[i] = names[i].trim();
                if (names[i].isEmpty()) throw new CsvDataException(file, lineNo, "header column " + (i + 1) + " has no name");
            }
            int target = Arrays.asList(names).indexOf(targetColumn);
            if (target < 0) {
                throw new CsvDataException(file, lineNo, "no target column '" + targetColumn + "' in header " + Arrays.toString(names));
            }
            if (names.length < 2) throw new CsvDataException(file, lineNo, "need at least one input column besides the target");
            int cols = names.length, nIn = cols - 1;
            List<double[]> rows = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) continue;
                String[] f = line.split(",", -1);
                if (f.length != cols) {
                    throw new CsvDataException(file, lineNo, "expected " + cols + " fields, found " + f.length);
                }
                double[] row = new double[cols];
                for (int c = 0; c < cols; c++) {
                    String s = f[c].trim();
                    double v;
                    try {
                        v = Double.parseDouble(s);
                    } catch (NumberFormatException e) {
                        throw new CsvDataException(file, lineNo, "column '" + names[c] + "' is not a number: '" + s + "'");
                    }
                    if (!Double.isFinite(v)) throw new CsvDataException(file, lineNo, "column '" + names[c] + "' is " + s + " (NaN and infinities are not allowed)");
                    row[c] = v;
                }
                rows.add(row);
            }
            if (rows.isEmpty()) throw new CsvDataException(file, 0, "no data rows after the header");
            int d = rows.size();
            double[] x = new double[d * nIn], t = new double[d];
            String[] inNames = new String[nIn];
            for (int c = 0, k = 0; c < cols; c++) if (c != target) inNames[k++] = names[c];
            for (int r = 0; r < d; r++) {
                double[] row = rows.get(r);
                for (int c = 0, k = 0; c < cols; c++) {
                    if (c == target) t[r] = row[c];
                    else x[r * nIn + k++] = row[c];
                }
            }
            return new DataSet(file.getFileName().toString(), d, nIn, 1, x, t, inNames, targetColumn);
        }
    }
}
