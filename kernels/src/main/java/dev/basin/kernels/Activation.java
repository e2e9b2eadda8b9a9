package dev.basin.kernels;

/**
 * Elementwise activations and the derivative each backward pass multiplies by.
 * Derivatives at the kinks follow PyTorch: abs'(0) = 0, relu'(0) = 0.
 */
public enum Activation {
    /** y = z. */
    IDENTITY,
    /** y = |z|; derivative sign(z). */
    ABS,
    /** y = max(z, 0); derivative step(z > 0). */
    RELU,
    /** y = z for z > 0, else {@link #LEAKY_SLOPE}·z. */
    LEAKY_RELU,
    /** y = tanh(z); derivative 1 − tanh²(z). */
    TANH,
    /** y = 1 / (1 + e^−z); derivative s(1 − s). */
    SIGMOID;

    /** Negative-side slope of {@link #LEAKY_RELU}, as PyTorch's default. */
    public static final float LEAKY_SLOPE = 0.01f;

    /** Parses a name such as {@code relu}, {@code leaky-relu} or {@code abs}, case-insensitively. */
    public static Activation parse(String name) {
        String key = name.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        for (Activation a : values()) {
            if (a.name().equals(key)) return a;
        }
        throw new IllegalArgumentException("unknown activation '" + name
                + "' (expected one of identity, abs, relu, leaky-relu, tanh, sigmoid)");
    }

    /** Scalar forward, the reference every SIMD path is tested against. */
    public double apply(double z) {
        return switch (this) {
            case IDENTITY -> z;
            case ABS -> Math.abs(z);
            case RELU -> z > 0 ? z : 0.0;
            case LEAKY_RELU -> z > 0 ? z : LEAKY_SLOPE * z;
            case TANH -> Math.tanh(z);
            case SIGMOID -> 1.0 / (1.0 + Math.exp(-z));
        };
    }

    /** Scalar derivative at the pre-activation z. */
    public double derivative(double z) {
        return switch (this) {
            case IDENTITY -> 1.0;
            case ABS -> z > 0 ? 1.0 : (z < 0 ? -1.0 : 0.0);
            case RELU -> z > 0 ? 1.0 : 0.0;
            case LEAKY_RELU -> z > 0 ? 1.0 : LEAKY_SLOPE;
            case TANH -> { double t = Math.tanh(z); yield 1.0 - t * t; }
            case SIGMOID -> { double s = 1.0 / (1.0 + Math.exp(-z)); yield s * (1.0 - s); }
        };
    }

    public float apply(float z) {
        return switch (this) {
            case IDENTITY -> z;
            case ABS -> Math.abs(z);
            case RELU -> z > 0 ? z : 0.0f;
            case LEAKY_RELU -> z > 0 ? z : LEAKY_SLOPE * z;
            case TANH -> (float) Math.tanh(z);
            case SIGMOID -> (float) (1.0 / (1.0 + Math.exp(-z)));
        };
    }

    public float derivative(float z) {
        return switch (this) {
            case IDENTITY -> 1.0f;
            case ABS -> z > 0 ? 1.0f : (z < 0 ? -1.0f : 0.0f);
            case RELU -> z > 0 ? 1.0f : 0.0f;
            case LEAKY_RELU -> z > 0 ? 1.0f : LEAKY_SLOPE;
            case TANH -> { float t = (float) Math.tanh(z); yield 1.0f - t * t; }
            case SIGMOID -> { float s = (float) (1.0 / (1.0 + Math.exp(-z))); yield s * (1.0f - s); }
        };
    }
}
