package dev.mawm.export.graphs;

import static dev.mawm.models.bundle.TensorSpec.DYNAMIC;

import dev.mawm.models.Names;
import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.models.nn.Normalizer;
import dev.mawm.models.nn.mlp.MlpEnsemble;
import dev.mawm.models.nn.mlp.MlpNames;
import dev.mawm.models.nn.mlp.MlpWorldModel;
import dev.mawm.models.ops.Ops;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
                new Single(MlpNames.DYNAMICS, List.of(latent, action), TensorSpec.f32(Names.NEXT_LATENT, DYNAMIC, l)),
                new Single(MlpNames.DECODER, List.of(latent), TensorSpec.f32(Names.STATE_PRED, DYNAMIC, s)),
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
                case MlpNames.DYNAMICS -> m0.dynamics(ops, in.get(0), in.get(1));  // [N, L]
                case MlpNames.DECODER -> m0.decode(ops, in.get(0));  // [N, S]
                case Names.REWARD -> m0.reward(ops, in.get(0), in.get(1));  // [N]
                case Names.DONE -> m0.doneProb(ops, in.get(0));  // [N]
                default -> throw new IllegalStateException("no mlp component " + name());
            };
        }
    }

    /**
     * The fused rollout over every member, lowered by {@link MlpFusedMember} (one joint first layer, the heads as
     * one product, normalization folded into the weights) and {@link DiscountedColumns} (the return computed once
     * from every step's heads, the predicted rewards clipped to the training rewards' range when the checkpoint
     * records one, {@link Normalizer#clipReward}). The start may be one row for every candidate ({@code [1, S]}, broadcast: it is
     * normalized and encoded once) or one row per candidate; the graph declares this with
     * {@link Names#META_BROADCAST_START}. The one-hot actions are built once for every member and step (rows of the
     * identity gathered by action: callers validate actions, which the runtime does at its boundary).
     */
    private final class Rollout extends StateRolloutGraph {
        Rollout() {
            super(s, horizon);
        }

        @Override
        public Map<String, String> metadata() {
            return Map.of(Names.META_BROADCAST_START, "true");
        }

        @Override
        public <T> List<T> forward(Ops<T> ops, List<T> in) {
            T start = in.get(0);  // [B, S] raw, B = 1 or N
            T actions = in.get(1);  // int32 [N, H]
            T discount = in.get(2);  // [1]
            int a = net.actionCount();
            float[] eye = new float[a * a];
            for (int i = 0; i < a; i++) {
                eye[i * a + i] = 1f;
            }
            // one-hot rows gathered from the identity: ONNX Runtime's OneHot kernel is ~10x slower than a Gather
            T all = ops.reshape(ops.gather(ops.constant(eye, a, a), actions), -1, (long) horizon * a);  // [N, H·A]
            List<T> oneHots = new ArrayList<>(horizon);  // H × [N, A]
            for (int k = 0; k < horizon; k++) {
                oneHots.add(ops.slice(all, -1, (long) k * a, (long) (k + 1) * a));
            }
            Normalizer norm = net.member(0).normalizer();
            T start0 = norm.normalize(ops, start);  // [B, S]
            T gammas = DiscountedColumns.gammas(ops, discount, horizon);  // [H, 1]
            List<T> returns = new ArrayList<>();
            List<T> finals = new ArrayList<>();
            List<List<T>> states = new ArrayList<>();
            for (MlpWorldModel m : net.members()) {
                MlpFusedMember.Result<T> r = new MlpFusedMember(m).rollout(ops, start0, oneHots);
                states.add(r.states());  // H × [N, S] normalized
                // with a value head (tail not null) the return also scores what follows the horizon
                returns.add(ops.reshape(DiscountedColumns.total(ops, r.heads(), gammas, horizon, norm, r.tail(), discount,
                        (float) m.config().valueScale()), -1));  // [N]
                finals.add(r.last());  // [N, S] normalized
            }
            T mean = MemberStats.mean(ops, returns);
            // disagreement: the spread of the members' returns plus that of their predicted states (normalized,
            // mean over dimensions, summed over the H steps), so leaving the data costs even where every member
            // predicts the same (clipped) reward
            T disagreement;
            if (net.members().size() == 1) {
                disagreement = ops.sub(mean, mean);  // one member: no spread (its std is 0); x − x is +0 for finite x
            } else {
                List<T> trajectories = states.stream().map(st -> ops.concat(-1, st)).toList();  // per member [N, H·S]
                T stateMean = MemberStats.mean(ops, trajectories);
                T stateSpread = ops.mul(ops.reduceSum(MemberStats.std(ops, trajectories, stateMean), -1, false), ops.scalar(1f / s));  // [N]
                disagreement = ops.add(MemberStats.std(ops, returns, mean), stateSpread);
            }
            // every member shares the normalization: the mean of the normalized states, denormalized once
            return List.of(mean, disagreement, norm.denormalize(ops, MemberStats.mean(ops, finals)));
        }
    }
}
