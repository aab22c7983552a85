package dev.mawm.models.nn.iris;

/**
 * The terms of the {@code iris} objective ({@link IrisObjective}), each a scalar.
 *
 * @param total    {@code cells + positionWeight·position + rewardWeight·reward + doneWeight·done}
 * @param cells    cross-entropy of the next frame's cells, mean over cells and valid transitions (nats)
 * @param position cross-entropy of the next (x, y), the mean of the two (nats)
 * @param reward   squared error of the predicted reward
 * @param done     two-class cross-entropy of termination (nats)
 * @param <T>      the backend's tensor type
 */
public record IrisLossTerms<T>(T total, T cells, T position, T reward, T done) {
}
