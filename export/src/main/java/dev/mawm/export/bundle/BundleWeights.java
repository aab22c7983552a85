package dev.mawm.export.bundle;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.bundle.ComponentSpec;
import dev.mawm.models.checkpoint.Checkpoint;
import dev.mawm.models.checkpoint.ModelSpec;
import dev.mawm.models.checkpoint.Normalization;
import dev.mawm.models.checkpoint.ParamShape;
import dev.mawm.models.family.ModelFamilies;
import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.nn.Networks;
import dev.mawm.models.nn.WorldModelNetwork;
import dev.mawm.runtime.Bundle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a bundle's weights back into a checkpoint, so that a bundle can be exported again by this version of the
 * exporter ({@code mawm export --from-bundle}), e.g. to take up a graph lowering added after it was made, when its
 * training checkpoint is gone.
 *
 * <p>Every parameter a graph reads is an initializer of the parameter's name, written raw as float32 by
 * {@link dev.mawm.export.onnx.OnnxGraph}, so the weights come back bit for bit; one parameter held by several graphs
 * must have the same bytes in each. Only families whose checkpoints carry no normalization ({@link #FAMILIES}) can be
 * read: {@code mlp} and {@code gru} bake their normalization statistics into folded graph constants, which do not come
 * back as statistics. Parameters in no graph come back as zeros ({@link Read#absent}): those only training reads (jepa2's
 * LeJEPA projectors) and those an export lowering leaves unread (jepa2's vector-mode attention query and key, whose
 * softmax over one key is 1 whatever they are), so the outputs of every exported graph are unchanged, but the
 * checkpoint is fit for export, not for resuming training, and mawm never writes it to disk.
 */
public final class BundleWeights {
    /** The families whose bundles can be read back. */
    public static final Set<String> FAMILIES = Set.of("jepa2", "iris");

    private static final ObjectMapper JSON = new ObjectMapper();

    private BundleWeights() {
    }

    /**
     * A bundle read back.
     *
     * @param manifest     the bundle's manifest
     * @param checkpoint   its weights as a checkpoint (in-memory, no recorded checksums)
     * @param absent       the parameters no graph holds, filled with zeros, in declaration order
     */
    public record Read(BundleManifest manifest, Checkpoint checkpoint, List<String> absent) {
        /** Copies the list. */
        public Read {
            absent = List.copyOf(absent);
        }
    }

    /**
     * @param bundleDir a bundle directory
     * @return the manifest and the weights of its graphs
     * @throws IllegalArgumentException for a family not in {@link #FAMILIES}, a manifest without the training
     *     provenance ({@code config}, {@code network}, {@code env}), a graph file that does not match its hash, a
     *     parameter stored with two values or of the wrong shape, or graphs that hold none of the declared parameters
     */
    public static Read read(Path bundleDir) {
        BundleManifest m = BundleManifest.read(bundleDir.resolve(BundleManifest.FILE_NAME));
        if (!FAMILIES.contains(m.family())) {
            throw new IllegalArgumentException(bundleDir + ": a " + m.family() + " bundle cannot be read back (its graphs hold "
                    + "normalization folded into constants); re-export it from its checkpoint. Readable families: "
                    + FAMILIES.stream().sorted().toList());
        }
        ModelSpec provisional = spec(m, bundleDir, List.of(new ParamShape("placeholder", new long[] {1})));
        WorldModelNetwork net = ModelFamilies.get(m.family()).network(provisional);
        List<ParamShape> declared = Networks.shapes(net.params());
        Set<String> names = new HashSet<>();
        declared.forEach(d -> names.add(d.name()));
        Map<String, FloatTensor> stored = new LinkedHashMap<>();
        for (ComponentSpec c : m.components()) {
            Path f = bundleDir.resolve(c.file());
            collect(f, Bundle.readVerified(f, c.sha256()), names, stored);
        }
        Map<String, FloatTensor> tensors = new LinkedHashMap<>();
        List<String> absent = new ArrayList<>();
        for (ParamShape p : declared) {
            FloatTensor t = stored.remove(p.name());
            if (t == null) {
                t = FloatTensor.zeros(p.shape());
                absent.add(p.name());
            } else if (!Arrays.equals(t.shape(), p.shape())) {
                throw new IllegalArgumentException(bundleDir + ": parameter '" + p.name() + "' has shape " + Arrays.toString(t.shape())
                        + " in the graphs, the " + m.family() + " network of its provenance declares " + Arrays.toString(p.shape()));
            }
            tensors.put(p.name(), t);
        }
        if (absent.size() == declared.size()) {
            throw new IllegalArgumentException(bundleDir + ": no graph holds a parameter of the " + m.family()
                    + " network its provenance describes");
        }
        return new Read(m, new Checkpoint(spec(m, bundleDir, declared), tensors), absent);
    }

    private static ModelSpec spec(BundleManifest m, Path dir, List<ParamShape> params) {
        Map<String, Object> p = m.provenance();
        for (String key : new String[] {"env", "config", "network"}) {
            if (!p.containsKey(key)) {
                throw new IllegalArgumentException(dir + ": bundle.json provenance has no '" + key + "'; the weights cannot be "
                        + "matched to a network without it");
            }
        }
        JsonNode network = JSON.valueToTree(p.get("network"));
        JsonNode config = JSON.valueToTree(p.get("config"));
        Object sha = p.getOrDefault("datasetSha256", "");
        return new ModelSpec(ModelSpec.FORMAT_VERSION, m.family(), String.valueOf(p.get("env")), m.dims().stateSize(),
                m.dims().actionCount(), network, new Normalization(Map.of(), Map.of()), params, String.valueOf(sha), config, null);
    }

    private static void collect(Path file, byte[] bytes, Set<String> names, Map<String, FloatTensor> into) {
        ModelProto model;
        try {
            model = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException(file + ": not an ONNX model: " + e.getMessage(), e);
        }
        for (TensorProto t : model.getGraph().getInitializerList()) {
            if (!names.contains(t.getName())) {  // folded constants (const_*) and the like
                continue;
            }
            FloatTensor v = floats(file, t);
            FloatTensor before = into.putIfAbsent(t.getName(), v);
            if (before != null && !(Arrays.equals(before.shape(), v.shape()) && Arrays.equals(before.data(), v.data()))) {
                throw new IllegalArgumentException(file + ": parameter '" + t.getName() + "' differs from the same parameter "
                        + "in another graph of the bundle");
            }
        }
    }

    private static FloatTensor floats(Path file, TensorProto t) {
        if (t.getDataType() != TensorProto.DataType.FLOAT.getNumber()) {
            throw new IllegalArgumentException(file + ": parameter '" + t.getName() + "' is not float32 (data type " + t.getDataType() + ")");
        }
        long[] shape = t.getDimsList().stream().mapToLong(Long::longValue).toArray();
        long n = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        float[] data = new float[Math.toIntExact(n)];
        if (!t.getRawData().isEmpty()) {
            if (t.getRawData().size() != n * Float.BYTES) {
                throw new IllegalArgumentException(file + ": parameter '" + t.getName() + "' has " + t.getRawData().size()
                        + " raw bytes, its shape " + Arrays.toString(shape) + " needs " + n * Float.BYTES);
            }
            ByteBuffer.wrap(t.getRawData().toByteArray()).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
        } else if (t.getFloatDataCount() == n) {
            for (int i = 0; i < data.length; i++) {
                data[i] = t.getFloatData(i);
            }
        } else {
            throw new IllegalArgumentException(file + ": parameter '" + t.getName() + "' holds " + t.getFloatDataCount()
                    + " values, its shape " + Arrays.toString(shape) + " needs " + n);
        }
        return new FloatTensor(shape, data);
    }
}
