package dev.mawm.training.mlp;

import dev.mawm.models.config.MlpConfig;
import dev.mawm.models.nn.mlp.EnsemblePrediction;
import dev.mawm.models.nn.mlp.MlpEnsemble;
import dev.mawm.models.nn.mlp.MlpFamily;
import dev.mawm.models.nn.mlp.MlpLoss;
import dev.mawm.models.nn.mlp.MlpWorldModel;
import dev.mawm.training.data.DeltaNormalization;
import dev.mawm.training.data.Transitions;
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
 * {@code mlp.doneLookahead} steps ahead ({@link Transitions#doneWithin}). Normalization
 * (state and one-step change, std floored at {@link DeltaNormalization#STD_FLOOR}) comes from the training split.
 */
public final class MlpTask extends StateTrainingTask<MlpConfig, MlpEnsemble> {
    static final int CHUNK = 16384;

    private Placeholder<TFloat32> state;
    private Placeholder<TInt32> action;
    private Placeholder<TFloat32> delta;
    private Placeholder<TFloat32> reward;
    private Placeholder<TFloat32> done;
    private EvalGraph eval;
    private List<EvalChunk> evalChunks;
    private final float[] trainDone;
    private final float[] valDone;

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
     */
    record EvalChunk(int from, int to, float[] state, int[] action, float[] delta, float[] reward, float[] done) {
        int rows() {
            return to - from;
        }
    }

    /** Evaluation tensors on a batch of any size. */
    record EvalGraph(Placeholder<TFloat32> state, Placeholder<TInt32> action, Placeholder<TFloat32> delta,
            Placeholder<TFloat32> reward, Placeholder<TFloat32> done, Operand<?> loss, List<Operand<?>> memberNext,
            List<Operand<?>> memberReward, List<Operand<?>> memberDone, Operand<?> mean, Operand<?> disagreement) {
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
        Operand<?> total = null;
        for (int m = 0; m < k; m++) {
            long from = (long) m * batch;
            long to = from + batch;
            MlpLoss.Terms<Operand<?>> t = MlpLoss.terms(ops, net.member(m), config(), ops.slice(state, 0, from, to),
                    ops.slice(action, 0, from, to), ops.slice(delta, 0, from, to), ops.slice(reward, 0, from, to),
                    ops.slice(done, 0, from, to));
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
        Operand<?> loss = null;
        List<Operand<?>> next = new ArrayList<>();
        List<Operand<?>> rew = new ArrayList<>();
        List<Operand<?>> dn = new ArrayList<>();
        for (MlpWorldModel m : net.members()) {
            Operand<?> l = MlpLoss.terms(ops, m, config(), es, ea, ed, er, eDone).total();
            loss = loss == null ? l : ops.add(loss, l);
            Operand<?> z = m.encode(ops, es);
            Operand<?> zNext = m.dynamics(ops, z, ea);
            next.add(m.decode(ops, zNext));
            rew.add(m.reward(ops, z, ea));
            dn.add(m.doneProb(ops, zNext));
        }
        EnsemblePrediction<Operand<?>> p = net.predict(ops, es, ea);
        return new EvalGraph(es, ea, ed, er, eDone, ops.mul(loss, ops.scalar(1f / net.size())), next, rew, dn, p.mean(), p.disagreement());
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
        int n = train.size();
        for (int r = 0; r < rows; r++) {
            int i = rng.nextInt(n);
            System.arraycopy(train.obs(), i * s, st, r * s, s);
            System.arraycopy(trainDeltas(), i * s, de, r * s, s);
            ac[r] = train.action()[i];
            re[r] = train.reward()[i];
            dn[r] = trainDone[i];
        }
        Feeds f = new Feeds();
        f.put(state, Tensors.floats(Precision.FLOAT32, st, rows, s)).put(action, Tensors.ints(ac, rows))
                .put(delta, Tensors.floats(Precision.FLOAT32, de, rows, s)).put(reward, Tensors.floats(Precision.FLOAT32, re, rows))
                .put(done, Tensors.floats(Precision.FLOAT32, dn, rows));
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
                        Arrays.copyOfRange(valDone, from, to)));
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

    EvalGraph evalGraph() {
        return eval;
    }
}
