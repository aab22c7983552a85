package dev.mawm.models.io;

import static dev.mawm.models.io.SafetensorsHeader.bad;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the <a href="https://github.com/huggingface/safetensors">safetensors</a> format, float32
 * ({@code F32}; plus int32 {@code I32} through the {@code *Typed} methods, for golden files): an 8-byte little-endian header length {@code N}; {@code N} bytes of UTF-8 JSON
 * {@code {name: {"dtype": "F32", "shape": [...], "data_offsets": [begin, end]}, ..., "__metadata__": {str: str}}}
 * (padded with spaces to a multiple of 8); then the raw little-endian data, offsets relative to its start.
 * Files written here load with Python's {@code safetensors.numpy.load_file}: tensors are laid out
 * contiguously in the given order.
 *
 * <p>Reading validates everything and fails with an {@link IllegalArgumentException} whose message names
 * the file and the fault (truncated, bad header, unsupported dtype, offsets out of range, gaps or overlaps).
 */
public final class Safetensors {
    /** The header key holding the string metadata map. */
    public static final String METADATA_KEY = "__metadata__";
    private static final long MAX_HEADER = 100L << 20;
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    private Safetensors() {
    }

    /**
     * The content of a file.
     *
     * @param tensors tensors by name, in file data order
     * @param metadata the {@code __metadata__} map (empty when absent)
     */
    public record Contents(Map<String, FloatTensor> tensors, Map<String, String> metadata) {
        /** Wraps both maps unmodifiably. */
        public Contents {
            tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
            metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        }
    }

    /**
     * The content of a file with float32 and int32 tensors.
     *
     * @param floats {@code F32} tensors by name, in file data order
     * @param ints {@code I32} tensors by name, in file data order
     * @param metadata the {@code __metadata__} map (empty when absent)
     */
    public record TypedContents(Map<String, FloatTensor> floats, Map<String, IntTensor> ints, Map<String, String> metadata) {
        /** Wraps the maps unmodifiably. */
        public TypedContents {
            floats = Collections.unmodifiableMap(new LinkedHashMap<>(floats));
            ints = Collections.unmodifiableMap(new LinkedHashMap<>(ints));
            metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        }
    }

    /**
     * Writes a file with float32 and int32 tensors atomically (temp file + rename).
     *
     * @param file the target
     * @param floats float tensors by name
     * @param ints int tensors by name
     * @param metadata string metadata, may be empty
     */
    public static void writeTyped(Path file, Map<String, FloatTensor> floats, Map<String, IntTensor> ints, Map<String, String> metadata) {
        AtomicWrite.write(file, encodeTyped(floats, ints, metadata));
    }

    /**
     * @param file a safetensors file with {@code F32} and/or {@code I32} tensors
     * @return its tensors and metadata
     */
    public static TypedContents readTyped(Path file) {
        return decodeTyped(readBytes(file), file.toString());
    }

    /**
     * Writes a file atomically (temp file + rename).
     *
     * @param file the target
     * @param tensors tensors by name; written in iteration order
     * @param metadata string metadata, may be empty
     */
    public static void write(Path file, Map<String, FloatTensor> tensors, Map<String, String> metadata) {
        AtomicWrite.write(file, encode(tensors, metadata));
    }

    /**
     * @param file a safetensors file
     * @return its tensors by name, in data order
     */
    public static Map<String, FloatTensor> read(Path file) {
        return readContents(file).tensors();
    }

