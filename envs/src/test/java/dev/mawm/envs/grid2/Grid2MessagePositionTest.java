package dev.mawm.envs.grid2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.models.config.Grid2Config;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Grid2MessagePositionTest {
    private static final Grid2Config WITH = Grid2Config.defaults();
    private static final Grid2Config BARE = new Grid2Config(11, 11, 0.15, 0, 40, 7, 4, 0.1, false);

    @Test
    void outgoingMessageIsTheWindowThenThePosition() {
        for (long s = 0; s < 30; s++) {
            Grid2Env env = Grid2Env.generate(WITH, s);
            Grid2Env bare = Grid2Env.generate(BARE, s);
            for (int a = 0; a < 2; a++) {
                int[] m = env.outgoingMessage(a);
                assertEquals(51, m.length);
                assertEquals(WITH.messageLength(), m.length);
                assertArrayEquals(env.message(a), Arrays.copyOf(m, 49));
                assertEquals(env.position(a), Grid2Message.position(m));
                assertArrayEquals(env.message(a), Grid2Message.window(m, 7));
                assertTrue(Grid2Message.hasPosition(m));
                Grid2Message.validate(m, WITH);

                int[] b = bare.outgoingMessage(a);
                assertEquals(49, b.length);
                assertArrayEquals(bare.message(a), b);
                assertFalse(Grid2Message.hasPosition(b));
                assertArrayEquals(b, Grid2Message.window(b, 7));
                Grid2Message.validate(b, BARE);
            }
        }
    }

    @Test
    void positionFollowsTheAgent() {
        Grid2Env env = new Grid2Env(Grid2World.fromAscii(
                "#######",
                "#A...G#",
                "#B....#",
                "#######"), WITH);
        env.step(Grid2Actions.RIGHT, Grid2Actions.STAY);
        assertEquals(new GridPos(2, 1), Grid2Message.position(env.outgoingMessage(0)));
        assertEquals(new GridPos(1, 2), Grid2Message.position(env.outgoingMessage(1)));
    }

    @Test
    void malformedMessagesAreNamed() {
        int[] ok = Grid2Env.generate(WITH, 1).outgoingMessage(0);
        String e = assertThrows(IllegalArgumentException.class, () -> Grid2Message.validate(Arrays.copyOf(ok, 49), WITH)).getMessage();
        assertTrue(e.contains("51 integers") && e.contains("got 49"), e);
        e = assertThrows(IllegalArgumentException.class, () -> Grid2Message.validate(ok, BARE)).getMessage();
        assertTrue(e.contains("49 integers") && e.contains("no position") && e.contains("got 51"), e);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Grid2Message.validate(null, WITH)).getMessage().contains("null"));

        int[] badType = ok.clone();
        badType[10] = 5;
        e = assertThrows(IllegalArgumentException.class, () -> Grid2Message.validate(badType, WITH)).getMessage();
        assertTrue(e.contains("cell 10") && e.contains("row 1, col 3") && e.contains("0..4") && e.contains("got 5"), e);

        int[] badX = ok.clone();
        badX[49] = 11;
        e = assertThrows(IllegalArgumentException.class, () -> Grid2Message.validate(badX, WITH)).getMessage();
        assertTrue(e.contains("sender x") && e.contains("[0, 11)") && e.contains("got 11"), e);
        int[] badY = ok.clone();
        badY[50] = -1;
        e = assertThrows(IllegalArgumentException.class, () -> Grid2Message.validate(badY, 7, 11, 11, true)).getMessage();
        assertTrue(e.contains("sender y") && e.contains("got -1"), e);
        // a larger grid accepts the position
        badX[49] = 11;
        Grid2Message.validate(badX, 7, 21, 21, true);
    }

    @Test
    void accessorsRefuseWhatTheyCannotRead() {
        int[] bare = new int[49];
        String e = assertThrows(IllegalArgumentException.class, () -> Grid2Message.position(bare)).getMessage();
        assertTrue(e.contains("no sender position") && e.contains("messagePosition was false"), e);
        assertThrows(IllegalArgumentException.class, () -> Grid2Message.position(new int[50]));
        assertThrows(IllegalArgumentException.class, () -> Grid2Message.position(null));
        e = assertThrows(IllegalArgumentException.class, () -> Grid2Message.window(new int[50], 7)).getMessage();
        assertTrue(e.contains("49 or 51"), e);
        int[] wrongType = new int[51];
        wrongType[3] = 9;
        assertThrows(IllegalArgumentException.class, () -> Grid2Message.window(wrongType, 7));
        // the two forms never share a length: odd squares are 1 mod 8, odd squares + 2 are 3 mod 8
        for (int v = 3; v <= 15; v += 2) {
            assertTrue(Grid2Message.hasPosition(new int[v * v + 2]));
            assertFalse(Grid2Message.hasPosition(new int[v * v]));
        }
        assertEquals(new GridPos(4, 7), Grid2Message.position(Grid2Message.withPosition(new int[9], new GridPos(4, 7))));
    }
}
