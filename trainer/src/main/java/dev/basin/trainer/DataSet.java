package dev.basin.trainer;

/**
 * A training set held in double: D rows of N inputs (row-major {@code x}, D×N) and D rows of K
 * targets ({@code t}, D×K; for cross-entropy K = 1 and the value is the class index). Immutable
 * once built (the arrays are copied in); models read it through {@link #inputs(Precision)} and
 * {@link #targets(Precision)} buffers.
 */
public final class DataSet {

    private final String name;
    private final int rows, inputs, targetsPerRow;
    private final double[] x, t;
    private final String[] inputNames;
    private final String targetName;

    public DataSet(String name, int rows, int inputs, int targetsPerRow, double[] x, double[] t,
                   String[] inputNames, String targetName) {
        if (rows <= 0 || inputs <= 0 || targetsPerRow <= 0) {
            throw new IllegalArgumentException("data set '" + name + "' has an empty shape " + rows + "×" + inputs + "→" + targetsPerRow);
        }
        if (x.length != rows * inputs) throw new IllegalArgumentException("data set '" + name + "': x has " + x.length + " values, expected " + rows * inputs);
        if (t.length != rows * targetsPerRow) throw new IllegalArgumentException("data set '" + name + "': t has " + t.length + " values, expected " + rows * targetsPerRow);
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) throw new IllegalArgumentException("data set '" + name + "': input " + (i % inputs) + " of row " + (i / inputs) + " is " + x[i]);
        }
        for (int i = 0; i < t.length; i++) {
            if (!Double.isFinite(t[i])) throw new IllegalArgumentException("data set '" + name + "': target of row " + (i / targetsPerRow) + " is " + t[i]);
        }
        this.name = name;
        this.rows = rows;
        this.inputs = inputs;
        this.targetsPerRow = targetsPerRow;
        this.x = x.clone();
        this.t = t.clone();
        this.inputNames = inputNames == null ? defaultNames(inputs) : inputNames.clone();
        this.targetName = targetName == null ? "y" : targetName;
    }

    public DataSet(String name, int rows, int inputs, double[] x, double[] t) {
        this(name, rows, inputs, t.length / rows, x, t, null, null);
    }

    private static String[] defaultNames(int n) {
        String[] s = new String[n];
        for (int i = 0; i < n; i++) s[i] = "x" + i;
        return s;
    }

    public String name() { return name; }
    public int rows() { return rows; }
    public int inputs() { return inputs; }
    public int targetsPerRow() { return targetsPerRow; }
    public double x(int row, int col) { return x[row * inputs + col]; }
    public double t(int row, int k) { return t[row * targetsPerRow + k]; }
    public double[] xCopy() { return x.clone(); }
    public double[] tCopy() { return t.clone(); }
    public String[] inputNames() { return inputNames.clone(); }
    public String targetName() { return targetName; }

    /** A new buffer holding the inputs, rows×inputs row-major, in the given precision. */
    public Buf inputs(Precision p) {
        Buf b = Buf.allocate(p, x.length);
        b.copyFrom(x, 0, 0, x.length);
        return b;
    }

    /** A new buffer holding the targets, rows×targetsPerRow row-major, in the given precision. */
    public Buf targets(Precision p) {
        Buf b = Buf.allocate(p, t.length);
        b.copyFrom(t, 0, 0, t.length);
        return b;
    }
}
