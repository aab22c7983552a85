package dev.mawm.export.graphs;

import static dev.mawm.models.bundle.TensorSpec.DYNAMIC;

import dev.mawm.models.Names;
import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.models.nn.Normalizer;
import dev.mawm.models.nn.mlp.MlpEnsemble;
import dev.mawm.models.nn.mlp.MlpWorldModel;
import dev.mawm.models.ops.Ops;
import java.util.ArrayList;
import java.util.List;

/**
 * The exported components of the {@code mlp} family ({@link MlpEnsemble}); signatures in
 * {@link Names}. The single-step components ({@code encoder}, {@code dynamics}, {@code decoder},
 * {@code reward}, {@code done}) are member 0's networks; the fused rollout runs every member and
 * reports their mean return and its spread.
 */
public final class MlpGraphs {
    private final MlpEnsemble net;
    private final int s;
    private final int l;
    private final int horizon;

    /**
     * @param net the ensemble
     * @param horizon H of the fused rollout, ≥ 1
     */
    public MlpGraphs(MlpEnsemble net, int horizon) {
        Names.rollout(horizon);
        this.net = net;
        this.s = net.obsDim();
        this.l = net.member(0).latentWidth();
        this.horizon = horizon;
    }

    /** @return encoder, dynamics, decoder, reward, done, rollout_h{H} */
    public List<ComponentGraph> components() {
        TensorSpec latent = TensorSpec.f32(Names.LATENT, DYNAMIC, l);
        TensorSpec action = TensorSpec.i32(Names.ACTION, DYNAMIC);
        return List.of(
                new Single(Names.ENCODER, List.of(TensorSpec.f32(Names.STATE, DYNAMIC, s)), latent),
                new Single(Names.DYNAMICS, List.of(latent, action), TensorSpec.f32(Names.NEXT_LATENT, DYNAMIC, l)),
                new Single(Names.DECODER, List.of(latent), TensorSpec.f32(Names.STATE_PRED, DYNAMIC, s)),
                new Single(Names.REWARD, List.of(latent, action), TensorSpec.f32(Names.REWARD_OUT, DYNAMIC)),
                new Single(Names.DONE, List.of(latent), TensorSpec.f32(Names.DONE_PROB, DYNAMIC)),
                new Rollout());
    }

    /** A single-step component of member 0. */
    private final class Single extends SingleStepGraph {
        Single(String name, List<TensorSpec> inputs, TensorSpec output) {
            super(name, inputs, output);
        }

        @Override
        <T> T step(Ops<T> ops, List<T> in) {
            MlpWorldModel m0 = net.member(0);
            return switch (name()) {
                case Names.ENCODER -> m0.encode(ops, in.get(0));  // [N, L]
                case Names.DYNAMICS -> m0.dynamics(ops, in.get(0), in.get(1));  // [N, L]
                case Names.DECODER -> m0.decode(ops, in.get(0));  // [N, S]
                case Names.REWARD -> m0.reward(ops, in.get(0), in.get(1));  // [N]
                case Names.DONE -> m0.doneProb(ops, in.get(0));  // [N]
                default -> throw new IllegalStateException("no mlp component " + name());
            };
        }
    }

    /**
     * The fused rollout over every member. Per step the one-hot action is built once for every member and both
     * heads; the normalized state {@code sn} is carried next to the latent (it is the latent's first S columns); the
     * last step stops at its next state, whose features and done probability nothing reads (the done probability of
     * step k only discounts later steps).
     */
    private final class Rollout extends StateRolloutGraph {
        Rollout() {
            super(s, horizon);
        }

        @Override
        public <T> List<T> forward(Ops<T> ops, List<T> in) {
            T start = in.get(0);  // [N, S] raw
            T actions = in.get(1);  // int32 [N, H]
            T discount = in.get(2);  // [1]
            List<T> oneHots = new ArrayList<>(horizon);  // H × [N, A]
            for (T a : Rollouts.splitSteps(ops, actions, horizon)) {
                oneHots.add(ops.oneHot(a, net.actionCount()));
            }
            Normalizer norm = net.member(0).normalizer();
            T start0 = norm.normalize(ops, start);  // [N, S]
            List<T> returns = new ArrayList<>();
            List<T> finals = new ArrayList<>();
            for (MlpWorldModel m : net.members()) {
                Discounted<T> ret = new Discounted<>(ops, discount);
                T sn = start0;
                T z = m.encodeNormalized(ops, sn);  // [N, L]
                for (int k = 0; k < horizon; k++) {
                    T za = m.withOneHot(ops, z, oneHots.get(k));  // [N, L + A]
                    T r = m.rewardColumn(ops, za);  // [N, 1]
                    sn = norm.stepNormalized(ops, sn, m.deltaNormalizedOf(ops, za));  // [N, S]
                    if (k == horizon - 1) {
                        ret.step(r, null);
                    } else {
                        z = m.encodeNormalized(ops, sn);  // [N, L]
                        ret.step(r, m.doneProbColumn(ops, z));
                    }
                }
                returns.add(ops.reshape(ret.total(), -1));  // [N]
                finals.add(norm.denormalize(ops, sn));  // [N, S]
            }
            T mean = MemberStats.mean(ops, returns);
            return List.of(mean, MemberStats.std(ops, returns, mean), MemberStats.mean(ops, finals));
        }
    }
}
