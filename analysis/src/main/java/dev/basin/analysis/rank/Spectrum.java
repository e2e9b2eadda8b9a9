package dev.basin.analysis.rank;

/**
 * Singular values of a rows×cols matrix and what they say about its rank, float64.
 *
 * @param singularValues  the min(rows, cols) singular values, descending; for method
 *                        {@code "chol-lanczos+rq"} (which computes only the two ends) just
 *                        {σ_max, σ_min}
 * @param tolerance       σ below or at this count as zero: σ_max·max(rows, cols)·eps unless
 *                        stated otherwise (NumPy's {@code matrix_rank} default)
 * @param rank            number of singular values above the tolerance
 * @param method          {@code "svd"} (Apache Commons Math SVD of the matrix itself),
 *                        {@code "gram-eig"} (eigenvalues of A·Aᵀ, σ = √λ), {@code "gram-eig+rq"}
 *                        (σ_min refined through A) or {@code "chol-lanczos+rq"} (Cholesky and
 *                        Lanczos on A·Aᵀ, σ_min refined through A; see MatrixRank.choleskyLanczos)
 * @param resolved        false when the method cannot tell σ_min from zero at this tolerance
 *                        (the Gram route's floor, see {@link MatrixRank#gram}); the rank is then
 *                        not trustworthy and the SVD should be used
 * @param relErrSigmaMin  an estimate of σ_min's relative rounding error (0 when not estimated)
 */
public record Spectrum(int rows, int cols, double[] singularValues, double tolerance, int rank,
                       String method, boolean resolved, double relErrSigmaMin) {

    public double sigmaMax() {
        return singularValues.length == 0 ? 0.0 : singularValues[0];
    }

    /** The min(rows, cols)-th singular value. */
    public double sigmaMin() {
        return singularValues.length == 0 ? 0.0 : singularValues[singularValues.length - 1];
    }

    /** σ_max / σ_min (infinite when σ_min is 0). */
    public double condition() {
        return sigmaMin() == 0.0 ? Double.POSITIVE_INFINITY : sigmaMax() / sigmaMin();
    }

    /** True when the rows are linearly independent (rank = rows). */
    public boolean fullRowRank() {
        return rank == rows;
    }

    /**
     * The scaling factor of the map v ↦ Aᵀ·v (R^rows → R^cols): min |Aᵀv|/|v|, the seed's r when A
     * holds one sample per row. It is σ_min when rows ≤ cols, else 0 (more vectors than dimensions).
     */
    public double rowScalingFactor() {
        return rows <= cols ? sigmaMin() : 0.0;
    }
}
