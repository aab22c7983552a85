package dev.mawm.runtime;

import dev.mawm.models.io.Sha256;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.bundle.ComponentSpec;
import dev.mawm.models.bundle.GoldenSpec;
import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.io.Safetensors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Ways to damage or change a bundle directory on purpose. */
public final class Tamper {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Tamper() {
    }

    public static Path copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode manifest(Path bundle) {
        try {
            return (ObjectNode) JSON.readTree(bundle.resolve(BundleManifest.FILE_NAME).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void saveManifest(Path bundle, ObjectNode tree) {
        try {
            Files.writeString(bundle.resolve(BundleManifest.FILE_NAME), tree.toPrettyString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites the manifest's SHA-256 of {@code file} (a component graph or golden file) to match its content. */
    public static void refreshChecksum(Path bundle, String file) {
        try {
            String sha = Sha256.hex(Files.readAllBytes(bundle.resolve(file)));
            ObjectNode tree = manifest(bundle);
            for (String list : new String[] {"components", "golden"}) {
                tree.get(list).forEach(n -> {
                    if (n.get("file").asText().equals(file)) {
                        ((ObjectNode) n).put("sha256", sha);
                    }
                });
            }
            saveManifest(bundle, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Flips one bit (0x40 of the most significant byte, an exponent bit) of the first float of the first 2-D
     * initializer (a weight matrix) in place: the file keeps its length and stays valid protobuf.
     *
     * @param onnx the graph file
     * @return the weight's name
     */
    public static String flipWeightByte(Path onnx) {
        try {
            byte[] bytes = Files.readAllBytes(onnx);
            Weight w = firstWeight(onnx, bytes);
            bytes[w.offset() + 3] ^= 0x40;
            Files.write(onnx, bytes);
            return w.name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Scales the weight {@link #flipWeightByte} would damage, in the graph of {@code component}, by {@code factor}, then
     * rewrites that component's golden outputs from the changed graph (ONNX Runtime on the golden inputs) and both
     * checksums: a valid bundle whose outputs differ from the original's, as a retrained one's would.
     *
     * @param bundle    the bundle directory
     * @param component the component whose graph changes
     * @param factor    the weight's new value over its old one
     */
    public static void reweigh(Path bundle, String component, float factor) {
        BundleManifest m = BundleManifest.read(bundle);
        ComponentSpec spec = m.component(component).orElseThrow();
        GoldenSpec g = m.goldenFor(component).orElseThrow();
        Path graph = bundle.resolve(spec.file());
        Path golden = bundle.resolve(g.file());
        try {
            byte[] bytes = Files.readAllBytes(graph);
            ByteBuffer weight = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            int at = firstWeight(graph, bytes).offset();
            weight.putFloat(at, weight.getFloat(at) * factor);
            Files.write(graph, bytes);
            byte[] goldenBytes = Files.readAllBytes(golden);
            Safetensors.TypedContents old = Safetensors.decodeTyped(goldenBytes, golden.toString());
            Map<String, HostTensor> all = GoldenReplay.decode(goldenBytes, golden);
            Map<String, HostTensor> inputs = new LinkedHashMap<>();
            spec.inputs().forEach(t -> inputs.put(t.name(), all.get(GoldenSpec.inputKey(t.name()))));
            Map<String, FloatTensor> floats = new LinkedHashMap<>(old.floats());
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                 Component run = new Component(spec, OrtEnv.get().createSession(bytes, options), graph.toString())) {
                run.run(inputs).forEach((name, t) -> floats.put(GoldenSpec.outputKey(name), new FloatTensor(t.shape(), t.floats())));
            }
            Files.write(golden, Safetensors.encodeTyped(floats, old.ints(), old.metadata()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException(graph + ": " + e.getMessage(), e);
        }
        refreshChecksum(bundle, spec.file());
        refreshChecksum(bundle, g.file());
    }

    /** Where a graph file holds its first weight matrix's first float. */
    private record Weight(String name, int offset) {
    }

    /**
     * The first 2-D float initializer whose bytes occur exactly once in the file, so that changing them changes that
     * weight and nothing else (a small constant such as a shared bias or a {@code [1, 1]} literal may repeat).
     */
    private static Weight firstWeight(Path onnx, byte[] bytes) throws IOException {
        ModelProto model = ModelProto.parseFrom(bytes);
        boolean any = false;
        for (TensorProto w : model.getGraph().getInitializerList()) {
            if (w.getDimsCount() != 2 || w.getDataType() != TensorProto.DataType.FLOAT.getNumber()) {
                continue;
            }
            any = true;
            byte[] data = rawFloats(w);
            int at = indexOf(bytes, data);
            if (data.length >= 4 && at >= 0 && indexOf(bytes, data, at + 1) < 0) {
                return new Weight(w.getName(), at);
            }
        }
        throw new IllegalStateException(onnx + (any ? " has no 2-D float initializer whose bytes occur exactly once"
                : " has no 2-D float initializer"));
    }

    private static byte[] rawFloats(TensorProto w) {
        if (!w.getRawData().isEmpty()) {
            return w.getRawData().toByteArray();
        }
        ByteBuffer b = ByteBuffer.allocate(4 * w.getFloatDataCount()).order(ByteOrder.LITTLE_ENDIAN);
        w.getFloatDataList().forEach(b::putFloat);
        return b.array();
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        return indexOf(hay, needle, 0);
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
