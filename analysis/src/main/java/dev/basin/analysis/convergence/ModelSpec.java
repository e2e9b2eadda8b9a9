package dev.basin.analysis.convergence;

import dev.basin.kernels.Activation;
import dev.basin.trainer.Architecture;
import dev.basin.trainer.Init;
import dev.basin.trainer.Layer;

import java.util.List;
import java.util.Locale;

/**
 * The model whose convergence is studied, on centered XOR's 2 inputs: seed 004's y = |w·x + b|,
 * the same with a ReLU (y = max(0, w·x + b), its "future direction" 1), or an MLP 2 → width → 1
 * with a chosen hidden activation. All start from N(0, 1) parameters, as seed 004 does.
 */
public record ModelSpec(String kind, int width, Activation activation) {

    public static ModelSpec parse(String kind, int width, String activation) {
        String k = kind.trim().toLowerCase(Locale.ROOT);
        return switch (k) {
            case "abs", "relu" -> new ModelSpec(k, 0, k.equals("abs") ? Activation.ABS : Activation.RELU);
            case "mlp" -> {
                if (width < 1) throw new IllegalArgumentException("--width must be ≥ 1 for --model mlp, got " + width);
                yield new ModelSpec(k, width, parseActivation(activation));
            }
            default -> throw new IllegalArgumentException("unknown --model '" + kind + "' (expected abs, relu or mlp)");
        };
    }

    static Activation parseActivation(String a) {
        return switch (a.trim().toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "abs" -> Activation.ABS;
            case "relu" -> Activation.RELU;
            case "tanh" -> Activation.TANH;
            case "sigmoid" -> Activation.SIGMOID;
            case "leaky_relu" -> Activation.LEAKY_RELU;
            case "identity" -> Activation.IDENTITY;
            default -> throw new IllegalArgumentException("unknown --activation '" + a + "' (expected abs, relu, leaky-relu, tanh, sigmoid or identity)");
        };
    }

    public Architecture architecture() {
        return switch (kind) {
            case "abs" -> Architecture.abs(2);
            case "relu" -> new Architecture("relu", List.of(new Layer(2, 1, Activation.RELU, true, true)), Init.NORMAL);
            default -> Architecture.mlp(activation, Activation.IDENTITY, Init.NORMAL, 2, width, 1);
        };
    }

    public String describe() {
        return switch (kind) {
            case "abs" -> "y = |w·x + b| (w ∈ R², b ∈ R; 3 parameters p0 = w0, p1 = w1, p2 = b)";
            case "relu" -> "y = max(0, w·x + b) (3 parameters p0 = w0, p1 = w1, p2 = b)";
            default -> "MLP 2 → " + width + " → 1, hidden " + activation.name().toLowerCase(Locale.ROOT) + ", linear output (" + (4 * width + 1) + " parameters)";
        };
    }
}
