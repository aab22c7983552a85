package dev.mawm.training.gru;

import dev.mawm.models.config.GruConfig;
import dev.mawm.models.nn.gru.GruFamily;
import dev.mawm.models.nn.gru.GruSequence;
import dev.mawm.models.nn.gru.GruWorldModel;
import dev.mawm.training.data.Transitions;
import dev.mawm.training.data.WindowBatch;
import dev.mawm.training.data.Windows;
import dev.mawm.training.loop.StateTrainingTask;
import dev.mawm.training.loop.Validation;
import dev.mawm.models.loss.Losses;
import dev.mawm.training.tf.Feeds;
import dev.mawm.training.tf.Precision;
import dev.mawm.training.tf.Tensors;
import dev.mawm.training.tf.TfOps;
import java.util.ArrayList;
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
 * Training of the {@code gru} family on windows of {@code gru.seqLen} transitions inside one episode
 * (padded and masked when an episode is shorter), the GRU starting from a zero hidden state at each window.
 * Loss (seed 001, with the next observation as target): masked MSE of the predicted normalized change
 * {@code (s_{t+1} − s_t − deltaMean) / deltaStd} plus {@code gru.rewardWeight} × masked reward MSE.
 */
public final class GruTask extends StateTrainingTask<GruConfig, GruWorldModel> {
    static final int CHUNK = 2048;

    private final Windows trainWindows;
    private final Windows valWindows;
    private Inputs trainIn;
    private Inputs evalIn;
    private Operand<?> evalLoss;
    private GruSequence<Operand<?>> evalOut;
    private List<ValChunk> valChunks;

    /**
     * One fixed chunk of validation windows, gathered once.
     *
     * @param batch the windows
     * @param weight the sum of their mask (the number of real steps)
     */
    record ValChunk(WindowBatch batch, double weight) {
    }

    /** Placeholders of one window batch. */
    record Inputs(Placeholder<TFloat32> obs, Placeholder<TInt32> action, Placeholder<TFloat32> delta,
            Placeholder<TFloat32> reward, Placeholder<TFloat32> mask) {
    }

    /**
     * @param env the environment name (for the spec)
     * @param train training transitions
     * @param val validation transitions
     * @param actionCount number of actions
     * @param config sizes, window length, reward weight
     * @param batch windows per step
     */
    public GruTask(String env, Transitions train, Transitions val, int actionCount, GruConfig config, int batch) {
        super(GruFamily.NAME, env, train, val, actionCount, config, batch, GruWorldModel::new);
        this.trainWindows = Windows.sliding(train, config.seqLen());
        this.valWindows = Windows.tiling(val, config.seqLen());
    }

    private Inputs inputs(org.tensorflow.op.Ops tf, String prefix, long b) {
        int t = config().seqLen();
        int s = net().obsDim();
        return new Inputs(tf.withName(prefix + "obs").placeholder(TFloat32.class, Placeholder.shape(Shape.of(b, t, s))),
                tf.withName(prefix + "action").placeholder(TInt32.class, Placeholder.shape(Shape.of(b, t))),
                tf.withName(prefix + "delta").placeholder(TFloat32.class, Placeholder.shape(Shape.of(b, t, s))),
                tf.withName(prefix + "reward").placeholder(TFloat32.class, Placeholder.shape(Shape.of(b, t))),
                tf.withName(prefix + "mask").placeholder(TFloat32.class, Placeholder.shape(Shape.of(b, t))));
    }

    private Operand<?> loss(TfOps ops, Inputs in, GruSequence<Operand<?>> out) {
        Operand<?> stateLoss = Losses.stepMse(ops, out.deltaNormalized(), in.delta(), in.mask());
        Operand<?> rewardLoss = Losses.stepMean(ops, ops.square(ops.sub(out.reward(), in.reward())), in.mask());
        return ops.add(stateLoss, ops.mul(ops.scalar((float) config().rewardWeight()), rewardLoss));
    }

    @Override
    public Operand<?> build(TfOps ops) {
        trainIn = inputs(ops.tf(), "", batchSize());
        Operand<?> loss = loss(ops, trainIn, net().unroll(ops, trainIn.obs(), trainIn.action()));
        evalIn = inputs(ops.tf(), "eval_", -1);
        evalOut = net().unroll(ops, evalIn.obs(), evalIn.action());
        evalLoss = loss(ops, evalIn, evalOut);
        return loss;
    }

    private Feeds feeds(Inputs in, WindowBatch b) {
        int t = b.length();
        int s = b.obsDim();
        Feeds f = new Feeds();
        f.put(in.obs(), Tensors.floats(Precision.FLOAT32, b.obs(), b.batch(), t, s))
                .put(in.action(), Tensors.ints(b.action(), b.batch(), t))
                .put(in.delta(), Tensors.floats(Precision.FLOAT32, b.delta(), b.batch(), t, s))
                .put(in.reward(), Tensors.floats(Precision.FLOAT32, b.reward(), b.batch(), t))
                .put(in.mask(), Tensors.floats(Precision.FLOAT32, b.mask(), b.batch(), t));
        return f;
    }

    @Override
    public Feeds batch(long step, SplittableRandom rng) {
        int[] picks = new int[batchSize()];
        for (int i = 0; i < picks.length; i++) {
            picks[i] = rng.nextInt(trainWindows.size());
        }
        return feeds(trainIn, trainWindows.gather(training(), trainDeltas(), picks));
    }

    @Override
    public Validation validate(Session session) {
        double sum = 0;
        double weight = 0;
        for (ValChunk c : valChunks()) {
            try (Feeds f = feeds(evalIn, c.batch()); Result r = f.applyTo(session.runner()).fetch(evalLoss).run()) {
                sum += Tensors.scalar(r.get(0)) * c.weight();
                weight += c.weight();
            }
        }
        return new Validation(sum / weight, Map.of());
    }

    /** @return the validation windows in chunks of {@link #CHUNK}, in order, gathered on first use and then reused */
    List<ValChunk> valChunks() {
        if (valChunks == null) {
            List<ValChunk> chunks = new ArrayList<>();
            for (int from = 0; from < valWindows.size(); from += CHUNK) {
                int to = Math.min(valWindows.size(), from + CHUNK);
                int[] picks = new int[to - from];
                for (int i = 0; i < picks.length; i++) {
                    picks[i] = from + i;
                }
                WindowBatch b = valWindows.gather(validation(), valDeltas(), picks);
                double w = 0;
                for (float m : b.mask()) {
                    w += m;
                }
                chunks.add(new ValChunk(b, w));
            }
            valChunks = List.copyOf(chunks);
        }
        return valChunks;
    }

    @Override
    public Map<String, Object> finalMetrics(Session session) {
        return new GruMetrics(this, session, evalOut, normalization()).compute();
    }

    Feeds evalFeeds(WindowBatch b) {
        return feeds(evalIn, b);
    }
}
