package dev.mawm.envs.data;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Constants and header (de)serialization of the dataset file format, version 1:
 * <pre>
 * offset 0   8 bytes  magic "MAWMDSET"
 * offset 8   u32 LE   format version (1)
 * offset 12  u32 LE   header length H in bytes (padded with spaces so that 16 + H is a multiple of 8)
 * offset 16  H bytes  UTF-8 JSON header
 * offset 16+H         data: each field's rows, little-endian, at the header's "offset" (relative
 *                     to the data start, 8-byte aligned, zero padding between fields)
 * </pre>
 * The file ends exactly after the last field's padding. See {@code docs/dataset-format.md}.
 */
public final class DatasetFormat {
    /** The 8 magic bytes. */
    public static final byte[] MAGIC = "MAWMDSET".getBytes(StandardCharsets.US_ASCII);
    /** The format version this code writes and reads. */
    public static final int VERSION = 1;
    /** Bytes before the JSON header. */
    public static final int PREAMBLE = 16;
    /** The largest header accepted (16 MiB). */
    public static final int MAX_HEADER = 1 << 24;

    static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private DatasetFormat() {
    }

    /** Where one field lies in the data section. */
    record Layout(FieldSpec spec, long offset, long bytes, long crc32) {
    }

    /** A parsed header plus field layout. */
    record Parsed(DatasetHeader header, List<Layout> layouts, long dataBytes) {
    }

    static long align8(long n) {
        return (n + 7) & ~7L;
    }

