package dev.mawm.export.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Golden files: standard safetensors with {@code F32} and {@code I32} tensors (little-endian, laid out
 * contiguously in the given order, header padded with spaces to a multiple of 8), one tensor per graph
 * input named {@code in.<input>} and one per output named {@code out.<output>}
 * ({@link dev.mawm.models.bundle.GoldenSpec}). Python's {@code safetensors.numpy.load_file} reads them.
 */
public final class GoldenFiles {
    private static final String METADATA_KEY = "__metadata__";
    private static final ObjectMapper JSON = new ObjectMapper();

    private GoldenFiles() {
    }

    /**
     * @param tensors tensors by name, written in iteration order
     * @param metadata string metadata (may be empty)
     * @return the file bytes
     */
    public static byte[] encode(Map<String, ArrayTensor> tensors, Map<String, String> metadata) {
        ObjectNode header = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = header.putObject(METADATA_KEY);
            metadata.forEach(meta::put);
        }
        long offset = 0;
        for (Map.Entry<String, ArrayTensor> e : tensors.entrySet()) {
            if (e.getKey().isEmpty() || METADATA_KEY.equals(e.getKey())) {
                throw new IllegalArgumentException("invalid golden tensor name '" + e.getKey() + "'");
            }
            ArrayTensor t = e.getValue();
            ObjectNode info = header.putObject(e.getKey());
            info.put("dtype", t.isInt() ? "I32" : "F32");
            ArrayNode shape = info.putArray("shape");
            for (long d : t.shape()) {
                shape.add(d);
            }
            long end = offset + 4L * t.size();
            info.putArray("data_offsets").add(offset).add(end);
            offset = end;
        }
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(header);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write golden header: " + e.getOriginalMessage(), e);
        }
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(8 + padded + offset)).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(padded).put(json);
        for (int i = json.length; i < padded; i++) {
            buf.put((byte) ' ');
        }
        for (ArrayTensor t : tensors.values()) {
            if (t.isInt()) {
                for (int v : t.ints()) {
                    buf.putInt(v);
                }
            } else {
                for (float v : t.floats()) {
                    buf.putFloat(v);
                }
            }
        }
        return buf.array();
    }

    /**
     * Parses a golden file written by {@link #encode} (used to re-read what was written).
     *
     * @param bytes the file
     * @param source its name for error messages
     * @return tensors by name, in header order
     * @throws IllegalArgumentException naming {@code source} when the file is malformed
     */
    public static Map<String, ArrayTensor> decode(byte[] bytes, String source) {
        if (bytes.length < 8) {
            throw new IllegalArgumentException(source + ": truncated golden file (" + bytes.length + " bytes)");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long n = buf.getLong();
        if (n < 2 || 8 + n > bytes.length) {
            throw new IllegalArgumentException(source + ": bad golden header length " + n);
        }
        JsonNode header;
        try {
            header = JSON.readTree(new String(bytes, 8, (int) n, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": golden header is not JSON: " + e.getOriginalMessage(), e);
        }
        int dataStart = (int) (8 + n);
        Map<String, ArrayTensor> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!METADATA_KEY.equals(e.getKey())) {
                out.put(e.getKey(), tensor(bytes, dataStart, e.getKey(), e.getValue(), source));
            }
        }
        return out;
    }

    private static ArrayTensor tensor(byte[] bytes, int dataStart, String name, JsonNode info, String source) {
        String dtype = info.path("dtype").asText();
        JsonNode s = info.path("shape");
        long[] shape = new long[s.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = s.get(i).asLong();
            count *= shape[i];
        }
        long begin = info.path("data_offsets").path(0).asLong(-1);
        long end = info.path("data_offsets").path(1).asLong(-1);
        if (begin < 0 || end - begin != 4 * count || dataStart + end > bytes.length) {
            throw new IllegalArgumentException(source + ": golden tensor '" + name + "' has bad data_offsets [" + begin + ", " + end + "]");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes, dataStart + (int) begin, (int) (end - begin)).order(ByteOrder.LITTLE_ENDIAN);
        switch (dtype) {
            case "F32" -> {
                float[] v = new float[(int) count];
                b.asFloatBuffer().get(v);
                return ArrayTensor.ofFloats(v, shape);
            }
            case "I32" -> {
                int[] v = new int[(int) count];
                b.asIntBuffer().get(v);
                return ArrayTensor.ofInts(v, shape);
            }
            default -> throw new IllegalArgumentException(source + ": golden tensor '" + name + "' has dtype " + dtype + ", expected F32 or I32");
        }
    }
}
