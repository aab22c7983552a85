package dev.mawm.training.loop;

/**
 * One evaluation in the loss history.
 *
 * @param step the number of steps done
 * @param trainLoss the mean training loss over the steps since the previous evaluation
 * @param valLoss the validation loss
 */
public record HistoryPoint(long step, double trainLoss, double valLoss) {
}
