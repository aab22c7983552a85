package dev.mawm.runtime;

import dev.mawm.models.io.Sha256;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mawm.models.bundle.BundleManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Ways to damage a bundle directory on purpose. */
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
     * @return the weight's name
     */
    public static String flipWeightByte(Path onnx) {
        try {
            byte[] bytes = Files.readAllBytes(onnx);
            ModelProto model = ModelProto.parseFrom(bytes);
            TensorProto w = model.getGraph().getInitializerList().stream()
                    .filter(t -> t.getDimsCount() == 2 && t.getDataType() == TensorProto.DataType.FLOAT.getNumber())
                    .findFirst().orElseThrow(() -> new IllegalStateException(onnx + " has no 2-D float initializer"));
            byte[] data;
            if (!w.getRawData().isEmpty()) {
                data = w.getRawData().toByteArray();
            } else {
                ByteBuffer b = ByteBuffer.allocate(4 * w.getFloatDataCount()).order(ByteOrder.LITTLE_ENDIAN);
                w.getFloatDataList().forEach(b::putFloat);
                data = b.array();
            }
            int at = indexOf(bytes, data);
            if (at < 0 || indexOf(bytes, data, at + 1) >= 0) {
                throw new IllegalStateException("weight '" + w.getName() + "' not found exactly once in " + onnx);
            }
            bytes[at + 3] ^= 0x40;
            Files.write(onnx, bytes);
            return w.getName();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
