package dev.mawm.export.graphs;

import static dev.mawm.models.bundle.TensorSpec.DYNAMIC;

import dev.mawm.models.Names;
import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.models.nn.gru.GruNames;
import dev.mawm.models.nn.gru.GruStep;
import dev.mawm.models.nn.gru.GruWorldModel;
import dev.mawm.models.ops.Ops;
import java.util.List;

/**
 * The exported components of the {@code gru} family ({@link GruWorldModel}); signatures in
 * {@link Names}. {@code gru_step} takes the hidden state explicitly (all zeros at the start of an
 * episode, {@link GruNames#INITIAL_HIDDEN}); the fused rollout starts from an observation with a
 * zero hidden state and feeds each predicted observation back as the next input. The family has no
 * done head and no ensemble: every step's reward counts and {@code disagreement} is zero.
 */
public final class GruGraphs {
    private final GruWorldModel net;
    private final int horizon;

    /**
     * @param net the network
     * @param horizon H of the fused rollout, ≥ 1
     */
    public GruGraphs(GruWorldModel net, int horizon) {
        Names.rollout(horizon);
        this.net = net;
        this.horizon = horizon;
    }

    /** @return gru_step, rollout_h{H} */
    public List<ComponentGraph> components() {
        return List.of(new Step(), new Rollout());
    }

    /** One recurrent step. */
    private final class Step implements ComponentGraph {
        @Override
        public String name() {
            return GruNames.GRU_STEP;
        }

        @Override
        public List<TensorSpec> inputs() {
            return List.of(TensorSpec.f32(GruNames.HIDDEN, DYNAMIC, net.hiddenWidth()), TensorSpec.f32(Names.STATE, DYNAMIC, net.obsDim()),
                    TensorSpec.i32(Names.ACTION, DYNAMIC));
        }

        @Override
        public List<TensorSpec> outputs() {
            return List.of(TensorSpec.f32(GruNames.NEXT_HIDDEN, DYNAMIC, net.hiddenWidth()),
                    TensorSpec.f32(Names.STATE_PRED, DYNAMIC, net.obsDim()), TensorSpec.f32(Names.REWARD_OUT, DYNAMIC));
        }

        @Override
        public <T> List<T> forward(Ops<T> ops, List<T> in) {
            GruStep<T> s = net.step(ops, in.get(0), in.get(1), in.get(2));
            return List.of(s.nextHidden(), s.nextState(), s.reward());  // [N, H], [N, S], [N]
        }
    }

    /** The fused rollout from an observation and a zero hidden state. */
    private final class Rollout extends StateRolloutGraph {
        Rollout() {
            super(net.obsDim(), horizon);
        }

        @Override
        public <T> List<T> forward(Ops<T> ops, List<T> in) {
            List<T> actionAt = Rollouts.splitSteps(ops, in.get(1), horizon);  // H × int32 [N]
            Discounted<T> ret = new Discounted<>(ops, in.get(2));
            T hidden = null;  // the all-zero initial state
            T state = in.get(0);  // [N, S] raw
            for (int k = 0; k < horizon; k++) {
                GruStep<T> s = net.step(ops, hidden, state, actionAt.get(k));
                ret.step(s.reward(), null);
                hidden = s.nextHidden();  // [N, H]
                state = s.nextState();  // [N, S]
            }
            T returns = ret.total();  // [N]
            return List.of(returns, MemberStats.std(ops, List.of(returns), returns), state);
        }
    }
}