    static byte[] headerBytes(DatasetHeader h, List<Layout> layouts) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "mawm-dataset");
        root.put("version", h.version());
        root.put("env", h.env());
        root.set("envConfig", h.envConfig());
        root.put("seed", h.seed());
        root.put("policy", h.policy());
        root.put("scenario", h.scenario());
        root.put("episodes", h.episodes());
        root.put("rows", h.rows());
        root.put("transitions", h.transitions());
        root.put("byteOrder", "little-endian");
        ArrayNode fields = root.putArray("fields");
        for (Layout l : layouts) {
            ObjectNode f = fields.addObject();
            f.put("name", l.spec().name());
            f.put("dtype", l.spec().dtype().code());
            ArrayNode shape = f.putArray("shape");
            l.spec().shape().forEach(shape::add);
            f.put("offset", l.offset());
            f.put("bytes", l.bytes());
            f.put("crc32", l.crc32());
        }
        byte[] json = root.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (int) (align8(PREAMBLE + json.length) - PREAMBLE);
        byte[] out = new byte[padded];
        System.arraycopy(json, 0, out, 0, json.length);
        for (int i = json.length; i < padded; i++) {
            out[i] = ' ';
        }
        return out;
    }

    /**
     * Parses and checks a header against itself (field sizes, offsets, counts).
     *
     * @param what the file, for messages
     * @param json the header bytes
     * @return the header and layout
     */
    static Parsed parseHeader(String what, byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("dataset " + what + ": header is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("dataset " + what + ": header must be a JSON object");
        }
        requireKeys(what, "header", root, HEADER_KEYS, LEGACY_OPTIONAL_KEYS);
        if (!"mawm-dataset".equals(requireText(what, root, "format"))) {
            throw new IllegalArgumentException("dataset " + what + ": header key 'format' must be \"mawm-dataset\", got "
                    + root.get("format"));
        }
        long version = requireLong(what, root, "version");
        String env = requireText(what, root, "env");
        String policy = requireText(what, root, "policy");
        long seed = requireLong(what, root, "seed");
        if (!root.get("envConfig").isObject()) {
            throw new IllegalArgumentException("dataset " + what + ": header key 'envConfig' must be a JSON object, got "
                    + root.get("envConfig").getNodeType());
        }
        long rows = requireLong(what, root, "rows");
        long episodes = requireLong(what, root, "episodes");
        if (rows < 0 || episodes < 0 || episodes > rows || rows > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("dataset " + what + ": header counts are inconsistent (rows " + rows + ", episodes " + episodes + ")");
        }
        long transitions = requireLong(what, root, "transitions");
        if (transitions != rows - episodes) {
            throw new IllegalArgumentException("dataset " + what + ": header transitions " + transitions + " must be rows - episodes = "
                    + (rows - episodes));
        }
        if (!"little-endian".equals(root.path("byteOrder").asText())) {
            throw new IllegalArgumentException("dataset " + what + ": byteOrder must be little-endian, got " + root.path("byteOrder"));
        }
        JsonNode fieldsNode = root.path("fields");
        if (!fieldsNode.isArray() || fieldsNode.isEmpty()) {
            throw new IllegalArgumentException("dataset " + what + ": header needs a non-empty 'fields' array");
        }
        List<FieldSpec> specs = new ArrayList<>();
        List<Layout> layouts = new ArrayList<>();
        Set<String> names = new HashSet<>();
        long expectedOffset = 0;
        for (JsonNode f : fieldsNode) {
            if (!f.isObject()) {
                throw new IllegalArgumentException("dataset " + what + ": every entry of 'fields' must be a JSON object, got " + f);
            }
            requireKeys(what, "field " + f.path("name"), f, FIELD_KEYS, List.of());
            String name = requireText(what, f, "name");
            List<Integer> shape = new ArrayList<>();
            if (!f.get("shape").isArray()) {
                throw new IllegalArgumentException("dataset " + what + ": field '" + name + "' shape must be an array, got " + f.get("shape"));
            }
            for (JsonNode d : f.get("shape")) {
                if (!d.isIntegralNumber() || !d.canConvertToInt()) {
                    throw new IllegalArgumentException("dataset " + what + ": field '" + name + "' shape must hold integers, got "
                            + f.get("shape"));
                }
                shape.add(d.asInt());
            }
            String dtype = requireText(what, f, "dtype");
            FieldSpec spec;
            try {
                spec = new FieldSpec(name, DType.fromCode(dtype), shape);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("dataset " + what + ": bad field in header: " + e.getMessage(), e);
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException("dataset " + what + ": field '" + name + "' appears twice in the header");
            }
            long bytes = requireLong(what, f, "bytes");
            long offset = requireLong(what, f, "offset");
            long want = rows * spec.bytesPerStep();
            if (bytes != want) {
                throw new IllegalArgumentException("dataset " + what + ": field '" + name + "' has " + bytes + " bytes, expected "
                        + want + " (" + rows + " rows × " + spec.bytesPerStep() + ")");
            }
            if (offset != expectedOffset) {
                throw new IllegalArgumentException("dataset " + what + ": field '" + name + "' offset " + offset + ", expected " + expectedOffset);
            }
            specs.add(spec);
            layouts.add(new Layout(spec, offset, bytes, requireLong(what, f, "crc32")));
            expectedOffset = align8(offset + bytes);
        }
        if (version != (int) version) {
            throw new IllegalArgumentException("dataset " + what + ": header version " + version + " is out of range");
        }
        // scenario: written since collect --scenario; headers written before read as random maps
        String scenario = root.has("scenario") ? requireText(what, root, "scenario") : "random";
        DatasetHeader header = new DatasetHeader((int) version, env, root.get("envConfig"), seed, policy, scenario, episodes, rows, specs);
        return new Parsed(header, layouts, expectedOffset);
    }

    /** Every key of the header, in the order the writer puts them; none may be missing or added. */
    static final List<String> HEADER_KEYS = List.of("format", "version", "env", "envConfig", "seed", "policy", "scenario", "episodes",
            "rows", "transitions", "byteOrder", "fields");
    /** Header keys that files written before they existed lack (read with their default). */
    static final List<String> LEGACY_OPTIONAL_KEYS = List.of("scenario");
    /** Every key of a field entry. */
    static final List<String> FIELD_KEYS = List.of("name", "dtype", "shape", "offset", "bytes", "crc32");

    private static void requireKeys(String what, String where, JsonNode node, List<String> keys, List<String> optional) {
        List<String> present = new ArrayList<>();
        node.fieldNames().forEachRemaining(present::add);
        for (String k : present) {
            if (!keys.contains(k)) {
                throw new IllegalArgumentException("dataset " + what + ": " + where + " has unknown key '" + k + "'; expected exactly "
                        + keys);
            }
        }
        for (String k : keys) {
            if (!present.contains(k) && !optional.contains(k)) {
                throw new IllegalArgumentException("dataset " + what + ": " + where + " lacks key '" + k + "'; expected exactly " + keys);
            }
        }
    }

    private static String requireText(String what, JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("dataset " + what + ": header key '" + key + "' must be a string, got " + v);
        }
        return v.asText();
    }

    private static long requireLong(String what, JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException("dataset " + what + ": header key '" + key + "' must be an integer, got " + v);
        }
        return v.asLong();
    }
}
