package dev.basin.trainer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class CsvDataLoaderTest {

    @TempDir Path dir;

    Path write(String text) throws Exception {
        Path p = dir.resolve("data.csv");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void loadsNamedTargetAndOtherColumnsAsInputs() throws Exception {
        DataSet d = CsvDataLoader.load(write("a,label,b\n1,0,2\n\n-3.5,1,4e-1\n"), "label");
        assertEquals(2, d.rows());
        assertEquals(2, d.inputs());
        assertArrayEquals(new String[]{"a", "b"}, d.inputNames());
        assertEquals(-3.5, d.x(1, 0));
        assertEquals(0.4, d.x(1, 1));
        assertEquals(1.0, d.t(1, 0));
    }

    @Test
    void malformedRowNamesFileAndLine() throws Exception {
        Path p = write("a,y\n1,2\n3,oops\n5,6\n");
        CsvDataException e = assertThrows(CsvDataException.class, () -> CsvDataLoader.load(p, "y"));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("data.csv:3") && e.getMessage().contains("oops"), e.getMessage());
    }

    @Test
    void wrongFieldCountIsReported() throws Exception {
        CsvDataException e = assertThrows(CsvDataException.class, () -> CsvDataLoader.load(write("a,y\n1,2\n3\n"), "y"));
        assertEquals(3, e.line());
    }

    @Test
    void nanAndInfinityAreRejected() throws Exception {
        assertEquals(2, assertThrows(CsvDataException.class, () -> CsvDataLoader.load(write("a,y\nNaN,1\n"), "y")).line());
        assertEquals(3, assertThrows(CsvDataException.class, () -> CsvDataLoader.load(write("a,y\n1,1\n2,Infinity\n"), "y")).line());
    }

    @Test
    void missingTargetOrEmptyFile() throws Exception {
        assertTrue(assertThrows(CsvDataException.class, () -> CsvDataLoader.load(write("a,b\n1,2\n"), "y")).getMessage().contains("'y'"));
        assertThrows(CsvDataException.class, () -> CsvDataLoader.load(write(""), "y"));
        assertThrows(CsvDataException.class, () -> CsvDataLoader.load(write("a,y\n"), "y"));
    }
}
