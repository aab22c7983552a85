package dev.mawm.models.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Validation of the entries of a {@link Safetensors} header, for reading: every fault names the file and the tensor. */
final class SafetensorsHeader {
    private SafetensorsHeader() {
    }

    /**
     * One tensor's header entry.
     *
     * @param name the tensor name
     * @param dtype {@code F32} or {@code I32}
     * @param shape non-negative dimensions
     * @param begin first byte in the data section
     * @param end end byte in the data section ({@code end − begin = 4 × elements})
     */
    record Entry(String name, String dtype, long[] shape, long begin, long end) {
    }

    /** Validates one tensor's header entry against the data section's length {@code dataLen}. */
    static Entry entry(String source, String name, JsonNode info, long dataLen) {
        String what = "tensor '" + name + "'";
        if (!info.isObject()) {
            throw bad(source, "bad header: " + what + " must be an object with dtype, shape, data_offsets");
        }
        JsonNode dtype = info.get("dtype");
        if (dtype == null || !dtype.isTextual()) {
            throw bad(source, "bad header: " + what + " has no dtype");
        }
        if (!"F32".equals(dtype.asText()) && !"I32".equals(dtype.asText())) {
            throw bad(source, what + " has dtype " + dtype.asText() + "; only F32 (and I32 via decodeTyped) is supported");
        }
        JsonNode shapeNode = info.get("shape");
        if (shapeNode == null || !shapeNode.isArray()) {
            throw bad(source, "bad header: " + what + " has no shape array");
        }
        long[] shape = new long[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = shapeNode.get(i);
            if (!d.canConvertToLong() || !d.isIntegralNumber() || d.asLong() < 0) {
                throw bad(source, "bad header: " + what + " has an invalid shape " + shapeNode);
            }
            shape[i] = d.asLong();
        }
        JsonNode off = info.get("data_offsets");
        if (off == null || !off.isArray() || off.size() != 2 || !off.get(0).isIntegralNumber() || !off.get(1).isIntegralNumber()) {
            throw bad(source, "bad header: " + what + " needs data_offsets [begin, end]");
        }
        long begin = off.get(0).asLong();
        long end = off.get(1).asLong();
        if (begin < 0 || end < begin || end > dataLen) {
            throw bad(source, what + " has data_offsets [" + begin + ", " + end + "] out of range: the data section is "
                    + dataLen + " bytes");
        }
        long count = elementCount(source, what, shape);
        if (end - begin != 4 * count) {
            throw bad(source, what + " of shape " + Arrays.toString(shape) + " needs " + 4 * count + " bytes, data_offsets give "
                    + (end - begin));
        }
        return new Entry(name, dtype.asText(), shape, begin, end);
    }

    /** The most elements a tensor may have: its byte count (4 per value) must fit in a signed 64-bit integer. */
    static final long MAX_ELEMENTS = Long.MAX_VALUE / 4;

    /** The element count of a shape, refused (naming the tensor and the limit) when it exceeds {@link #MAX_ELEMENTS}. */
    private static long elementCount(String source, String what, long[] shape) {
        for (long d : shape) {
            if (d == 0) {
                return 0;
            }
        }
        long count = 1;
        for (long d : shape) {
            if (count > MAX_ELEMENTS / d) {
                throw bad(source, what + " has shape " + Arrays.toString(shape) + ": its element count exceeds the limit of "
                        + MAX_ELEMENTS + " (2^61) 4-byte values");
            }
            count *= d;
        }
        return count;
    }

    /**
     * @param source the file's name, for error messages
     * @param entries every tensor entry
     * @param dataLen the data section's length in bytes
     * @return the entries in data order, checked to tile the data section exactly (no gap, overlap or trailing data)
     */
    static List<Entry> byOffset(String source, List<Entry> entries, long dataLen) {
        List<Entry> byOffset = new ArrayList<>(entries);
        byOffset.sort((a, b) -> Long.compare(a.begin(), b.begin()));
        long expected = 0;
        for (Entry e : byOffset) {
            if (e.begin() != expected) {
                throw bad(source, "tensor '" + e.name() + "' starts at byte " + e.begin() + " of the data section, expected "
                        + expected + (e.begin() < expected ? " (overlaps the previous tensor)" : " (gap)"));
            }
            expected = e.end();
        }
        if (expected != dataLen) {
            throw bad(source, (expected < dataLen ? "trailing data: tensors cover " : "truncated: tensors need ") + expected
                    + " data bytes but the file has " + dataLen);
        }
        return byOffset;
    }

    /** Validates the {@code __metadata__} object (strings only) and copies it into {@code out}. */
    static void readMetadata(String source, JsonNode node, Map<String, String> out) {
        if (!node.isObject()) {
            throw bad(source, "bad header: " + Safetensors.METADATA_KEY + " must be an object of strings");
        }
        node.fields().forEachRemaining(m -> {
            if (!m.getValue().isTextual()) {
                throw bad(source, "bad header: " + Safetensors.METADATA_KEY + " value of '" + m.getKey() + "' must be a string");
            }
            out.put(m.getKey(), m.getValue().asText());
        });
    }

    /** @return the failure for a fault {@code msg} of the file {@code source} */
    static IllegalArgumentException bad(String source, String msg) {
        return new IllegalArgumentException(source + ": " + msg);
    }
}
