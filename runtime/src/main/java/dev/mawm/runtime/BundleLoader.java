package dev.mawm.runtime;

import dev.mawm.models.io.Sha256;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.mawm.models.Names;
import dev.mawm.models.bundle.BundleException;
import dev.mawm.models.bundle.BundleRule;
import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.bundle.ComponentSpec;
import dev.mawm.models.bundle.GoldenSpec;
import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.runtime.family.RuntimeFamilies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Steps 1–4 of loading (manifest, files, checksums, graph interfaces); {@link Bundle#load} adds step 5, golden
 * replay. Each step stops at the first failure with a {@link BundleException} naming the file.
 */
final class BundleLoader {
    private BundleLoader() {
    }

    static Bundle open(Path dir, EngineOptions options) {
        if (!Files.isDirectory(dir)) {
            throw new BundleException(BundleRule.MANIFEST_MISSING, dir + ": not a directory; expected a bundle directory containing "
                    + BundleManifest.FILE_NAME);
        }
        Path manifestFile = dir.resolve(BundleManifest.FILE_NAME);
        BundleManifest m = BundleManifest.read(manifestFile);
        ManifestRules.check(m, manifestFile);
        requirePresent(dir, m);
        Map<String, byte[]> bytes = readAndHash(dir, m);
        Map<String, Component> components = new LinkedHashMap<>();
        Sessions.DeviceChoice device = new Sessions.DeviceChoice(options);
        try {
            for (ComponentSpec c : m.components()) {
                Path file = dir.resolve(c.file());
                OrtSession session;
                try {
                    session = device.create(bytes.get(c.file()), file.toString());
                } catch (OrtException e) {
                    throw new BundleException(BundleRule.GRAPH_LOAD, file + ": ONNX Runtime cannot load the graph of component '" + c.name()
                            + "' (expected a valid ONNX model; the file may be truncated or corrupt): " + e.getMessage(), e);
                }
                Component comp = new Component(c, session, file.toString());
                components.put(c.name(), comp);
                checkInterface(comp, session, file);
                checkMetadata(m, c, session, file);
            }
            Map<String, byte[]> golden = new LinkedHashMap<>();
            for (GoldenSpec g : m.golden()) {
                golden.put(g.component(), bytes.get(g.file()));
            }
            return new Bundle(dir, m, components, golden, device.status());
        } catch (RuntimeException e) {
            components.values().forEach(Component::close);
            throw e;
        }
    }

    private static void requirePresent(Path dir, BundleManifest m) {
        for (ComponentSpec c : m.components()) {
            Path f = dir.resolve(c.file());
            if (!Files.isRegularFile(f)) {
                throw new BundleException(BundleRule.FILE_MISSING, f + ": missing; bundle.json lists it as the graph of component '" + c.name()
                        + "'");
            }
        }
        for (GoldenSpec g : m.golden()) {
            Path f = dir.resolve(g.file());
            if (!Files.isRegularFile(f)) {
                throw new BundleException(BundleRule.FILE_MISSING, f + ": missing; bundle.json lists it as the golden I/O of component '"
                        + g.component() + "'");
            }
        }
    }

    /**
     * Reads one bundle file and checks it against its manifest checksum, so what is used is what was hashed.
     *
     * @param f the file
     * @param sha256 the manifest's checksum
     * @return the file's bytes
     * @throws BundleException naming the file when it cannot be read or its SHA-256 differs
     */
    static byte[] readVerified(Path f, String sha256) {
        byte[] b;
        try {
            b = Files.readAllBytes(f);
        } catch (IOException ex) {
            throw new BundleException(BundleRule.FILE_MISSING, f + ": cannot read: " + ex.getMessage(), ex);
        }
        String actual = Sha256.hex(b);
        if (!actual.equals(sha256)) {
            throw new BundleException(BundleRule.FILE_SHA256, f + ": SHA-256 is " + actual + ", bundle.json expects " + sha256
                    + " (the file was modified or corrupted after export)");
        }
        return b;
    }

    private static Map<String, byte[]> readAndHash(Path dir, BundleManifest m) {
        Map<String, String> expected = new LinkedHashMap<>();
        m.components().forEach(c -> expected.put(c.file(), c.sha256()));
        m.golden().forEach(g -> expected.put(g.file(), g.sha256()));
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            out.put(e.getKey(), readVerified(dir.resolve(e.getKey()), e.getValue()));
        }
        return out;
    }

    private static void checkInterface(Component comp, OrtSession session, Path file) {
        ComponentSpec c = comp.spec();
        try {
            checkSide(file, c, "inputs", c.inputs(), session.getInputInfo());
            checkSide(file, c, "outputs", c.outputs(), session.getOutputInfo());
        } catch (OrtException e) {
            throw new BundleException(BundleRule.GRAPH_INTERFACE, file + ": cannot read the graph's inputs and outputs: " + e.getMessage(), e);
        }
    }

    /** The graph's own {@code metadata_props} name this component and family (and the family's own keys, e.g. mlp's ensemble size). */
    private static void checkMetadata(BundleManifest m, ComponentSpec c, OrtSession session, Path file) {
        Map<String, String> meta;
        try {
            meta = session.getMetadata().getCustomMetadata();
        } catch (OrtException e) {
            throw new BundleException(BundleRule.GRAPH_INTERFACE, file + ": cannot read the graph's metadata: " + e.getMessage(), e);
        }
        Map<String, String> want = new LinkedHashMap<>();
        want.put(Names.META_COMPONENT, c.name());
        want.put(Names.META_FAMILY, m.family());
        want.putAll(RuntimeFamilies.get(m.family()).graphMetadata(m));
        for (Map.Entry<String, String> e : want.entrySet()) {
            if (!e.getValue().equals(meta.get(e.getKey()))) {
                throw new BundleException(BundleRule.GRAPH_INTERFACE, file + ": graph metadata '" + e.getKey() + "' is "
                        + (meta.containsKey(e.getKey()) ? "'" + meta.get(e.getKey()) + "'" : "missing") + ", bundle.json "
                        + "implies '" + e.getValue() + "' for component '" + c.name() + "'");
            }
        }
    }

    private static void checkSide(Path file, ComponentSpec c, String side, List<TensorSpec> declared,
                                  Map<String, NodeInfo> graph) {
        List<String> graphNames = new ArrayList<>(graph.keySet());
        List<String> names = declared.stream().map(TensorSpec::name).toList();
        if (!graphNames.equals(names)) {
            throw new BundleException(BundleRule.GRAPH_INTERFACE, file + ": graph " + side + " are " + graphNames + ", bundle.json declares "
                    + names + " for component '" + c.name() + "'");
        }
        for (TensorSpec t : declared) {
            if (!(graph.get(t.name()).getInfo() instanceof TensorInfo info)) {
                throw new BundleException(BundleRule.GRAPH_INTERFACE, file + ": graph " + side + " '" + t.name() + "' is not a tensor");
            }
            String dtype = dtype(info.type);
            long[] shape = info.getShape();
            if (!dtype.equals(t.dtype()) || !Arrays.equals(shape, t.shapeArray())) {
                throw new BundleException(BundleRule.GRAPH_INTERFACE, file + ": graph " + side.substring(0, side.length() - 1) + " '" + t.name()
                        + "' of component '" + c.name() + "' is " + dtype + Arrays.toString(shape)
                        + " in the graph, bundle.json declares " + t.dtype() + t.shape() + " (-1: dynamic batch)");
            }
        }
    }

    private static String dtype(OnnxJavaType t) {
        return switch (t) {
            case FLOAT -> TensorSpec.FLOAT32;
            case INT32 -> TensorSpec.INT32;
            default -> t.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
