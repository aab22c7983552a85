package dev.mawm.models.nn.iris;

import dev.mawm.models.loss.Losses;
import dev.mawm.models.ops.Ops;
import java.util.Arrays;

/**
 * The {@code iris} training objective (DESIGN §5, seed 002), written once on the op interface, teacher-forced over a
 * window: the T blocks read frames 0..T−1 and actions 0..T−1 and are scored against frames 1..T. Per valid transition
 * (mask 1), averaged over them:
 * <ol>
 *   <li>cells: {@code −mean_c log softmax(cell_logits)[c, target_c]} — the seed's {@code F.cross_entropy} on the next
 *       frame's tokens, over the V·V cells;</li>
 *   <li>position: {@code −(log softmax(x_logits)[x'] + log softmax(y_logits)[y']) / 2};</li>
 *   <li>reward: mean squared error {@code (r̂ − r)²} on the env reward (arrival + shaping), so the head predicts the
 *       expected reward a planner sums (the seed regresses a scalar {@code reward_head} too);</li>
 *   <li>termination: two-class cross-entropy {@code −log softmax(done_logits)[d]} (the seed's 2-way head).</li>
 * </ol>
 * Cross-entropies are taken on {@link Ops#logSoftmax} against one-hot targets (no sparse cross-entropy op: TensorFlow
 * Java has no gradient for it).
 */
public final class IrisObjective {
    private final IrisModel model;

    /**
     * @param model the network (its config weighs the terms)
     */
    public IrisObjective(IrisModel model) {
        this.model = model;
    }

    /**
     * @param ops the backend
     * @param in  the step's inputs, with static T
     * @param <T> the backend's tensor type
     * @return every term and the total
     */
    public <T> IrisLossTerms<T> build(Ops<T> ops, IrisInputs<T> in) {
        long[] s = ops.shape(in.actions()); // [B,T]
        long[] f = ops.shape(in.cells()); // [B,T+1,V·V]
        IrisDims d = model.dims();
        if (s.length != 2 || s[1] < 1 || f.length != 3 || f[1] != s[1] + 1 || f[2] != d.cells()) {
            throw new IllegalArgumentException("iris training needs actions [B,T] and cells [B,T+1," + d.cells() + "] with static T, got "
                    + Arrays.toString(s) + " and " + Arrays.toString(f));
        }
        long t = s[1];
        T cellsIn = ops.slice(in.cells(), 1, 0, t); // [B,T,V·V]
        T posIn = ops.slice(in.pos(), 1, 0, t); // [B,T,2]
        IrisOutputs<T> out = model.forward(ops, cellsIn, posIn, in.actions(), in.steps(), in.message());
        T mask = ops.reshape(in.mask(), -1); // [B·T]

        T cellTarget = ops.slice(in.cells(), 1, 1, t + 1); // [B,T,V·V]
        T cellNll = crossEntropy(ops, out.cellLogits(), cellTarget, d.objectTypes()); // [B,T,V·V]
        T cells = Losses.maskedMean(ops, ops.reshape(ops.reduceMean(cellNll, -1, false), -1), mask);

        T next = ops.slice(in.pos(), 1, 1, t + 1); // [B,T,2]
        T xNll = crossEntropy(ops, out.xLogits(), ops.reshape(ops.slice(next, 2, 0, 1), -1, t), d.width()); // [B,T]
        T yNll = crossEntropy(ops, out.yLogits(), ops.reshape(ops.slice(next, 2, 1, 2), -1, t), d.height()); // [B,T]
        T position = Losses.maskedMean(ops, ops.reshape(ops.mul(ops.add(xNll, yNll), ops.scalar(0.5f)), -1), mask);

        T reward = Losses.maskedMean(ops, ops.reshape(ops.square(ops.sub(out.reward(), in.reward())), -1), mask);

        T logp = ops.logSoftmax(out.doneLogits()); // [B,T,2]
        T label = ops.reshape(in.done(), -1, t, 1); // [B,T,1]
        T twoClass = ops.concat(2, java.util.List.of(ops.sub(ops.scalar(1f), label), label)); // [B,T,2]
        T doneNll = ops.neg(ops.reduceSum(ops.mul(twoClass, logp), -1, false)); // [B,T]
        T done = Losses.maskedMean(ops, ops.reshape(doneNll, -1), mask);

        IrisConfig c = model.config();
        T total = ops.add(cells, ops.mul(position, ops.scalar((float) c.positionWeight())));
        total = ops.add(total, ops.mul(reward, ops.scalar((float) c.rewardWeight())));
        total = ops.add(total, ops.mul(done, ops.scalar((float) c.doneWeight())));
        return new IrisLossTerms<>(total, cells, position, reward, done);
    }

    /**
     * @param logits  {@code [..., n]}
     * @param targets int32 {@code [...]} in {@code [0, n)}
     * @return the negative log-likelihood of each target {@code [...]}
     */
    static <T> T crossEntropy(Ops<T> ops, T logits, T targets, int n) {
        return ops.neg(ops.reduceSum(ops.mul(ops.oneHot(targets, n), ops.logSoftmax(logits)), -1, false));
    }
}
