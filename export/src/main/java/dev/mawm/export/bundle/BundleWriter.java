package dev.mawm.export.bundle;

import ai.onnx.proto.OnnxMl.ModelProto;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mawm.export.family.ExportFamilies;
import dev.mawm.export.family.ExportFamily;
import dev.mawm.export.graphs.ComponentGraph;
import dev.mawm.export.onnx.ComponentExporter;
import dev.mawm.export.onnx.OnnxGraph;
import dev.mawm.models.Names;
import dev.mawm.models.bundle.ActionSpace;
import dev.mawm.models.bundle.BundleDims;
import dev.mawm.models.bundle.BundleException;
import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.bundle.ComponentSpec;
import dev.mawm.models.bundle.GoldenSpec;
import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.models.checkpoint.Checkpoint;
import dev.mawm.models.checkpoint.ModelSpec;
import dev.mawm.models.nn.Networks;
import dev.mawm.models.nn.WorldModelNetwork;
import dev.mawm.models.io.Sha256;
import dev.mawm.runtime.Bundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a model bundle (DESIGN §6, {@code docs/bundle-format.md}) from a checkpoint: one checked ONNX
 * graph per component with the normalization baked in, the fused rollout {@code rollout_h{H}}, golden
 * inputs and the {@link GoldenReference}'s outputs for every component, and {@code bundle.json}. What differs by family
 * (graphs, dims, metadata, golden inputs) is its {@link ExportFamily}, found in {@link ExportFamilies}.
 *
 * <p>Everything is written into a hidden temporary directory next to the target, re-read and checked
 * (manifest schema, checksums), loaded with {@link Bundle#load} (every loading rule, golden replay through ONNX
 * Runtime), and only then renamed into place; an existing bundle at the target is
 * replaced only after the new one is complete, and a failure leaves it untouched.
 */
public final class BundleWriter {
    private static final Logger LOG = LoggerFactory.getLogger(BundleWriter.class);
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private BundleWriter() {
    }

