package dev.mawm.models.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTypedTest {

    @Test
    void roundTripsFloatAndIntTensors(@TempDir Path dir) {
        Path file = dir.resolve("golden.safetensors");
        FloatTensor state = new FloatTensor(new long[] {2, 3}, new float[] {1, -2, 3.5f, 0, 1e-7f, -0f});
        IntTensor actions = new IntTensor(new long[] {2, 2}, new int[] {0, 3, -1, Integer.MAX_VALUE});
        Safetensors.writeTyped(file, Map.of("in.state", state), Map.of("in.actions", actions), Map.of("k", "v"));
        Safetensors.TypedContents back = Safetensors.readTyped(file);
        assertTrue(back.floats().get("in.state").contentEquals(state));
        assertEquals(actions, back.ints().get("in.actions"));
        assertArrayEquals(new long[] {2, 2}, back.ints().get("in.actions").shape());
        assertEquals(Map.of("k", "v"), back.metadata());
    }

    @Test
    void floatOnlyReaderRejectsIntTensorsByName() {
        byte[] bytes = Safetensors.encodeTyped(Map.of(), Map.of("a", new IntTensor(new long[] {1}, new int[] {7})), Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Safetensors.decode(bytes, "f.st"));
        assertTrue(e.getMessage().startsWith("f.st: tensor 'a' has dtype I32"), e.getMessage());
    }

    @Test
    void rejectsDuplicateNamesAcrossTypes() {
        Map<String, FloatTensor> f = Map.of("x", FloatTensor.zeros(1));
        Map<String, IntTensor> i = Map.of("x", new IntTensor(new long[] {1}, new int[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Safetensors.encodeTyped(f, i, Map.of()));
    }
}
