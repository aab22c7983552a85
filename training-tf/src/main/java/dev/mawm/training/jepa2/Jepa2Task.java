package dev.mawm.training.jepa2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mawm.envs.Envs;
import dev.mawm.envs.data.DatasetSchema;
import dev.mawm.envs.data.RingBuffer;
import dev.mawm.models.checkpoint.ModelSpec;
import dev.mawm.models.checkpoint.Normalization;
import dev.mawm.models.config.Jepa2Config;
import dev.mawm.models.config.TrainConfig;
import dev.mawm.models.loss.SigReg;
import dev.mawm.models.nn.WorldModelNetwork;
import dev.mawm.models.nn.jepa2.Jepa2Inputs;
import dev.mawm.models.nn.jepa2.Jepa2LossTerms;
import dev.mawm.models.nn.jepa2.Jepa2Model;
import dev.mawm.models.nn.jepa2.Jepa2Names;
import dev.mawm.models.nn.jepa2.Jepa2Objective;
import dev.mawm.training.loop.TrainingTask;
import dev.mawm.training.loop.Validation;
import dev.mawm.training.tf.Feeds;
import dev.mawm.training.tf.Precision;
import dev.mawm.training.tf.Tensors;
import dev.mawm.training.tf.TfOps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The jepa2 family as a {@link TrainingTask} of the shared training loop: batches of {@code B}
 * windows of {@code T} steps sampled from the training episodes' replay buffer with the step's
 * generator (so runs and resumed runs repeat exactly), {@link Jepa2Objective}'s loss, validation on
 * fixed held-out windows with fixed SIGReg directions, and the held-out {@link Jepa2Evaluator} report as
 * final metrics.
 */
public final class Jepa2Task implements TrainingTask {
    private static final int VALIDATION_BATCHES = 4;
    private static final int MAX_PROBE_ROWS = 8000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(Jepa2Task.class);
    private final Jepa2Data data;
    private final Jepa2Config config;
    private final Jepa2Model model;
    private final RingBuffer train;
    private final List<Jepa2Batch> validation = new ArrayList<>();
    private final float[][] validationDirs;
    private Placeholder<?>[] inputs;
    private List<String> termNames;
    private List<Operand<?>> terms;
    private Jepa2Inference inference;

    /**
     * @param data   the split grid2 dataset
     * @param config the family's config
     * @param seed   the run seed (validation windows and directions derive from it)
     */
    public Jepa2Task(Jepa2Data data, Jepa2Config config, long seed) {
        this.data = data;
        this.config = config;
        this.model = new Jepa2Model(config, data.dims().withMessageUnknown(config.loss().codecMix() > 0));
        if (config.loss().moveLabels() > 0 && !data.hasProgress()) {
            LOG.warn("dataset {} has no '{}' field (written before it existed): jepa2.loss.moveLabels trains the arrival labels "
                    + "only, not every action's progress; collect the data again to get them", data.dataset().source(),
                    DatasetSchema.PROGRESS);
        }
        this.train = data.trainBuffer(seed);
        SplittableRandom rng = new SplittableRandom(seed ^ 0x7A11DA7EL);
        RingBuffer held = data.heldOutBuffer(seed);
        for (int i = 0; i < VALIDATION_BATCHES; i++) {
            validation.add(Jepa2Batch.of(held.sample(config.batch(), config.seqLen(), rng), data.dims(), config.cellTokens(), 0, 0, rng));
        }
        int k = config.loss().sigregDirections();
        this.validationDirs = new float[][] {SigReg.directions(config.proj(), k, rng), SigReg.directions(config.proj(), k, rng)};
    }

    /**
     * The shared loop's settings for a jepa2 run: {@code train.*} with {@code steps} and {@code batch}
     * taken from the jepa2 section (a jepa2 step encodes {@code batch × seqLen × 2} images).
     *
     * @param train  the run's {@code train} section
     * @param config the {@code jepa2} section
     * @return the loop settings
     */
    public static TrainConfig loopConfig(TrainConfig train, Jepa2Config config) {
        return train.withStepsAndBatch(config.steps(), config.batch());
    }

    @Override
    public String family() {
        return Jepa2Names.FAMILY;
    }

    @Override
    public WorldModelNetwork network() {
        return model;
    }

