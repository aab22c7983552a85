package dev.mawm.training.loop;

import dev.mawm.models.checkpoint.ModelSpec;
import dev.mawm.models.checkpoint.Normalization;
import dev.mawm.models.nn.Networks;
import dev.mawm.models.nn.WorldModelNetwork;
import dev.mawm.training.tf.Feeds;
import dev.mawm.training.tf.TfOps;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.SplittableRandom;
import org.tensorflow.Operand;
import org.tensorflow.Session;

/**
 * One model family's training problem, run by {@link Trainer}: it owns the data, builds its part of the
 * graph (placeholders, loss, evaluation tensors) against {@link TfOps}, samples batches and evaluates.
 * A new family implements this interface and registers a {@link dev.mawm.training.TrainingFamily} that builds it.
 *
 * <p>Call order: {@link #build} once; then per step {@link #batch}; per evaluation {@link #validate};
 * at the end, with the best weights loaded, {@link #finalMetrics}.
 */
public interface TrainingTask {
    /** @return the family name ({@code mlp}, {@code gru}, …) */
    String family();

    /** @return the network being trained (its {@code params()} become the trained variables) */
    WorldModelNetwork network();

    /**
     * Builds placeholders, the training loss and whatever evaluation tensors the task needs.
     *
     * @param ops the backend (parameters are the trained variables)
     * @return the scalar training loss
     */
    Operand<?> build(TfOps ops);

    /**
     * The feeds of training step {@code step}; must depend only on {@code rng} (seeded from the run's seed and
     * the step) so runs, and resumed runs, are reproducible.
     *
     * @param step the step index, from 0
     * @param rng this step's generator
     * @return the feeds (closed by the caller)
     */
    Feeds batch(long step, SplittableRandom rng);

    /**
     * Evaluates on the validation split with the current weights.
     *
     * @param session the session
     * @return the criterion and figures
     */
    Validation validate(Session session);

    /**
     * Quality figures for {@code metrics.json}, computed with the weights that will be saved.
     *
     * @param session the session
     * @return JSON-serializable values by name
     */
    Map<String, Object> finalMetrics(Session session);

    /**
     * The checkpoint spec of this run.
     *
     * @param datasetSha256 the dataset file's hash
     * @param config the run's effective config as JSON
     * @return the spec
     */
    ModelSpec spec(String datasetSha256, JsonNode config);

    /**
     * The checkpoint spec of a trained network: its family, sizes and parameter shapes, plus the given sections
     * (the usual body of {@link #spec}).
     *
     * @param net the network
     * @param env the environment name
     * @param network the family's {@code network} section (a config record), serialized with {@link ModelSpec#tree}
     * @param normalization the normalization statistics (empty for a family without)
     * @param datasetSha256 the SHA-256 of the training dataset file
     * @param config the run's effective config as JSON
     * @return the spec
     */
    static ModelSpec specOf(WorldModelNetwork net, String env, Object network, Normalization normalization, String datasetSha256,
            JsonNode config) {
        return new ModelSpec(ModelSpec.FORMAT_VERSION, net.family(), env, net.obsDim(), net.actionCount(), ModelSpec.tree(network),
                normalization, Networks.shapes(net.params()), datasetSha256, config);
    }
}
