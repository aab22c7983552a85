package dev.mawm.export;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.mawm.export.bundle.BundleWeights;
import dev.mawm.export.bundle.BundleWriter;
import dev.mawm.export.bundle.ExportOptions;
import dev.mawm.export.bundle.TfGoldenReference;
import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.checkpoint.Checkpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The export entry point ({@code mawm export}): checkpoint directory in, bundle directory out, golden
 * outputs computed by TensorFlow ({@link TfGoldenReference}).
 *
 * <p>Training provenance: besides the checkpoint's spec (config, dataset hash, network sizes), an optional
 * {@value Checkpoint#METRICS_FILE} in the checkpoint directory (a JSON object, e.g. {@code {"steps": 20000,
 * "losses": {...}}}) is recorded under {@code provenance.training}.
 */
public final class Exporter {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private Exporter() {
    }

    /**
     * @param checkpointDir a checkpoint directory ({@link Checkpoint#load})
     * @param bundleDir the bundle directory to create or replace
     * @param options bundle name, version, horizon, golden settings
     * @return the written manifest
     * @throws IllegalArgumentException for a missing or invalid checkpoint or metrics file
     * @throws dev.mawm.models.bundle.BundleException when the bundle cannot be written
     */
    public static BundleManifest export(Path checkpointDir, Path bundleDir, ExportOptions options) {
        Checkpoint checkpoint = Checkpoint.load(checkpointDir);
        return BundleWriter.write(checkpoint, bundleDir, options, new TfGoldenReference(), trainingProvenance(checkpointDir));
    }

    /**
     * Exports a bundle's weights again with this exporter ({@code mawm export --from-bundle}): the weights are read back
     * from its graphs ({@link BundleWeights}), the golden outputs are computed anew by TensorFlow, and the training
     * provenance is carried over, with {@code provenance.reexportedFrom} naming the source bundle and its exporter.
     *
     * @param sourceDir the bundle to read (may equal {@code bundleDir}: it is read whole before anything is written)
     * @param bundleDir the bundle directory to create or replace
     * @param options bundle name, version, horizon, golden settings
     * @return the written manifest
     * @throws IllegalArgumentException when the source cannot be read back ({@link BundleWeights#read})
     * @throws dev.mawm.models.bundle.BundleException when the bundle cannot be written
     */
    public static BundleManifest reexport(Path sourceDir, Path bundleDir, ExportOptions options) {
        BundleWeights.Read src = BundleWeights.read(sourceDir);
        Map<String, Object> extra = new LinkedHashMap<>();
        Object training = src.manifest().provenance().get("training");
        if (training != null) {
            extra.put("training", training);
        }
        Map<String, Object> from = new LinkedHashMap<>();
        from.put("name", src.manifest().name());
        from.put("version", src.manifest().version());
        from.put("exporter", String.valueOf(src.manifest().provenance().getOrDefault("exporter", "")));
        from.put("absentParamsZeroed", src.absent());
        extra.put("reexportedFrom", from);
        return BundleWriter.write(src.checkpoint(), bundleDir, options, new TfGoldenReference(), extra);
    }

    /**
     * @param checkpointDir a checkpoint directory
     * @return {@code {"training": <metrics.json>}}, or empty when the directory has no metrics file
     * @throws IllegalArgumentException when the metrics file is not a JSON object
     */
    public static Map<String, Object> trainingProvenance(Path checkpointDir) {
        Path f = checkpointDir.resolve(Checkpoint.METRICS_FILE);
        Map<String, Object> p = new LinkedHashMap<>();
        if (!Files.isRegularFile(f)) {
            return p;
        }
        JsonNode node;
        try {
            node = JSON.readTree(f.toFile());
        } catch (IOException e) {
            if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
                throw new IllegalArgumentException(f + ": not valid JSON: " + j.getOriginalMessage(), e);
            }
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(f + ": expected a JSON object of training metrics");
        }
        p.put("training", JSON.convertValue(node, Object.class));
        return p;
    }
}
