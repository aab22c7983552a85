package dev.mawm.models.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {
    @TempDir
    Path dir;

    @Test
    void roundTripKeepsValuesOrderAndMetadata() {
        Map<String, FloatTensor> t = new LinkedHashMap<>();
        t.put("b.weight", new FloatTensor(new long[] {2, 3}, new float[] {1, -2, 3.5f, Float.MIN_VALUE, -0f, 1e30f}));
        t.put("a.bias", new FloatTensor(new long[] {3}, new float[] {0.1f, 0.2f, 0.3f}));
        t.put("scalar", FloatTensor.scalar(7f));
        t.put("empty", FloatTensor.zeros(0, 4));
        Path f = dir.resolve("w.safetensors");
        Safetensors.write(f, t, Map.of("family", "mlp"));
        Safetensors.Contents c = Safetensors.readContents(f);
        assertEquals(List.copyOf(t.keySet()), List.copyOf(c.tensors().keySet()));
        t.forEach((k, v) -> assertTrue(v.contentEquals(c.tensors().get(k)), k));
        assertEquals(Map.of("family", "mlp"), c.metadata());
    }

    @Test
    void writesTheStandardLayout() {
        Map<String, FloatTensor> t = new LinkedHashMap<>();
        t.put("x", new FloatTensor(new long[] {2}, new float[] {1.5f, -2f}));
        byte[] bytes = Safetensors.encode(t, Map.of("k", "v"));
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long n = buf.getLong();
        assertEquals(0, n % 8, "header padded to a multiple of 8");
        String header = new String(bytes, 8, (int) n, StandardCharsets.UTF_8).stripTrailing();
        assertEquals("{\"__metadata__\":{\"k\":\"v\"},\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", header);
        assertEquals(8 + n + 8, bytes.length);
        buf.position((int) (8 + n));
        assertEquals(1.5f, buf.getFloat());
        assertEquals(-2f, buf.getFloat());
    }

    @Test
    void readsAFileWrittenByHand() throws Exception {
        // Written byte by byte as Python's safetensors would: header, then two tensors' LE float32 data.
        String json = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[16,20]}}";
        byte[] header = json.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long n = header.length;
        for (int i = 0; i < 8; i++) {
            out.write((int) (n >>> (8 * i)) & 0xff);
        }
        out.write(header);
        // 1.0f = 0x3F800000, 2.0f = 0x40000000, -1.0f = 0xBF800000, 0.5f = 0x3F000000, 3.0f = 0x40400000
        int[] words = {0x3F800000, 0x40000000, 0xBF800000, 0x3F000000, 0x40400000};
        for (int w : words) {
            out.write(w & 0xff);
            out.write((w >>> 8) & 0xff);
            out.write((w >>> 16) & 0xff);
            out.write((w >>> 24) & 0xff);
        }
        Path f = dir.resolve("hand.safetensors");
        Files.write(f, out.toByteArray());
        Map<String, FloatTensor> t = Safetensors.read(f);
        assertArrayEquals(new long[] {2, 2}, t.get("w").shape());
        assertArrayEquals(new float[] {1f, 2f, -1f, 0.5f}, t.get("w").data());
        assertArrayEquals(new float[] {3f}, t.get("b").data());
        assertEquals(Map.of(), Safetensors.readContents(f).metadata());
    }

    @Test
    void refusesCorruptFilesNamingFileAndFault() {
        Map<String, FloatTensor> t = Map.of("x", new FloatTensor(new long[] {2}, new float[] {1, 2}));
        byte[] good = Safetensors.encode(t, Map.of());
        int n = (int) ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertFault(Arrays.copyOf(good, 5), "truncated");
        assertFault(Arrays.copyOf(good, 8 + n - 3), "truncated");
        assertFault(Arrays.copyOf(good, good.length - 4), "out of range");
        assertFault(withHeader("{\"x\": [1, 2"), "bad header");
        assertFault(withHeader("[1]"), "bad header");
        assertFault(withHeader("{\"x\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4), "dtype F16");
        assertFault(withHeader("{\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,40]}}", 8), "out of range");
        assertFault(withHeader("{\"x\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", 8), "needs 12 bytes");
        assertFault(withHeader("{\"x\":{\"dtype\":\"F32\",\"shape\":[1099511627776,1099511627776],\"data_offsets\":[0,8]}}", 8),
                "tensor 'x' has shape [1099511627776, 1099511627776]: its element count exceeds the limit of");
        assertFault(withHeader("{\"x\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8), "gap");
        assertFault(withHeader("{\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"y\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8), "overlaps");
        assertFault(withHeader("{\"x\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 8), "trailing data");
        assertFault(withHeader("{\"__metadata__\":{\"a\":1}}", 0), "must be a string");
    }

    private void assertFault(byte[] bytes, String fault) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Safetensors.decode(bytes, "model.safetensors"));
        assertTrue(e.getMessage().startsWith("model.safetensors: "), e.getMessage());
        assertTrue(e.getMessage().contains(fault), () -> "expected '" + fault + "' in: " + e.getMessage());
    }

    private static byte[] withHeader(String json) {
        return withHeader(json, 0);
    }

    private static byte[] withHeader(String json, int dataBytes) {
        byte[] h = json.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        return b.array();
    }
}
