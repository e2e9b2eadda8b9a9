package dev.basin.trainer;

/** How a run ended. Checked in this order after each evaluation, before the update. */
public enum Status {
    /** Loss or gradient norm NaN/Inf, or loss above divergenceFactor · max(initial loss, 1). */
    DIVERGED,
    /** Loss below the tolerance. */
    CONVERGED,
    /** Gradient norm at or below ε (a critical point that is not a converged one). */
    CRITICAL,
    /** The epoch cap was reached. */
    MAX_EPOCHS
}