    /**
     * @param checkpoint the trained model
     * @param target the bundle directory to create or replace (an existing one must be a bundle or empty)
     * @param options name, version, horizon, golden settings, planning defaults
     * @param reference computes golden outputs (TensorFlow in production)
     * @param extraProvenance training provenance to record besides the checkpoint's (steps, losses …); may be empty
     * @return the written manifest
     * @throws BundleException when the bundle cannot be written, naming the path
     */
    public static BundleManifest write(Checkpoint checkpoint, Path target, ExportOptions options, GoldenReference reference,
                                       Map<String, Object> extraProvenance) {
        BundleFiles.requireReplaceable(target);
        ModelSpec spec = checkpoint.spec();
        WorldModelNetwork net = Networks.create(spec);
        ExportFamily family = ExportFamilies.get(spec.family());
        List<ComponentGraph> graphs = family.graphs(net, options.horizon());
        Path tmp = BundleFiles.tempDir(target);
        try {
            Files.createDirectories(tmp.resolve(GoldenSpec.DIRECTORY));
            Map<String, String> meta = onnxMetadata(spec, options);
            meta.putAll(family.metadata(net));
            GoldenInputSource goldenInputs = family.goldenInputs(net, checkpoint, options);
            Map<String, ArrayTensor> known = new LinkedHashMap<>(family.presetGoldenInputs(graphs, checkpoint, reference, options));
            List<ComponentSpec> components = new ArrayList<>();
            List<GoldenSpec> golden = new ArrayList<>();
            for (int i = 0; i < graphs.size(); i++) {
                ComponentGraph c = graphs.get(i);
                ModelProto model = ComponentExporter.export(c, checkpoint.tensors(), meta);
                String file = ComponentSpec.defaultFile(c.name());
                byte[] bytes = model.toByteArray();
                Files.write(tmp.resolve(file), bytes);
                components.add(new ComponentSpec(c.name(), file, Sha256.hex(bytes), c.inputs(), c.outputs()));

                List<ArrayTensor> in = goldenInputs.generate(c, known, options.goldenSeed() * 1_000_003L + i);
                List<ArrayTensor> out = reference.run(c, checkpoint.tensors(), in);
                byte[] g = goldenBytes(c, in, out, reference);
                String goldenFile = GoldenSpec.defaultFile(c.name());
                Files.write(tmp.resolve(goldenFile), g);
                golden.add(new GoldenSpec(c.name(), goldenFile, Sha256.hex(g), options.goldenTolerance(),
                        options.goldenBatch()));
                for (int k = 0; k < out.size(); k++) {
                    known.putIfAbsent(c.outputs().get(k).name(), out.get(k));
                }
                LOG.debug("exported {} ({} bytes, {} nodes)", c.name(), bytes.length, model.getGraph().getNodeCount());
            }
            BundleManifest manifest = new BundleManifest(BundleManifest.FORMAT_VERSION, options.name(), options.version(), spec.family(),
                    new BundleDims(spec.obsDim(), family.latentSize(net), spec.actionCount(), options.horizon(),
                            family.ensembleSize(net), family.extraDims(net)),
                    ActionSpace.discrete(spec.actionCount()), family.messageFormat(net), components, options.planningDefaults(),
                    provenance(spec, reference, extraProvenance), golden);
            manifest.write(tmp.resolve(BundleManifest.FILE_NAME));
            BundleFiles.matchPermissions(tmp.resolve(BundleManifest.FILE_NAME), tmp.resolve(components.get(0).file()));
            BundleFiles.verify(tmp);
            replay(tmp);
            BundleFiles.install(tmp, target);
            LOG.info("wrote bundle {} {} ({} components) to {}", options.name(), options.version(), components.size(), target);
            return manifest;
        } catch (IOException e) {
            BundleFiles.deleteQuietly(tmp);
            throw new BundleException("cannot write bundle " + target + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            BundleFiles.deleteQuietly(tmp);
            throw e;
        }
    }

    /** Loads the written bundle as a deployment would (every rule of {@link Bundle#load}, golden replay included). */
    private static void replay(Path tmp) {
        try (Bundle b = Bundle.load(tmp)) {
            LOG.debug("the written bundle loads and replays its golden files ({} components)", b.components().size());
        } catch (BundleException e) {
            throw new BundleException(e.rule(), "the exported bundle fails its own check, so it was not installed: "
                    + e.getMessage(), e);
        }
    }

    private static byte[] goldenBytes(ComponentGraph c, List<ArrayTensor> in, List<ArrayTensor> out, GoldenReference ref) {
        if (out.size() != c.outputs().size()) {
            throw new IllegalStateException("golden reference returned " + out.size() + " outputs for '" + c.name() + "', expected "
                    + c.outputs().size());
        }
        Map<String, ArrayTensor> tensors = new LinkedHashMap<>();
        for (int i = 0; i < in.size(); i++) {
            tensors.put(GoldenSpec.inputKey(c.inputs().get(i).name()), in.get(i));
        }
        for (int i = 0; i < out.size(); i++) {
            TensorSpec spec = c.outputs().get(i);
            if (!spec.dtype().equals(out.get(i).dtype()) || !spec.accepts(out.get(i).shape())) {
                throw new IllegalStateException("golden output '" + spec.name() + "' of '" + c.name() + "' is " + out.get(i)
                        + ", expected " + spec.dtype() + spec.shape());
            }
            tensors.put(GoldenSpec.outputKey(spec.name()), out.get(i));
        }
        return GoldenFiles.encode(tensors, Map.of("component", c.name(), "reference", ref.description()));
    }

    private static Map<String, String> onnxMetadata(ModelSpec spec, ExportOptions options) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(Names.META_FAMILY, spec.family());
        m.put(Names.META_PROVENANCE_PREFIX + "bundle", options.name() + ":" + options.version());
        m.put(Names.META_PROVENANCE_PREFIX + "env", spec.env());
        m.put(Names.META_PROVENANCE_PREFIX + "dataset_sha256", spec.datasetSha256());
        m.put(Names.META_PROVENANCE_PREFIX + "exporter", Names.PRODUCER_NAME + " " + OnnxGraph.producerVersion());
        return m;
    }

    private static Map<String, Object> provenance(ModelSpec spec, GoldenReference ref, Map<String, Object> extra) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("family", spec.family());
        p.put("env", spec.env());
        p.put("datasetSha256", spec.datasetSha256());
        p.put("config", PLAIN.convertValue(spec.config(), Object.class));  // plain maps: equal to what a reader parses
        p.put("network", PLAIN.convertValue(spec.network(), Object.class));
        p.put("exporter", Names.PRODUCER_NAME + " " + OnnxGraph.producerVersion());
        p.put("goldenReference", ref.description());
        p.put("onnx", Map.of("opset", Names.OPSET, "irVersion", Names.IR_VERSION));
        p.putAll(extra);
        return p;
    }
}
