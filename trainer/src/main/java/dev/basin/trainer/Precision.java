package dev.basin.trainer;

/** Floating-point precision of a model's buffers: float32 for training speed, float64 for checks. */
public enum Precision {
    F32, F64
}