    /**
     * @param file a safetensors file
     * @return its tensors and metadata
     */
    public static Contents readContents(Path file) {
        return decode(readBytes(file), file.toString());
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read safetensors file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Serializes tensors.
     *
     * @param tensors tensors by name (names non-empty, not {@code __metadata__})
     * @param metadata string metadata
     * @return the file bytes
     */
    public static byte[] encode(Map<String, FloatTensor> tensors, Map<String, String> metadata) {
        return encodeTyped(tensors, Map.of(), metadata);
    }

    /**
     * Serializes float32 ({@code F32}) and int32 ({@code I32}) tensors: floats first, then ints, each in
     * iteration order.
     *
     * @param tensors float tensors by name
     * @param ints int tensors by name (names distinct from {@code tensors})
     * @param metadata string metadata
     * @return the file bytes
     */
    public static byte[] encodeTyped(Map<String, FloatTensor> tensors, Map<String, IntTensor> ints, Map<String, String> metadata) {
        ObjectNode header = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = header.putObject(METADATA_KEY);
            metadata.forEach((k, v) -> meta.put(k, v));
        }
        long offset = 0;
        for (Map.Entry<String, FloatTensor> e : tensors.entrySet()) {
            String name = e.getKey();
            if (name == null || name.isEmpty() || METADATA_KEY.equals(name)) {
                throw new IllegalArgumentException("invalid safetensors tensor name '" + name + "'");
            }
            offset = putEntry(header, name, "F32", e.getValue().shape(), e.getValue().size(), offset);
        }
        for (Map.Entry<String, IntTensor> e : ints.entrySet()) {
            String name = e.getKey();
            if (name == null || name.isEmpty() || METADATA_KEY.equals(name) || tensors.containsKey(name)) {
                throw new IllegalArgumentException("invalid or duplicate safetensors tensor name '" + name + "'");
            }
            offset = putEntry(header, name, "I32", e.getValue().shape(), e.getValue().size(), offset);
        }
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(header);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write safetensors header: " + e.getOriginalMessage(), e);
        }
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(8 + padded + offset)).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(padded);
        buf.put(json);
        for (int i = json.length; i < padded; i++) {
            buf.put((byte) ' ');
        }
        for (FloatTensor t : tensors.values()) {
            for (float v : t.data()) {
                buf.putFloat(v);
            }
        }
        for (IntTensor t : ints.values()) {
            for (int v : t.data()) {
                buf.putInt(v);
            }
        }
        return buf.array();
    }

    /** Adds one tensor's header entry of 4-byte elements starting at {@code offset}; returns its end offset. */
    private static long putEntry(ObjectNode header, String name, String dtype, long[] shape, int size, long offset) {
        ObjectNode info = header.putObject(name);
        info.put("dtype", dtype);
        ArrayNode dims = info.putArray("shape");
        for (long d : shape) {
            dims.add(d);
        }
        long end = offset + 4L * size;
        info.putArray("data_offsets").add(offset).add(end);
        return end;
    }

    /**
     * Parses and validates file bytes.
     *
     * @param bytes the whole file
     * @param source the file's name, for error messages
     * @return tensors and metadata
     * @throws IllegalArgumentException naming {@code source} and the fault
     */
    public static Contents decode(byte[] bytes, String source) {
        TypedContents typed = decodeTyped(bytes, source);
        if (!typed.ints().isEmpty()) {
            throw bad(source, "tensor '" + typed.ints().keySet().iterator().next()
                    + "' has dtype I32; only F32 is supported here (use decodeTyped)");
        }
        return new Contents(typed.floats(), typed.metadata());
    }

    /**
     * Parses and validates file bytes holding {@code F32} and {@code I32} tensors (golden files: int32 actions).
     *
     * @param bytes the whole file
     * @param source the file's name, for error messages
     * @return float and int tensors and metadata
     * @throws IllegalArgumentException naming {@code source} and the fault
     */
    public static TypedContents decodeTyped(byte[] bytes, String source) {
        if (bytes.length < 8) {
            throw bad(source, "truncated: " + bytes.length + " bytes, shorter than the 8-byte header length");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long n = buf.getLong();
        if (n < 2 || n > MAX_HEADER) {
            throw bad(source, "bad header: header length " + n + " is not in [2, " + MAX_HEADER + "]");
        }
        if (8 + n > bytes.length) {
            throw bad(source, "truncated: header length is " + n + " bytes but only " + (bytes.length - 8) + " follow");
        }
        JsonNode header;
        try {
            header = JSON.readTree(new String(bytes, 8, (int) n, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": bad header: not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (header == null || !header.isObject()) {
            throw bad(source, "bad header: expected a JSON object");
        }
        long dataLen = bytes.length - 8 - n;
        int dataStart = (int) (8 + n);
        Map<String, String> metadata = new LinkedHashMap<>();
        List<SafetensorsHeader.Entry> entries = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = header.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (METADATA_KEY.equals(e.getKey())) {
                SafetensorsHeader.readMetadata(source, e.getValue(), metadata);
            } else {
                entries.add(SafetensorsHeader.entry(source, e.getKey(), e.getValue(), dataLen));
            }
        }
        List<SafetensorsHeader.Entry> byOffset = SafetensorsHeader.byOffset(source, entries, dataLen);
        Map<String, FloatTensor> tensors = new LinkedHashMap<>();
        Map<String, IntTensor> ints = new LinkedHashMap<>();
        for (SafetensorsHeader.Entry e : byOffset) {
            ByteBuffer slice = ByteBuffer.wrap(bytes, dataStart + (int) e.begin(), (int) (e.end() - e.begin()))
                    .order(ByteOrder.LITTLE_ENDIAN);
            if ("I32".equals(e.dtype())) {
                int[] data = new int[Math.toIntExact((e.end() - e.begin()) / 4)];
                slice.asIntBuffer().get(data);
                ints.put(e.name(), new IntTensor(e.shape(), data));
            } else {
                float[] data = new float[Math.toIntExact((e.end() - e.begin()) / 4)];
                slice.asFloatBuffer().get(data);
                tensors.put(e.name(), new FloatTensor(e.shape(), data));
            }
        }
        return new TypedContents(tensors, ints, metadata);
    }
}
