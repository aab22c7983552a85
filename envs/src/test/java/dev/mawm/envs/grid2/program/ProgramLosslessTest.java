package dev.mawm.envs.grid2.program;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.envs.grid2.Grid2Env;
import dev.mawm.envs.grid2.GridPos;
import dev.mawm.envs.grid2.ObjectTypes;
import dev.mawm.models.config.Grid2Config;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The lossless {@code program} codec gives back exactly the raw message, on real episodes and synthetic windows. */
class ProgramLosslessTest {
    @Test
    void handMadeWindowListsEveryNonEmptyCellRowMajor() {
        int[] msg = Windows.message(Windows.window(
                ". . . . . . .",
                ". . . i . . .",
                ". . . # . . .",
                ". # . . # . .",
                ". . . . . . .",
                "# . . . . . A",
                ". . . G . . i"), 5, 5);
        ProgramCodec codec = ProgramCodec.lossless(Windows.SPACE);
        ProgramMessage m = codec.program(msg);
        assertEquals(new GridPos(5, 5), m.sender());
        assertEquals("CellItem(1, 3) | CellObstacle(2, 3) | CellObstacle(3, 1) | CellObstacle(3, 4) | CellObstacle(5, 0) | CellAgent(5, 6)"
                + " | CellGoal(6, 3) | CellItem(6, 6)", m.program().toString());
        BitMessage bits = codec.encode(msg);
        assertEquals(4 + 4 + 8 * 10 + 4, bits.bits());
        assertArrayEquals(msg, codec.decode(bits));
        assertEquals("program", codec.name());
    }

    @Test
    void cellsOffTheGridAreLeftOutWhenThePositionIsSent() {
        // sender at (1, 1) of an 11×11 map: window rows 0..1 and cols 0..1 lie off the grid; row 2 / col 2 are border walls
        int[] w = Windows.cornerWindow();
        w[4 * 7 + 5] = ObjectTypes.GOAL;
        int[] msg = Windows.message(w, 1, 1);
        ProgramCodec codec = ProgramCodec.lossless(Windows.SPACE);
        Program p = codec.program(msg).program();
        assertEquals("CellObstacle(2, 2) | CellObstacle(2, 3) | CellObstacle(2, 4) | CellObstacle(2, 5) | CellObstacle(2, 6)"
                + " | CellObstacle(3, 2) | CellObstacle(4, 2) | CellGoal(4, 5) | CellObstacle(5, 2) | CellObstacle(6, 2)", p.toString());
        assertArrayEquals(msg, codec.transmit(msg));
        // without a position nothing is implied: all 33 obstacles and the goal are listed
        ProgramCodec bare = ProgramCodec.lossless(new ProgramSpace(7, 11, 11, false));
        assertEquals(34, bare.program(w).program().size());
        assertArrayEquals(w, bare.transmit(w));
    }

    @Test
    void realEpisodesRoundTripExactly() {
        Grid2Config[] configs = {
            new Grid2Config(11, 11, 0.2, 4, 40, 7, 4, 0.1, true),
            new Grid2Config(21, 21, 0.15, 3, 30, 7, 4, 0.1, true),
            new Grid2Config(11, 11, 0.15, 2, 40, 7, 4, 0.1, false),
            new Grid2Config(11, 11, 0.3, 1, 20, 5, 4, 0.1, true),
            new Grid2Config(13, 9, 0.1, 6, 20, 9, 4, 0.1, true),
        };
        int messages = 0;
        for (Grid2Config cfg : configs) {
            ProgramSpace space = ProgramSpace.of(cfg);
            ProgramCodec codec = ProgramCodec.lossless(space);
            RawCodec raw = new RawCodec(space);
            for (long seed = 0; seed < 12; seed++) {
                Grid2Env env = Grid2Env.generate(cfg, seed);
                SplittableRandom rng = new SplittableRandom(seed);
                do {
                    for (int a = 0; a < 2; a++) {
                        int[] msg = env.outgoingMessage(a);
                        checkLossless(codec, raw, msg, cfg + " seed " + seed + " step " + env.steps() + " agent " + a);
                        messages++;
                    }
                    if (!env.done()) {
                        env.step(rng.nextInt(5), rng.nextInt(5));
                    }
                } while (!env.done());
            }
        }
        assertTrue(messages > 2000, "messages checked: " + messages);
    }

    @Test
    void syntheticWindowsRoundTripExactly() {
        ProgramSpace[] spaces = {Windows.SPACE, new ProgramSpace(7, 11, 11, false), new ProgramSpace(3, 5, 5, true),
            new ProgramSpace(15, 64, 64, true), new ProgramSpace(9, 4, 3, true)};
        SplittableRandom rng = new SplittableRandom(2024);
        for (ProgramSpace space : spaces) {
            ProgramCodec codec = ProgramCodec.lossless(space);
            RawCodec raw = new RawCodec(space);
            for (int n = 0; n < 400; n++) {
                checkLossless(codec, raw, Windows.random(space, rng), space + " #" + n);
            }
        }
    }

    private static void checkLossless(ProgramCodec codec, RawCodec raw, int[] msg, String where) {
        ProgramSpace space = codec.space();
        ProgramMessage m = codec.program(msg);
        int[] window = Arrays.copyOf(msg, space.cells());
        assertTrue(PrimitiveFacts.holds(m.program(), window, space), where);
        int listed = 0;
        for (int i = 0; i < space.cells(); i++) {
            listed += msg[i] != ObjectTypes.EMPTY && space.onGrid(m.sender(), i / space.viewSize(), i % space.viewSize()) ? 1 : 0;
        }
        assertEquals(listed, m.program().size(), where);
        BitMessage bits = codec.encode(msg);
        int cellBits = space.idBits() + 2 * space.bits(ParamKind.ROW);
        assertEquals(space.xBits() + space.yBits() + listed * cellBits + space.idBits(), bits.bits(), where);
        assertArrayEquals(msg, codec.decode(bits), where);
        BitMessage rawBits = raw.encode(msg);
        assertEquals(space.rawBits(), rawBits.bits(), where);
        assertArrayEquals(msg, raw.decode(rawBits), where);
    }
}
