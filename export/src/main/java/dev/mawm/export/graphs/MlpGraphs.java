package dev.mawm.export.graphs;

import static dev.mawm.models.bundle.TensorSpec.DYNAMIC;

import dev.mawm.models.Names;
import dev.mawm.models.bundle.TensorSpec;
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

    /** The fused rollout over every member. */
    private final class Rollout extends StateRolloutGraph {
        Rollout() {
            super(s, horizon);
        }

        @Override
        public <T> List<T> forward(Ops<T> ops, List<T> in) {
            T start = in.get(0);  // [N, S] raw
            T actions = in.get(1);  // int32 [N, H]
            T discount = in.get(2);  // [1]
            List<T> actionAt = Rollouts.splitSteps(ops, actions, horizon);  // H × int32 [N]
            List<T> returns = new ArrayList<>();
            List<T> finals = new ArrayList<>();
            for (MlpWorldModel m : net.members()) {
                Discounted<T> ret = new Discounted<>(ops, discount);
                T z = m.encode(ops, start);  // [N, L]
                for (int k = 0; k < horizon; k++) {
                    T r = m.reward(ops, z, actionAt.get(k));  // [N]
                    z = m.dynamics(ops, z, actionAt.get(k));  // [N, L]
                    ret.step(r, m.doneProb(ops, z));
                }
                returns.add(ret.total());
                finals.add(m.decode(ops, z));  // [N, S]
            }
            T mean = MemberStats.mean(ops, returns);
            return List.of(mean, MemberStats.std(ops, returns, mean), MemberStats.mean(ops, finals));
        }
    }
}
