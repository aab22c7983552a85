package dev.mawm.runtime.djl;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import dev.mawm.models.bundle.BundleException;
import dev.mawm.models.bundle.BundleRule;
import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.bundle.ComponentSpec;
import dev.mawm.models.bundle.GoldenSpec;
import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.ComponentCheck;
import dev.mawm.runtime.EngineOptions;
import dev.mawm.runtime.GoldenReplay;
import dev.mawm.runtime.HostTensor;
import dev.mawm.runtime.VerifyReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bundle whose graphs run through DJL's ONNX Runtime engine ({@code OnnxRuntime}) on the CPU.
 *
 * <p>{@link #load(Path)} first validates the bundle exactly like {@link Bundle#load(Path)} (manifest, files,
 * SHA-256, graph interfaces, golden replay), then loads each validated graph's bytes into a DJL {@link Model} and
 * replays the golden files once more through DJL, so a DJL-specific difference is caught at load time. Thread-safe
 * ({@link #run} makes a predictor per call).
 */
public final class DjlBundle implements AutoCloseable {
    /** DJL's engine name for ONNX Runtime. */
    public static final String ENGINE = "OnnxRuntime";

    private final Path directory;
    private final BundleManifest manifest;
    private final Map<String, Model> models;
    private final VerifyReport report;

    private DjlBundle(Path directory, BundleManifest manifest, Map<String, Model> models, VerifyReport report) {
        this.directory = directory;
        this.manifest = manifest;
        this.models = models;
        this.report = report;
    }

    /**
     * @param dir the bundle directory
     * @return the bundle, validated and loaded through DJL
     * @throws BundleException naming the file that fails validation, or whose golden replay differs under DJL
     */
    public static DjlBundle load(Path dir) {
        Engine engine = DjlEngines.init();
        Map<String, Model> models = new LinkedHashMap<>();
        try (Bundle validated = Bundle.load(dir, EngineOptions.defaults())) {
            BundleManifest m = validated.manifest();
            for (ComponentSpec c : m.components()) {
                Path file = dir.resolve(c.file());
                Model model = engine.newModel(c.name(), Device.cpu());
                models.put(c.name(), model);
                try {
                    model.load(new ByteArrayInputStream(Bundle.readVerified(file, c.sha256())),
                            Map.of("intraOpNumThreads", "1", "interOpNumThreads", "1"));
                } catch (IOException | MalformedModelException e) {
                    throw new BundleException(BundleRule.GRAPH_LOAD, file + ": DJL cannot load the graph of component '" + c.name() + "': "
                            + e.getMessage(), e);
                }
            }
            DjlBundle b = new DjlBundle(dir, m, models, null);
            List<ComponentCheck> checks = new ArrayList<>();
            for (GoldenSpec g : m.golden()) {
                ComponentSpec spec = m.component(g.component()).orElseThrow();
                checks.add(GoldenReplay.replay(m.family(), spec, g, validated.goldenBytes(g.component()), dir.resolve(g.file()),
                        in -> b.run(g.component(), in)));
            }
            VerifyReport report = new VerifyReport(dir, validated.deviceStatus(), checks);
            report.firstFailure().ifPresent(c -> {
                throw new BundleException(BundleRule.GOLDEN_MISMATCH, c.describe(dir) + " (through DJL)");
            });
            return new DjlBundle(dir, m, models, report);
        } catch (RuntimeException e) {
            models.values().forEach(Model::close);
            throw e;
        }
    }

    /** @return the validated manifest */
    public BundleManifest manifest() {
        return manifest;
    }

    /** @return the golden replay through DJL done at load time */
    public VerifyReport goldenReport() {
        return report;
    }

    /**
     * @param component a component name
     * @return its DJL model (owned by this bundle: do not close it)
     * @throws IllegalArgumentException for an unknown component
     */
    public Model model(String component) {
        Model m = models.get(component);
        if (m == null) {
            throw new IllegalArgumentException("bundle " + directory + " has no component '" + component + "'; it has "
                    + models.keySet());
        }
        return m;
    }

    /**
     * Runs one component through DJL.
     *
     * @param component a component name
     * @param inputs    one tensor per graph input, by name (dtypes and shapes as in the manifest)
     * @return every graph output by name
     * @throws IllegalArgumentException for an unknown component or missing input
     * @throws IllegalStateException    when DJL fails
     */
    public Map<String, HostTensor> run(String component, Map<String, HostTensor> inputs) {
        Model model = model(component);
        ComponentSpec spec = manifest.component(component).orElseThrow();
        try (NDManager nd = model.getNDManager().newSubManager();
             Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator())) {
            NDList in = new NDList();
            for (TensorSpec t : spec.inputs()) {
                HostTensor h = inputs.get(t.name());
                if (h == null) {
                    throw new IllegalArgumentException("component '" + component + "' needs input '" + t.name() + "'");
                }
                NDArray a = h.floats() != null ? nd.create(h.floats(), new Shape(h.shape()))
                        : nd.create(h.ints(), new Shape(h.shape()));
                a.setName(t.name());
                in.add(a);
            }
            NDList out = predictor.predict(in);
            Map<String, HostTensor> result = new LinkedHashMap<>();
            for (int i = 0; i < spec.outputs().size(); i++) {
                TensorSpec t = spec.outputs().get(i);
                NDArray a = out.get(t.name()) != null ? out.get(t.name()) : out.get(i);
                long[] shape = a.getShape().getShape();
                result.put(t.name(), a.getDataType() == DataType.INT32 ? HostTensor.i32(shape, a.toIntArray())
                        : HostTensor.f32(shape, a.toFloatArray()));
            }
            out.close();
            return result;
        } catch (TranslateException e) {
            throw new IllegalStateException(directory.resolve(spec.file()) + ": DJL failed to run component '"
                    + component + "': " + e.getMessage(), e);
        }
    }

    /** Closes every DJL model. */
    @Override
    public void close() {
        models.values().forEach(Model::close);
    }
}
