package dev.mawm.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.mawm.envs.data.Dataset;
import dev.mawm.models.checkpoint.Checkpoint;
import dev.mawm.models.checkpoint.ModelSpec;
import dev.mawm.models.config.ConfigLoader;
import dev.mawm.models.config.MawmConfig;
import dev.mawm.models.config.TrainConfig;
import dev.mawm.models.io.AtomicWrite;
import dev.mawm.models.progress.ProgressListener;
import dev.mawm.training.loop.LossPlot;
import dev.mawm.training.loop.TrainResult;
import dev.mawm.training.loop.TrainState;
import dev.mawm.training.loop.Trainer;
import dev.mawm.training.loop.TrainingTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code mawm train}: reads a dataset, splits it by episode, trains one family and writes the output
 * directory: {@value Checkpoint#WEIGHTS_FILE} and {@value Checkpoint#SPEC_FILE} (the checkpoint, best
 * validation weights), {@value Checkpoint#METRICS_FILE}, {@value LossPlot#FILE} and {@value TrainState#FILE} (for
 * {@code --resume}). Every file is written atomically (temp file + rename). The family's part (dataset checks, split,
 * task, loop settings) is its {@link TrainingFamily}, found in {@link TrainingFamilies}.
 */
public final class TrainRun {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private TrainRun() {
    }

    /**
     * Trains and writes the output directory.
     *
     * @param family a family of {@link TrainingFamilies}: {@code mlp}, {@code gru} (CartPole datasets), {@code jepa2}
     *               (grid2 datasets), …
     * @param data the dataset file (CartPole)
     * @param out the output directory (created when missing)
     * @param config the effective config
     * @param resume continue from the {@value TrainState#FILE} in {@code out}
     * @param progress receives training progress
     * @return the result
     * @throws IllegalArgumentException for an unknown family, a dataset of another env, or a resume that does not match
     */
    public static TrainResult run(String family, Path data, Path out, MawmConfig config, boolean resume, ProgressListener progress) {
        TrainingFamily f = TrainingFamilies.get(family);
        requireWritable(out);
        Dataset ds;
        try {
            ds = Dataset.read(data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dataset " + data + ": " + e.getMessage(), e);
        }
        String sha = ds.sha256();
        return train(f.task(ds, data, config), f.loop(config), data, out, config, resume, progress, sha);
    }

    /**
     * Checks before training that the output directory can be created and written (a temporary file is created and
     * deleted in it), so an unwritable {@code --out} fails at once, not after the training it would lose.
     *
     * @param out the output directory
     * @throws UncheckedIOException saying what failed
     */
    static void requireWritable(Path out) {
        Path dir = out.toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint to " + dir + ": cannot create the directory ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); checked before training", e);
        }
        try {
            Files.delete(Files.createTempFile(dir, ".write-check", ".tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint to " + dir + ": the directory is not writable ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); checked before training", e);
        }
    }

    private static TrainResult train(TrainingTask task, TrainConfig loop, Path data, Path out, MawmConfig config, boolean resume,
            ProgressListener progress, String sha) {
        String family = task.family();
        JsonNode configTree = ConfigLoader.toTree(config);
        ModelSpec spec = task.spec(sha, configTree);
        TrainState state = resume ? resumeState(out, spec) : null;
        TrainResult result = Trainer.run(task, loop, state, progress, st -> st.save(out.resolve(TrainState.FILE)));
        new Checkpoint(spec, result.weights()).save(out);
        writeMetrics(out.resolve(Checkpoint.METRICS_FILE), result, sha);
        LossPlot.write(out.resolve(LossPlot.FILE), family + " world model on " + data.getFileName(), result.history());
        return result;
    }

    private static TrainState resumeState(Path out, ModelSpec spec) {
        Path stateFile = out.resolve(TrainState.FILE);
        if (!Files.isRegularFile(stateFile) || !Files.isRegularFile(out.resolve(Checkpoint.SPEC_FILE))) {
            throw new IllegalArgumentException("cannot resume: " + out + " has no " + TrainState.FILE + " and " + Checkpoint.SPEC_FILE
                    + " from an earlier run");
        }
        ModelSpec old = Checkpoint.readSpec(out);
        if (!old.family().equals(spec.family())) {
            throw new IllegalArgumentException("cannot resume: " + out + " holds a " + old.family() + " model, not " + spec.family());
        }
        if (!old.datasetSha256().equals(spec.datasetSha256())) {
            throw new IllegalArgumentException("cannot resume: " + out + " was trained on another dataset (SHA-256 "
                    + old.datasetSha256() + ", this one is " + spec.datasetSha256() + ")");
        }
        if (!old.network().equals(spec.network())) {
            throw new IllegalArgumentException("cannot resume: the network config changed from " + old.network() + " to " + spec.network());
        }
        if (!old.normalization().equals(spec.normalization())) {
            throw new IllegalArgumentException("cannot resume: the training split changed (train.seed or train.valFraction differ)");
        }
        return TrainState.load(stateFile);
    }

    private static void writeMetrics(Path file, TrainResult r, String sha) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("family", r.family());
        m.put("datasetSha256", sha);
        m.put("steps", r.steps());
        m.put("bestStep", r.bestStep());
        m.put("stoppedEarly", r.stoppedEarly());
        m.put("seconds", r.seconds());
        m.put("stepsPerSecond", r.stepsPerSecond());
        m.put("trainLoss", r.trainLoss());
        m.put("valLoss", r.valLoss());
        m.putAll(r.metrics());
        m.put("history", r.history());
        try {
            AtomicWrite.write(file, JSON.writeValueAsBytes(JSON.valueToTree(finite(m))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Replaces non-finite doubles (undefined figures) by {@code null} so the file is strict JSON. */
    private static Object finite(Object v) {
        if (v instanceof Double d) {
            return Double.isFinite(d) ? d : null;
        }
        if (v instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, x) -> out.put(k, finite(x)));
            return out;
        }
        if (v instanceof List<?> list) {
            return list.stream().map(TrainRun::finite).toList();
        }
        if (v instanceof double[] arr) {
            return java.util.Arrays.stream(arr).mapToObj(d -> finite(d)).toList();
        }
        return v;
    }
}