    @Override
    public Operand<?> build(TfOps ops) {
        org.tensorflow.op.Ops in = ops.tf().withSubScope("in");
        long b = config.batch();
        long t = config.seqLen();
        long s = model.dims().imageSize();
        long c = model.dims().cells();
        long m = model.dims().messageLength();
        long p = config.proj();
        long k = config.loss().sigregDirections();
        boolean cells = config.cellTokens();
        inputs = new Placeholder<?>[] {
            f(in, "image", b, t, 2, 3, s, s), f(in, "pos", b, t, 2, 2), i(in, "message", b, t, 2, m),
            cells ? i(in, "pred_message", b, t, 2, c) : null, f(in, "keep", b, 2), i(in, "action", b, t, 2),
            f(in, "mask", b, t), f(in, "reward", b, 2, t - 1), f(in, "done", b, 2, t - 1), f(in, "step_mask", b, 2, t - 1),
            f(in, "dirs_image", p, k), f(in, "dirs_message", p, k), f(in, "shaping", b, 2, t - 1), f(in, "imagined", b, 2),
            f(in, "blocked", b, 2, t - 1, model.dims().actions()),
            progressFed() ? f(in, "progress", b, 2, t - 1, model.dims().actions()) : null,
            f(in, "arrivals", b, 2, t - 1, model.dims().actions()), f(in, "comm_start", b, 2)};
        Jepa2Inputs<Operand<?>> x = new Jepa2Inputs<>(inputs[0], inputs[1], inputs[2], inputs[3], inputs[4], inputs[5],
                inputs[6], inputs[7], inputs[8], inputs[12], inputs[13], inputs[9], inputs[10], inputs[11],
                config.loss().blockedMoves() > 0 ? inputs[14] : null, inputs[15], config.loss().moveLabels() > 0 ? inputs[16] : null,
                config.loss().commPrediction() > 0 ? inputs[17] : null);
        Jepa2LossTerms<Operand<?>> lt = new Jepa2Objective(model).build(ops, x);
        Map<String, Operand<?>> named = lt.byName();
        termNames = List.copyOf(named.keySet());
        terms = List.copyOf(named.values());
        inference = Jepa2Inference.attach(model, ops);
        return lt.total();
    }

    /** Whether the move-label term gets every action's progress: its weight is on and the dataset records it. */
    private boolean progressFed() {
        return config.loss().moveLabels() > 0 && data.hasProgress();
    }

