package dev.basin.trainer;

import dev.basin.kernels.Activation;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SweepTest {

    static List<RunSpec> specs() {
        List<RunSpec> l = new ArrayList<>(Sweep.seeds(Architecture.abs(2), DataSets.centeredXor(), TrainConfig.seed004(), 100, 12));
        TrainConfig mb = TrainConfig.defaults(Loss.MSE, 0.05).withBatchSize(4).withMaxEpochs(30);
        Architecture mlp = Architecture.mlp(Activation.RELU, 2, 6, 1);
        DataSet d = DataSets.randomPoints(10, 2, 5);
        for (int i = 0; i < 6; i++) l.add(new RunSpec(12 + i, 1000 + i, mlp, d, mb));
        return l;
    }

    @Test
    void oneAndTwoThreadsGiveBitwiseIdenticalResultsAndTraces() {
        List<RunSpec> s = specs();
        StringWriter a = new StringWriter(), b = new StringWriter(), ra = new StringWriter(), rb = new StringWriter();
        List<RunResult> one = Sweep.run(s, 1, null);
        List<RunResult> two = Sweep.run(s, 2, null);
        assertEquals(s.size(), one.size());
        for (int i = 0; i < s.size(); i++) {
            assertEquals(one.get(i).status(), two.get(i).status());
            assertEquals(one.get(i).epochs(), two.get(i).epochs());
            assertArrayEquals(one.get(i).finalParams(), two.get(i).finalParams());
            assertEquals(Double.doubleToRawLongBits(one.get(i).finalLoss()), Double.doubleToRawLongBits(two.get(i).finalLoss()));
        }
        // traces (every epoch, all params) written through the CSV sink match byte for byte
        for (List<RunSpec> part : List.of(s.subList(0, 12), s.subList(12, 18))) {
            Sweep.run(part, 1, new CsvTraceSink(a, ra));
            Sweep.run(part, 2, new CsvTraceSink(b, rb));
        }
        assertEquals(a.toString(), b.toString());
        assertEquals(ra.toString(), rb.toString());
    }

    @Test
    void csvSinkWritesTheDocumentedColumns() {
        StringWriter out = new StringWriter(), runs = new StringWriter();
        List<RunResult> r = Sweep.run(Sweep.seeds(Architecture.abs(2), DataSets.centeredXor(), TrainConfig.seed004(), 7, 2), 2, new CsvTraceSink(out, runs));
        String[] lines = out.toString().split("\n");
        assertEquals("run,epoch,loss,grad_norm,p0,p1,p2", lines[0]);
        assertTrue(lines[1].startsWith("0,0,"));
        assertEquals(r.get(0).epochs() + r.get(1).epochs() + 2 + 1, lines.length);
        String[] runLines = runs.toString().split("\n");
        assertEquals(3, runLines.length);
        assertTrue(runLines[1].startsWith("0,7,abs,centered-xor,MSE,0.05,"), runLines[1]);
    }
}
