package dev.mawm.envs.grid2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.models.config.Grid2Config;
import org.junit.jupiter.api.Test;

class Grid2MessageTest {
    @Test
    void windowToIntsToOneHotAndBack() {
        Grid2Config cfg = new Grid2Config(11, 11, 0.2, 4, 40, 7, 4, 0.1, true);
        for (long s = 0; s < 50; s++) {
            Grid2Env env = Grid2Env.generate(cfg, s);
            for (int a = 0; a < 2; a++) {
                int[] msg = env.message(a);
                assertEquals(49, msg.length);
                float[] oneHot = Grid2Message.oneHot(msg, 7);
                assertEquals(5 * 7 * 7, oneHot.length);
                for (int i = 0; i < 49; i++) {
                    float sum = 0;
                    for (int t = 0; t < 5; t++) {
                        sum += oneHot[t * 49 + i];
                    }
                    assertEquals(1f, sum);
                    assertEquals(1f, oneHot[msg[i] * 49 + i], "channel-major layout [type][row][col]");
                }
                assertArrayEquals(msg, Grid2Message.fromOneHot(oneHot, 7));
            }
        }
    }

    @Test
    void oneHotLayoutIsChannelMajor() {
        int[] msg = new int[49];
        msg[8] = ObjectTypes.GOAL; // row 1, col 1
        float[] oh = Grid2Message.oneHot(msg, 7);
        assertEquals(1f, oh[3 * 49 + 1 * 7 + 1]);
        assertEquals(0f, oh[0 * 49 + 8]);
        assertEquals(1f, oh[0 * 49 + 0]);
    }

    @Test
    void malformedMessagesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Grid2Message.oneHot(new int[48], 7));
        assertTrue(e.getMessage().contains("must have 49 object types"), e.getMessage());
        int[] bad = new int[49];
        bad[10] = 5;
        e = assertThrows(IllegalArgumentException.class, () -> Grid2Message.validate(bad, 7));
        assertTrue(e.getMessage().contains("cell 10 (row 1, col 3)") && e.getMessage().contains("0..4"), e.getMessage());
        bad[10] = -1;
        assertThrows(IllegalArgumentException.class, () -> Grid2Message.validate(bad, 7));
        assertThrows(IllegalArgumentException.class, () -> Grid2Message.validate(null, 7));
        float[] oh = Grid2Message.oneHot(new int[49], 7);
        oh[49 + 3] = 1f; // cell 3 now has two channels
        e = assertThrows(IllegalArgumentException.class, () -> Grid2Message.fromOneHot(oh, 7));
        assertTrue(e.getMessage().contains("more than one channel"), e.getMessage());
        float[] none = new float[245];
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Grid2Message.fromOneHot(none, 7))
                .getMessage().contains("no channel set"));
        float[] half = Grid2Message.oneHot(new int[49], 7);
        half[0] = 0.5f;
        assertThrows(IllegalArgumentException.class, () -> Grid2Message.fromOneHot(half, 7));
        assertThrows(IllegalArgumentException.class, () -> Grid2Message.fromOneHot(new float[244], 7));
    }

    @Test
    void imageIsTheWindowInThePalette() {
        Grid2Config cfg = Grid2Config.defaults();
        Grid2Env env = Grid2Env.generate(cfg, 9);
        for (int a = 0; a < 2; a++) {
            int[] msg = env.message(a);
            float[] img = env.image(a);
            assertEquals(3 * 28 * 28, img.length);
            for (int py = 0; py < 28; py++) {
                for (int px = 0; px < 28; px++) {
                    int type = msg[(py / 4) * 7 + px / 4];
                    for (int ch = 0; ch < 3; ch++) {
                        float v = img[ch * 784 + py * 28 + px];
                        assertEquals(Grid2Palette.channel(type, ch) / 255f, v, 0f);
                        assertTrue(v >= 0f && v <= 1f);
                    }
                }
            }
        }
        // the five palette colors are distinct
        java.util.Set<Integer> colors = new java.util.HashSet<>();
        for (int t = 0; t < 5; t++) {
            colors.add(Grid2Palette.rgb(t));
        }
        assertEquals(5, colors.size());
    }
}