    private static Placeholder<?> f(org.tensorflow.op.Ops tf, String name, long... shape) {
        return tf.withName(name).placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape)));
    }

    private static Placeholder<?> i(org.tensorflow.op.Ops tf, String name, long... shape) {
        return tf.withName(name).placeholder(TInt32.class, Placeholder.shape(Shape.of(shape)));
    }

    @Override
    public Feeds batch(long step, SplittableRandom rng) {
        Jepa2Batch x = Jepa2Batch.of(train.sample(config.batch(), config.seqLen(), rng), data.dims(), config.cellTokens(),
                config.loss().messageDropout(), config.loss().imaginedMessages(), config.loss().codecMix(), rng);
        int k = config.loss().sigregDirections();
        return feeds(x, SigReg.directions(config.proj(), k, rng), SigReg.directions(config.proj(), k, rng));
    }

    private Feeds feeds(Jepa2Batch x, float[] dirsImage, float[] dirsMessage) {
        Feeds f = new Feeds();
        f.put(inputs[0], Tensors.floats(Precision.FLOAT32, x.image(), shape(0)))
                .put(inputs[1], Tensors.floats(Precision.FLOAT32, x.pos(), shape(1)))
                .put(inputs[2], Tensors.ints(x.message(), shape(2)));
        if (inputs[3] != null) {
            f.put(inputs[3], Tensors.ints(x.predMessage(), shape(3)));
        }
        f.put(inputs[4], Tensors.floats(Precision.FLOAT32, x.keep(), shape(4)))
                .put(inputs[5], Tensors.ints(x.action(), shape(5)))
                .put(inputs[6], Tensors.floats(Precision.FLOAT32, x.mask(), shape(6)))
                .put(inputs[7], Tensors.floats(Precision.FLOAT32, x.rewardLabel(), shape(7)))
                .put(inputs[8], Tensors.floats(Precision.FLOAT32, x.doneLabel(), shape(8)))
                .put(inputs[9], Tensors.floats(Precision.FLOAT32, x.stepMask(), shape(9)))
                .put(inputs[10], Tensors.floats(Precision.FLOAT32, dirsImage, shape(10)))
                .put(inputs[11], Tensors.floats(Precision.FLOAT32, dirsMessage, shape(11)))
                .put(inputs[12], Tensors.floats(Precision.FLOAT32, x.shapingLabel(), shape(12)))
                .put(inputs[13], Tensors.floats(Precision.FLOAT32, x.imagined(), shape(13)));
        if (config.loss().blockedMoves() > 0) {
            f.put(inputs[14], Tensors.floats(Precision.FLOAT32, x.blocked(), shape(14)));
        }
        if (progressFed()) {
            f.put(inputs[15], Tensors.floats(Precision.FLOAT32, x.progress(), shape(15)));
        }
        if (config.loss().moveLabels() > 0) {
            f.put(inputs[16], Tensors.floats(Precision.FLOAT32, x.arrivals(), shape(16)));
        }
        if (config.loss().commPrediction() > 0) {
            f.put(inputs[17], Tensors.floats(Precision.FLOAT32, x.commStart(), shape(17)));
        }
        return f;
    }

    private long[] shape(int k) {
        return inputs[k].shape().asArray();
    }

    /** The objective's terms averaged over the fixed held-out windows; the criterion is their total. */
    @Override
    public Validation validate(Session session) {
        double[] sums = new double[terms.size()];
        for (Jepa2Batch x : validation) {
            try (Feeds f = feeds(x, validationDirs[0], validationDirs[1])) {
                Session.Runner r = f.applyTo(session.runner());
                terms.forEach(r::fetch);
                try (Result res = r.run()) {
                    for (int i = 0; i < sums.length; i++) {
                        sums[i] += Tensors.scalar(res.get(i)) / validation.size();
                    }
                }
            }
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        for (int i = 0; i < sums.length; i++) {
            figures.put(termNames.get(i), sums[i]);
        }
        return new Validation(sums[0], figures);
    }

    /** The held-out report ({@link Jepa2Evaluator}): headline figures at the top level, everything under {@code heldOut}. */
    @Override
    public Map<String, Object> finalMetrics(Session session) {
        Jepa2Metrics m = Jepa2Evaluator.evaluate(inference.bind(session), data, MAX_PROBE_ROWS);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("effectiveRankZ", m.collapse().effectiveRankZ());
        out.put("minStdRatio", m.collapse().minStdRatio());
        out.put("positionAccuracy", m.probes().positionAccuracy());
        out.put("goalVisibleAuroc", m.probes().goalVisibleAuroc());
        out.put("goalOffsetAccuracy", m.probes().goalOffsetAccuracy());
        for (Jepa2Metrics.Horizon h : m.prediction()) {
            out.put("predErrK" + h.k(), h.withMessage());
            out.put("predErrK" + h.k() + "NoMessage", h.withoutMessage());
            out.put("goalOnlyOtherErrK" + h.k(), h.goalOnlyOtherWith());
            out.put("goalOnlyOtherErrK" + h.k() + "NoMessage", h.goalOnlyOtherWithout());
            out.put("messageCeilingK" + h.k(), h.messageCeiling());
        }
        out.put("obsPredCosine", m.maps().obsPredCosine());
        out.put("msgPredCosine", m.maps().msgPredCosine());
        out.put("rewardAuroc", m.heads().rewardAuroc());
        out.put("doneAuroc", m.heads().doneAuroc());
        if (m.shaping() != null) {
            out.put("shapingMse", m.shaping().mse());
            out.put("shapingSignAccuracy", m.shaping().signAccuracy());
            out.put("shapingGoalOnlyOtherMse", m.shaping().goalOnlyOtherMseWith());
            out.put("shapingGoalOnlyOtherMseNoMessage", m.shaping().goalOnlyOtherMseWithout());
        }
        out.put("qualityBarsPassed", m.bars().all());
        @SuppressWarnings("unchecked")
        Map<String, Object> full = JSON.convertValue(m, LinkedHashMap.class);
        out.put("heldOut", full);
        return out;
    }

    @Override
    public ModelSpec spec(String datasetSha256, JsonNode runConfig) {
        // the grid2 section a bundle records (and eval plays on) is the one the data was collected with, not the run's
        JsonNode recorded = runConfig;
        if (runConfig instanceof ObjectNode o) {
            ObjectNode copy = o.deepCopy();
            copy.set("grid2", JSON.valueToTree(data.grid()));
            recorded = copy;
        }
        return TrainingTask.specOf(model, Envs.GRID2, model.spec(), new Normalization(Map.of()), datasetSha256, recorded);
    }
}
