package dev.mawm.models.nn.mlp;

import dev.mawm.models.config.MlpConfig;
import dev.mawm.models.loss.Losses;
import dev.mawm.models.ops.Ops;

/**
 * The loss of one {@code mlp} member (seed 004's {@code world_model_loss}):
 * {@code MSE(state) + rewardWeight · Huber_δ=1(reward) + doneWeight · weightedBCE(done)}, where the state
 * term compares the predicted and true normalized one-step change, the reward head sees (latent, action)
 * and the done head the predicted next latent. Backend-neutral (written on {@link Ops}), like jepa2's
 * {@link dev.mawm.models.nn.jepa2.Jepa2Objective}; training-tf builds it on TensorFlow.
 */
public final class MlpLoss {
    private MlpLoss() {
    }

    /**
     * The loss terms of one member.
     *
     * @param total the weighted sum
     * @param state the state MSE (normalized delta units)
     * @param reward the reward Huber loss
     * @param done the weighted BCE of the done head
     * @param <T> tensor type
     */
    public record Terms<T>(T total, T state, T reward, T done) {
    }

    /**
     * @param ops the backend
     * @param m the member
     * @param config loss weights
     * @param state {@code [N, S]} raw states
     * @param action int32 {@code [N]}
     * @param deltaTarget {@code [N, S]} normalized true changes
     * @param reward {@code [N]} true rewards
     * @param done {@code [N]} 1 where the next state is terminal
     * @param <T> tensor type
     * @return the terms
     */
    public static <T> Terms<T> terms(Ops<T> ops, MlpWorldModel m, MlpConfig config, T state, T action, T deltaTarget, T reward, T done) {
        T z = m.encode(ops, state);  // [N, L]
        T dn = m.deltaNormalized(ops, z, action);  // [N, S]
        T zNext = m.encodeNormalized(ops, m.normalizer().stepNormalized(ops, m.stateNormalized(ops, z), dn));  // [N, L]
        T stateLoss = Losses.mseAll(ops, dn, deltaTarget);
        T rewardLoss = Losses.huber(ops, m.reward(ops, z, action), reward, 1f);
        T doneLoss = Losses.weightedBce(ops, m.doneLogit(ops, zNext), done, (float) config.donePosWeight());
        T total = ops.add(stateLoss, ops.add(ops.mul(ops.scalar((float) config.rewardWeight()), rewardLoss),
                ops.mul(ops.scalar((float) config.doneWeight()), doneLoss)));
        return new Terms<>(total, stateLoss, rewardLoss, doneLoss);
    }
}
