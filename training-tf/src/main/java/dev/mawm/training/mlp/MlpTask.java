package dev.mawm.training.mlp;

import dev.mawm.models.config.MlpConfig;
import dev.mawm.models.nn.mlp.EnsemblePrediction;
import dev.mawm.models.nn.mlp.MlpEnsemble;
import dev.mawm.models.nn.mlp.MlpFamily;
import dev.mawm.models.nn.mlp.MlpLoss;
import dev.mawm.models.nn.mlp.MlpWorldModel;
import dev.mawm.training.data.DeltaNormalization;
import dev.mawm.training.data.Transitions;
import dev.mawm.training.data.ValueTargets;
import dev.mawm.training.loop.StateTrainingTask;
import dev.mawm.training.loop.Validation;
import dev.mawm.training.tf.Feeds;
import dev.mawm.training.tf.Precision;
import dev.mawm.training.tf.Tensors;
import dev.mawm.training.tf.TfOps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Training of the {@code mlp} family on one-step transitions. Each ensemble member gets its own batch of
 * {@code train.batch} transitions drawn with replacement (so members differ by initialization and data
 * order) and its own loss ({@link MlpLoss}); the training loss is the members' mean. The done target looks
 * {@code mlp.doneLookahead} steps ahead ({@link Transitions#doneWithin}); with a value head ({@code mlp.valueWeight > 0}) its
 * targets are the data's discounted returns of the next {@code mlp.valueSteps} steps ({@link ValueTargets}). Normalization
 * (state and one-step change, std floored at {@link DeltaNormalization#STD_FLOOR}) comes from the training split.
 */
public final class MlpTask extends StateTrainingTask<MlpConfig, MlpEnsemble> {
    static final int CHUNK = 16384;

    private Placeholder<TFloat32> state;
    private Placeholder<TInt32> action;
    private Placeholder<TFloat32> delta;
    private Placeholder<TFloat32> reward;
    private Placeholder<TFloat32> done;
    private Placeholder<TFloat32> value;
    private Placeholder<TFloat32> valueMask;
    private EvalGraph eval;
    private List<EvalChunk> evalChunks;
    private final float[] trainDone;
    private final float[] valDone;
    private final ValueTargets trainValue;
    private final ValueTargets valValue;

    /**
     * Validation rows {@code [from, to)}, copied out once.
     *
     * @param from first row
     * @param to end row
     * @param state {@code [n, S]} observations
     * @param action {@code [n]} actions
     * @param delta {@code [n, S]} normalized changes
     * @param reward {@code [n]} rewards
     * @param done {@code [n]} terminal flags
     * @param value {@code [n]} value targets, or null without a value head
     * @param valueMask {@code [n]} their mask, or null
     */
    record EvalChunk(int from, int to, float[] state, int[] action, float[] delta, float[] reward, float[] done, float[] value,
            float[] valueMask) {
        int rows() {
            return to - from;
        }
    }

    /** Evaluation tensors on a batch of any size. */
    record EvalGraph(Placeholder<TFloat32> state, Placeholder<TInt32> action, Placeholder<TFloat32> delta,
            Placeholder<TFloat32> reward, Placeholder<TFloat32> done, Placeholder<TFloat32> value, Placeholder<TFloat32> valueMask, Operand<?> loss, List<Operand<?>> memberNext,
            List<Operand<?>> memberReward, List<Operand<?>> memberDone, List<Operand<?>> memberValue, Operand<?> mean,
            Operand<?> disagreement) {
    }

    /**
     * @param env the environment name (for the spec)
     * @param train training transitions
     * @param val validation transitions (held-out episodes)
     * @param actionCount number of actions
     * @param config sizes and loss weights
     * @param batch transitions per member per step
     */
    public MlpTask(String env, Transitions train, Transitions val, int actionCount, MlpConfig config, int batch) {
        super(MlpFamily.NAME, env, train, val, actionCount, config, batch, MlpEnsemble::new);
        this.trainDone = train.doneWithin(config.doneLookahead());
        this.valDone = val.doneWithin(config.doneLookahead());
        this.trainValue = config.hasValue() ? ValueTargets.of(train, config.valueSteps(), config.valueDiscount()) : null;
        this.valValue = config.hasValue() ? ValueTargets.of(val, config.valueSteps(), config.valueDiscount()) : null;
    }

    /** @return {@code [n]} the done head's validation targets ({@code mlp.doneLookahead} steps ahead; shared, do not modify) */
    float[] validationDone() {
        return valDone;
    }

    /** @return the ensemble */
    public MlpEnsemble ensemble() {
        return net();
    }

    @Override
    public Operand<?> build(TfOps ops) {
        MlpEnsemble net = net();
        int batch = batchSize();
        var tf = ops.tf();
        int s = net.obsDim();
        int k = net.size();
        long rows = (long) k * batch;
        state = tf.withName("state").placeholder(TFloat32.class, Placeholder.shape(Shape.of(rows, s)));
        action = tf.withName("action").placeholder(TInt32.class, Placeholder.shape(Shape.of(rows)));
        delta = tf.withName("delta").placeholder(TFloat32.class, Placeholder.shape(Shape.of(rows, s)));
        reward = tf.withName("reward").placeholder(TFloat32.class, Placeholder.shape(Shape.of(rows)));
        done = tf.withName("done").placeholder(TFloat32.class, Placeholder.shape(Shape.of(rows)));
        if (config().hasValue()) {
            value = tf.withName("value").placeholder(TFloat32.class, Placeholder.shape(Shape.of(rows)));
            valueMask = tf.withName("value_mask").placeholder(TFloat32.class, Placeholder.shape(Shape.of(rows)));
        }
        Operand<?> total = null;
        for (int m = 0; m < k; m++) {
            long from = (long) m * batch;
            long to = from + batch;
            MlpLoss.Terms<Operand<?>> t = MlpLoss.terms(ops, net.member(m), config(), ops.slice(state, 0, from, to),
                    ops.slice(action, 0, from, to), ops.slice(delta, 0, from, to), ops.slice(reward, 0, from, to),
                    ops.slice(done, 0, from, to), value == null ? null
                            : new MlpLoss.ValueTarget<>(ops.slice(value, 0, from, to), ops.slice(valueMask, 0, from, to)));
            total = total == null ? t.total() : ops.add(total, t.total());
        }
        eval = buildEval(ops);
        return ops.mul(total, ops.scalar(1f / k));
    }

    private EvalGraph buildEval(TfOps ops) {
        MlpEnsemble net = net();
        var tf = ops.tf();
        int s = net.obsDim();
        Placeholder<TFloat32> es = tf.withName("eval_state").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, s)));
        Placeholder<TInt32> ea = tf.withName("eval_action").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
        Placeholder<TFloat32> ed = tf.withName("eval_delta").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, s)));
        Placeholder<TFloat32> er = tf.withName("eval_reward").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
        Placeholder<TFloat32> eDone = tf.withName("eval_done").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
        Placeholder<TFloat32> ev = null;
        Placeholder<TFloat32> evMask = null;
        if (config().hasValue()) {
            ev = tf.withName("eval_value").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
            evMask = tf.withName("eval_value_mask").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
        }
        MlpLoss.ValueTarget<Operand<?>> vt = ev == null ? null : new MlpLoss.ValueTarget<>(ev, evMask);
        Operand<?> loss = null;
        List<Operand<?>> next = new ArrayList<>();
        List<Operand<?>> rew = new ArrayList<>();
        List<Operand<?>> dn = new ArrayList<>();
        List<Operand<?>> val = new ArrayList<>();
        for (MlpWorldModel m : net.members()) {
            Operand<?> l = MlpLoss.terms(ops, m, config(), es, ea, ed, er, eDone, vt).total();
            loss = loss == null ? l : ops.add(loss, l);
            Operand<?> z = m.encode(ops, es);
            Operand<?> zNext = m.dynamics(ops, z, ea);
            next.add(m.decode(ops, zNext));
            rew.add(m.reward(ops, z, ea));
            dn.add(m.doneProb(ops, zNext));
            if (m.valueStack() != null) {
                val.add(ops.reshape(m.valueColumn(ops, z), -1));
            }
        }
        EnsemblePrediction<Operand<?>> p = net.predict(ops, es, ea);
        return new EvalGraph(es, ea, ed, er, eDone, ev, evMask, ops.mul(loss, ops.scalar(1f / net.size())), next, rew, dn, val, p.mean(), p.disagreement());
    }

    @Override
    public Feeds batch(long step, SplittableRandom rng) {
        Transitions train = training();
        int s = net().obsDim();
        int rows = net().size() * batchSize();
        float[] st = new float[rows * s];
        float[] de = new float[rows * s];
        int[] ac = new int[rows];
        float[] re = new float[rows];
        float[] dn = new float[rows];
        float[] va = trainValue == null ? null : new float[rows];
        float[] vm = trainValue == null ? null : new float[rows];
        int n = train.size();
        for (int r = 0; r < rows; r++) {
            int i = rng.nextInt(n);
            System.arraycopy(train.obs(), i * s, st, r * s, s);
            System.arraycopy(trainDeltas(), i * s, de, r * s, s);
            ac[r] = train.action()[i];
            re[r] = train.reward()[i];
            dn[r] = trainDone[i];
            if (va != null) {
                va[r] = trainValue.target()[i];
                vm[r] = trainValue.mask()[i];
            }
        }
        Feeds f = new Feeds();
        f.put(state, Tensors.floats(Precision.FLOAT32, st, rows, s)).put(action, Tensors.ints(ac, rows))
                .put(delta, Tensors.floats(Precision.FLOAT32, de, rows, s)).put(reward, Tensors.floats(Precision.FLOAT32, re, rows))
                .put(done, Tensors.floats(Precision.FLOAT32, dn, rows));
        if (va != null) {
            f.put(value, Tensors.floats(Precision.FLOAT32, va, rows)).put(valueMask, Tensors.floats(Precision.FLOAT32, vm, rows));
        }
        return f;
    }

    /**
     * @return the validation rows in chunks of {@link #CHUNK}, in order, copied out on first use and then reused
     */
    List<EvalChunk> evalChunks() {
        if (evalChunks == null) {
            Transitions val = validation();
            int s = net().obsDim();
            List<EvalChunk> chunks = new ArrayList<>();
            for (int from = 0; from < val.size(); from += CHUNK) {
                int to = Math.min(val.size(), from + CHUNK);
                chunks.add(new EvalChunk(from, to, Arrays.copyOfRange(val.obs(), from * s, to * s), Arrays.copyOfRange(val.action(), from, to),
                        Arrays.copyOfRange(valDeltas(), from * s, to * s), Arrays.copyOfRange(val.reward(), from, to),
                        Arrays.copyOfRange(valDone, from, to), valValue == null ? null : Arrays.copyOfRange(valValue.target(), from, to),
                        valValue == null ? null : Arrays.copyOfRange(valValue.mask(), from, to)));
            }
            evalChunks = List.copyOf(chunks);
        }
        return evalChunks;
    }

    /**
     * Feeds of one validation chunk into the evaluation placeholders.
     *
     * @param c the chunk
     * @return the feeds
     */
    Feeds evalFeeds(EvalChunk c) {
        int s = net().obsDim();
        int n = c.rows();
        Feeds f = new Feeds();
        f.put(eval.state(), Tensors.floats(Precision.FLOAT32, c.state(), n, s))
                .put(eval.action(), Tensors.ints(c.action(), n))
                .put(eval.delta(), Tensors.floats(Precision.FLOAT32, c.delta(), n, s))
                .put(eval.reward(), Tensors.floats(Precision.FLOAT32, c.reward(), n))
                .put(eval.done(), Tensors.floats(Precision.FLOAT32, c.done(), n));
        if (c.value() != null) {
            f.put(eval.value(), Tensors.floats(Precision.FLOAT32, c.value(), n)).put(eval.valueMask(), Tensors.floats(Precision.FLOAT32, c.valueMask(), n));
        }
        return f;
    }

    @Override
    public Validation validate(Session session) {
        double sum = 0;
        for (EvalChunk c : evalChunks()) {
            try (Feeds f = evalFeeds(c); Result r = f.applyTo(session.runner()).fetch(eval.loss()).run()) {
                sum += Tensors.scalar(r.get(0)) * c.rows();
            }
        }
        return new Validation(sum / validation().size(), Map.of());
    }

    @Override
    public Map<String, Object> finalMetrics(Session session) {
        return new MlpMetrics(this, session).compute();
    }

    /** @return the validation value targets, or null without a value head (shared, do not modify) */
    ValueTargets validationValue() {
        return valValue;
    }

    EvalGraph evalGraph() {
        return eval;
    }
}
