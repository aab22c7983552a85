package dev.mawm.export.bundle;

import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.io.IntTensor;
import dev.mawm.models.io.Safetensors;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Golden files: safetensors with {@code F32} and {@code I32} tensors, one per graph input named
 * {@code in.<input>} and one per output named {@code out.<output>}
 * ({@link dev.mawm.models.bundle.GoldenSpec}), encoded with the shared codec
 * {@link Safetensors#encodeTyped} that the runtime reads back with {@link Safetensors#decodeTyped}.
 */
public final class GoldenFiles {
    private GoldenFiles() {
    }

    /**
     * @param tensors tensors by name
     * @param metadata string metadata (may be empty)
     * @return the file bytes (float tensors first, then int tensors, each in iteration order)
     */
    public static byte[] encode(Map<String, ArrayTensor> tensors, Map<String, String> metadata) {
        Map<String, FloatTensor> floats = new LinkedHashMap<>();
        Map<String, IntTensor> ints = new LinkedHashMap<>();
        tensors.forEach((name, t) -> {
            if (t.isInt()) {
                ints.put(name, new IntTensor(t.shape(), t.ints()));
            } else {
                floats.put(name, new FloatTensor(t.shape(), t.floats()));
            }
        });
        return Safetensors.encodeTyped(floats, ints, metadata);
    }

    /**
     * @param bytes a golden file
     * @param source its name for error messages
     * @return every tensor by name
     * @throws IllegalArgumentException naming {@code source} when the file is malformed
     */
    public static Map<String, ArrayTensor> decode(byte[] bytes, String source) {
        Safetensors.TypedContents c = Safetensors.decodeTyped(bytes, source);
        Map<String, ArrayTensor> out = new LinkedHashMap<>();
        c.floats().forEach((name, t) -> out.put(name, ArrayTensor.ofFloats(t.data(), t.shape())));
        c.ints().forEach((name, t) -> out.put(name, ArrayTensor.ofInts(t.data(), t.shape())));
        return out;
    }
}
