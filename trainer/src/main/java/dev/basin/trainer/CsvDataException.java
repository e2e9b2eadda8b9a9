package dev.basin.trainer;

import java.io.IOException;
import java.nio.file.Path;

/** A CSV data file that cannot be used; the message names the file and, where known, the line. */
public final class CsvDataException extends IOException {
    private final Path file;
    private final int line;

    public CsvDataException(Path file, int line, String what) {
        super(file + (line > 0 ? ":" + line : "") + ": " + what);
        this.file = file;
        this.line = line;
    }

    public Path file() { return file; }

    /** 1-based line number, or 0 when the problem is not on one line. */
    public int line() { return line; }
}
