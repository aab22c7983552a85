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
     * The value head's targets.
     *
     * @param target {@code [N]} the discounted return of the next {@code valueSteps} steps over {@link MlpConfig#valueScale}
     * @param mask   {@code [N]} 1 where the target is known (0 where a truncated episode ends before {@code valueSteps})
     * @param <T>    tensor type
     */
    public record ValueTarget<T>(T target, T mask) {
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
        return terms(ops, m, config, state, action, deltaTarget, reward, done, null);
    }

    /**
     * As {@link #terms(Ops, MlpWorldModel, MlpConfig, Object, Object, Object, Object, Object)}, plus, for a member with
     * a value head, {@code valueWeight · Σ mask ⊙ (v − target)² / max(Σ mask, 1)} with {@code v} the value head on the
     * start latent (added to {@code total}).
     *
     * @param ops the backend
     * @param m the member
     * @param config loss weights
     * @param state {@code [N, S]} raw states
     * @param action int32 {@code [N]}
     * @param deltaTarget {@code [N, S]} normalized true changes
     * @param reward {@code [N]} true rewards
     * @param done {@code [N]} 1 where the next state is terminal
     * @param value the value targets; required exactly when the member has a value head
     * @param <T> tensor type
     * @return the terms
     * @throws IllegalArgumentException when {@code value} is given without a value head or missing with one
     */
    public static <T> Terms<T> terms(Ops<T> ops, MlpWorldModel m, MlpConfig config, T state, T action, T deltaTarget, T reward, T done,
            ValueTarget<T> value) {
        if ((value != null) != (m.valueStack() != null)) {
            throw new IllegalArgumentException("mlp loss: value targets must be given exactly when the member has a value head (mlp.valueWeight > 0)");
        }
        T z = m.encode(ops, state);  // [N, L]
        T dn = m.deltaNormalized(ops, z, action);  // [N, S]
        T zNext = m.encodeNormalized(ops, m.normalizer().stepNormalized(ops, m.stateNormalized(ops, z), dn));  // [N, L]
        T stateLoss = Losses.mseAll(ops, dn, deltaTarget);
        T rewardLoss = Losses.huber(ops, m.reward(ops, z, action), reward, 1f);
        T doneLoss = Losses.weightedBce(ops, m.doneLogit(ops, zNext), done, (float) config.donePosWeight());
        T total = ops.add(stateLoss, ops.add(ops.mul(ops.scalar((float) config.rewardWeight()), rewardLoss),
                ops.mul(ops.scalar((float) config.doneWeight()), doneLoss)));
        if (value != null) {
            T err = ops.sub(ops.reshape(m.valueColumn(ops, z), -1), value.target());  // [N]
            T sq = ops.reduceSum(ops.mul(value.mask(), ops.mul(err, err)), -1, false);
            T count = ops.maximum(ops.reduceSum(value.mask(), -1, false), ops.scalar(1f));
            total = ops.add(total, ops.mul(ops.scalar((float) config.valueWeight()), ops.div(sq, count)));
        }
        return new Terms<>(total, stateLoss, rewardLoss, doneLoss);
    }
}
