package dev.mawm.models.loss;

/**
 * The terms of a VICReg loss (scalars of the backend).
 *
 * @param total weighted sum {@code wInv·inv + wVar·var + wCov·cov}
 * @param inv   invariance: MSE between the two branches
 * @param var   variance: hinge on the per-dimension standard deviation, averaged over the two branches
 * @param cov   covariance: squared off-diagonal covariance / D, summed over the two branches
 * @param <T>   the backend's tensor type
 */
public record VicRegTerms<T>(T total, T inv, T var, T cov) {
}
