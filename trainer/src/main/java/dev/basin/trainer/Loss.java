package dev.basin.trainer;

import java.util.Locale;

/** Training losses over D points (or a mini-batch of them) with network outputs y_d and targets t_d. */
public enum Loss {
    /** Error(w) = Σ_d Σ_k (y_dk − t_dk)², exactly as seeds 002 and 004 write it (no ½, no mean). */
    SSE,
    /** (1/(D·K)) Σ_d Σ_k (y_dk − t_dk)²: PyTorch's {@code MSELoss()} with its default mean. */
    MSE,
    /**
     * Softmax cross-entropy, (1/D) Σ_d −log softmax(y_d)[c_d]; the target is the class index c_d
     * (stored as a number 0..K−1), as PyTorch's {@code CrossEntropyLoss()}.
     */
    SOFTMAX_CE;

    public static Loss parse(String name) {
        String key = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return switch (key) {
            case "SSE", "SUM" -> SSE;
            case "MSE", "MEAN" -> MSE;
            case "CE", "SOFTMAX_CE", "CROSS_ENTROPY" -> SOFTMAX_CE;
            default -> throw new IllegalArgumentException("unknown loss '" + name + "' (expected sse, mse or ce)");
        };
    }
}
