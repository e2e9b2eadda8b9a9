package dev.basin.analysis.report;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/** The hidden temporary folder a command writes into before renaming it to its --out. */
public final class OutputFolder {

    private OutputFolder() {}

    /**
     * A new hidden sibling of {@code target} in {@code parent}. createTempDirectory makes it
     * owner-only (0700); the report is meant to be read by others, so it gets the usual 0755.
     */
    public static Path createTemp(Path parent, Path target) throws IOException {
        Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return tmp;
    }

    /** Deletes a folder and everything in it (a temporary folder after a failed run); absent is fine. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
