package dev.mawm.training.iris;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mawm.envs.Envs;
import dev.mawm.models.checkpoint.ModelSpec;
import dev.mawm.models.checkpoint.Normalization;
import dev.mawm.models.config.TrainConfig;
import dev.mawm.models.nn.WorldModelNetwork;
import dev.mawm.models.nn.iris.IrisConfig;
import dev.mawm.models.nn.iris.IrisInputs;
import dev.mawm.models.nn.iris.IrisLossTerms;
import dev.mawm.models.nn.iris.IrisModel;
import dev.mawm.models.nn.iris.IrisNames;
import dev.mawm.models.nn.iris.IrisObjective;
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
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The {@code iris} family as a {@link TrainingTask} of the shared training loop: batches of B windows of T transitions
 * ({@link IrisWindows}) drawn from the training episodes with the step's generator (so runs and resumed runs repeat
 * exactly), {@link IrisObjective}'s loss, validation on fixed held-out windows (real messages), and the held-out
 * {@link IrisEvaluator} report as final metrics.
 */
public final class IrisTask implements TrainingTask {
    private static final int VALIDATION_BATCHES = 4;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TERMS = List.of("total", "cells", "position", "reward", "done");
    private final IrisData data;
    private final IrisConfig config;
    private final IrisModel model;
    private final int[] trainStarts;
    private final List<IrisBatch> validation = new ArrayList<>();
    private Placeholder<?>[] inputs;
    private List<Operand<?>> terms;
    private IrisInference inference;

    /**
     * @param data   the split grid2 dataset
     * @param config the family's config
     * @param seed   the run seed (the validation windows derive from it)
     */
    public IrisTask(IrisData data, IrisConfig config, long seed) {
        this.data = data;
        this.config = config;
        this.model = new IrisModel(config, data.dims());
        this.trainStarts = data.windows().startRows(data.trainEpisodes());
        int[] held = data.windows().startRows(data.heldOutEpisodes());
        if (held.length == 0) {
            throw new IllegalArgumentException("dataset " + data.dataset().source() + ": its held-out episodes have no transition");
        }
        SplittableRandom rng = new SplittableRandom(seed ^ 0x1215DA7AL);
        for (int i = 0; i < VALIDATION_BATCHES; i++) {
            validation.add(data.windows().sample(held, config.batch(), config.seqLen(), config.maxSteps(), 0, rng));
        }
    }

    /**
     * The shared loop's settings for an iris run: {@code train.*} with {@code steps} and {@code batch} taken from the
     * {@code iris} section.
     *
     * @param train  the run's {@code train} section
     * @param config the {@code iris} section
     * @return the loop settings
     */
    public static TrainConfig loopConfig(TrainConfig train, IrisConfig config) {
        return train.withStepsAndBatch(config.steps(), config.batch());
    }

    @Override
    public String family() {
        return IrisNames.FAMILY;
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
        long c = model.dims().cells();
        inputs = new Placeholder<?>[] {
            i(in, "cells", b, t + 1, c), i(in, "pos", b, t + 1, 2), i(in, "actions", b, t), i(in, "steps", b, t),
            i(in, "message", b, model.dims().messageTokens()), f(in, "reward", b, t), f(in, "done", b, t), f(in, "mask", b, t)};
        IrisInputs<Operand<?>> x = new IrisInputs<>(inputs[0], inputs[1], inputs[2], inputs[3], inputs[4], inputs[5], inputs[6],
                inputs[7]);
        IrisLossTerms<Operand<?>> lt = new IrisObjective(model).build(ops, x);
        terms = List.of(lt.total(), lt.cells(), lt.position(), lt.reward(), lt.done());
        inference = IrisInference.attach(model, ops);
        return lt.total();
    }

    private static Placeholder<?> f(org.tensorflow.op.Ops tf, String name, long... shape) {
        return tf.withName(name).placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape)));
    }

    private static Placeholder<?> i(org.tensorflow.op.Ops tf, String name, long... shape) {
        return tf.withName(name).placeholder(TInt32.class, Placeholder.shape(Shape.of(shape)));
    }

    @Override
    public Feeds batch(long step, SplittableRandom rng) {
        return feeds(data.windows().sample(trainStarts, config.batch(), config.seqLen(), config.maxSteps(), config.messageDropout(), rng));
    }

    private Feeds feeds(IrisBatch x) {
        Feeds f = new Feeds();
        f.put(inputs[0], Tensors.ints(x.cells(), shape(0)))
                .put(inputs[1], Tensors.ints(x.pos(), shape(1)))
                .put(inputs[2], Tensors.ints(x.actions(), shape(2)))
                .put(inputs[3], Tensors.ints(x.stepIds(), shape(3)))
                .put(inputs[4], Tensors.ints(x.message(), shape(4)))
                .put(inputs[5], Tensors.floats(Precision.FLOAT32, x.reward(), shape(5)))
                .put(inputs[6], Tensors.floats(Precision.FLOAT32, x.done(), shape(6)))
                .put(inputs[7], Tensors.floats(Precision.FLOAT32, x.mask(), shape(7)));
        return f;
    }

    private long[] shape(int k) {
        return inputs[k].shape().asArray();
    }

    /** The objective's terms averaged over the fixed held-out windows; the criterion is their total. */
    @Override
    public Validation validate(Session session) {
        double[] sums = new double[terms.size()];
        for (IrisBatch x : validation) {
            try (Feeds f = feeds(x)) {
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
            figures.put(TERMS.get(i), sums[i]);
        }
        return new Validation(sums[0], figures);
    }

    /** The held-out report ({@link IrisEvaluator}) at the top level of {@code metrics.json}. */
    @Override
    public Map<String, Object> finalMetrics(Session session) {
        return IrisEvaluator.evaluate(inference.bind(session), data);
    }

    @Override
    public ModelSpec spec(String datasetSha256, JsonNode runConfig) {
        // the grid2 section a bundle records is the one the data was collected with, not the run's
        JsonNode recorded = runConfig;
        if (runConfig instanceof ObjectNode o) {
            ObjectNode copy = o.deepCopy();
            copy.set("grid2", JSON.valueToTree(data.grid()));
            recorded = copy;
        }
        return TrainingTask.specOf(model, Envs.GRID2, model.spec(), new Normalization(Map.of()), datasetSha256, recorded);
    }
}
