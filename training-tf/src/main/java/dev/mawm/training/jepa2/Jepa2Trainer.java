package dev.mawm.training.jepa2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.mawm.envs.data.RingBuffer;
import dev.mawm.models.checkpoint.Checkpoint;
import dev.mawm.models.checkpoint.ModelSpec;
import dev.mawm.models.checkpoint.Normalization;
import dev.mawm.models.config.Jepa2Config;
import dev.mawm.models.config.TrainConfig;
import dev.mawm.models.io.AtomicWrite;
import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.loss.SigReg;
import dev.mawm.models.nn.Networks;
import dev.mawm.models.nn.jepa2.Jepa2Model;
import dev.mawm.models.nn.jepa2.Jepa2Names;
import dev.mawm.models.progress.ProgressListener;
import dev.mawm.training.tf.Adam;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the jepa2 family on a grid2 dataset and writes into the output directory: the checkpoint
 * ({@code spec.json}, {@code weights.safetensors}), {@code metrics.json} (training summary and the
 * held-out {@link Jepa2Metrics}), {@code losses.csv} and {@code losses.png}.
 *
 * <p>Deterministic for a given seed on CPU with one TensorFlow thread: the episode split, parameter
 * initialization, window sampling, message dropout and SIGReg directions all come from seeded
 * generators derived from {@link TrainConfig#seed()}.
 */
public final class Jepa2Trainer {
    private static final Logger LOG = LoggerFactory.getLogger(Jepa2Trainer.class);
    /** The metrics file name. */
    public static final String METRICS_FILE = "metrics.json";
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Jepa2Trainer() {
    }

    /**
     * @param data         the split dataset
     * @param config       the family's config (sizes, steps, batch, losses)
     * @param train        optimizer settings, seed, threads
     * @param runConfig    the whole effective config, stored as provenance (a JSON object), or null
     * @param datasetSha   SHA-256 of the dataset file, or empty
     * @param out          the output directory (created; files replaced atomically)
     * @param progress     receives one step per optimizer step
     * @return the summary and metrics
     */
    public static Jepa2Result train(Jepa2Data data, Jepa2Config config, TrainConfig train, JsonNode runConfig, String datasetSha,
            Path out, ProgressListener progress) {
        Jepa2Model model = new Jepa2Model(config, data.dims());
        long seed = train.seed();
        RingBuffer buffer = data.trainBuffer(seed + 1);
        SplittableRandom rng = new SplittableRandom(seed + 2);
        int k = config.loss().sigregDirections();
        Adam.Settings adam = new Adam.Settings(train.lr(), train.beta1(), train.beta2(), train.epsilon());
        long t0 = System.nanoTime();
        LossHistory history;
        Map<String, FloatTensor> weights;
        try (Jepa2TrainGraph graph = new Jepa2TrainGraph(model, config.batch(), config.seqLen(), k, adam, train.threads())) {
            graph.initialize(seed);
            history = new LossHistory(graph.termNames());
            progress.start("train jepa2", config.steps());
            try {
                for (int step = 0; step < config.steps(); step++) {
                    Jepa2Batch batch = Jepa2Batch.of(buffer.sample(config.batch(), config.seqLen()), data.dims(), config.cellTokens(),
                            config.loss().messageDropout(), rng);
                    double[] terms = graph.step(batch, SigReg.directions(config.proj(), k, rng), SigReg.directions(config.proj(), k, rng));
                    if (!Double.isFinite(terms[0])) {
                        throw new IllegalStateException("jepa2 loss is " + terms[0] + " at step " + step
                                + "; lower train.lr or check the dataset");
                    }
                    history.add(terms);
                    progress.step(step + 1, String.format(Locale.ROOT, "loss %.4f  vicreg %.4f  sigreg %.2f",
                            history.smoothed(0), history.smoothed(history.index("vicreg")), history.smoothed(history.index("sigreg"))));
                }
            } finally {
                progress.finish();
            }
            weights = graph.weights();
        }
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        ModelSpec spec = new ModelSpec(ModelSpec.FORMAT_VERSION, Jepa2Names.FAMILY, "grid2", model.obsDim(), model.actionCount(),
                ModelSpec.tree(model.spec()), new Normalization(Map.of()), Networks.shapes(model.params()), datasetSha, runConfig);
        new Checkpoint(spec, weights).save(out);
        history.writeCsv(out.resolve("losses.csv"));
        history.writePng(out.resolve("losses.png"), "jepa2 training loss");
        long e0 = System.nanoTime();
        Jepa2Metrics metrics;
        try (Jepa2Inference inf = new Jepa2Inference(model, weights, train.threads())) {
            metrics = Jepa2Evaluator.evaluate(inf, data, 8000);
        }
        double evalSeconds = (System.nanoTime() - e0) / 1e9;
        Jepa2Result result = new Jepa2Result(config.steps(), trainSeconds, evalSeconds, history.finalMeans(50), metrics);
        writeJson(out.resolve(METRICS_FILE), result);
        LOG.info("jepa2 trained {} steps in {} s; metrics in {}", config.steps(), String.format(Locale.ROOT, "%.1f", trainSeconds), out);
        return result;
    }

    static void writeJson(Path file, Object value) {
        try {
            AtomicWrite.write(file, JSON.writeValueAsBytes(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getOriginalMessage(), e);
        }
    }
}
