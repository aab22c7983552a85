package dev.mawm.envs.grid2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.envs.Seeds;
import dev.mawm.models.config.Grid2Config;
import org.junit.jupiter.api.Test;

class InformedOracleTest {
    private static final Grid2Config WITH = new Grid2Config(21, 21, 0.15, 3, 30, 7, 4, 0.1, true);
    private static final Grid2Config BARE = new Grid2Config(21, 21, 0.15, 3, 30, 7, 4, 0.1, false);

    /** A 17-wide corridor: A far west, B far east, the goal next to B. */
    private static Grid2World corridor() {
        return Grid2World.fromAscii(
                "###################",
                "#A..............BG#",
                "###################");
    }

    @Test
    void goalInViewIsWalkedToOnAShortestPath() {
        Grid2Env env = new Grid2Env(corridor(), WITH);
        InformedOracle b = InformedOracle.forEnv(env);
        b.observe(env.message(1), env.position(1));
        assertEquals(new GridPos(17, 1), b.belief().goal());
        assertEquals(Grid2Actions.RIGHT, b.act());
    }

    @Test
    void aPositionedMessagePlacesTheSendersWindow() {
        Grid2Env env = new Grid2Env(corridor(), WITH);
        InformedOracle a = InformedOracle.forEnv(env);
        a.observe(env.message(0), env.position(0));
        assertNull(a.belief().goal());
        assertEquals(Grid2Actions.RIGHT, a.act(), "the only frontier is east");
        assertTrue(a.receive(env.outgoingMessage(1)));
        assertEquals(new GridPos(17, 1), a.belief().goal());
        assertEquals(1, a.messagesReceived());
        assertEquals(1, a.messagesPlaced());
    }

    @Test
    void aDecodedProgramPlacesWhatItSaysAndNothingElse() {
        Grid2Env env = new Grid2Env(corridor(), WITH);
        InformedOracle a = InformedOracle.forEnv(env);
        a.observe(env.message(0), env.position(0));
        int known = a.belief().knownCells();
        int[] goalOnly = dev.mawm.envs.grid2.program.MessageCodecs.parse("program:1",
                dev.mawm.envs.grid2.program.ProgramSpace.of(WITH)).transmit(env.outgoingMessage(1));
        assertTrue(java.util.Arrays.stream(goalOnly).anyMatch(v -> v == BeliefMap.NOT_SAID));
        assertThrows(IllegalArgumentException.class, () -> a.receive(goalOnly), "receive() takes raw messages only");
        assertTrue(a.receiveDecoded(goalOnly));
        assertEquals(new GridPos(17, 1), a.belief().goal());
        assertEquals(known + 1, a.belief().knownCells(), "program:1 says the goal cell only");
        assertEquals(Grid2Actions.RIGHT, a.act());
    }

    @Test
    void aBareMessageIsPlacedOnlyWhenTheOffsetIsKnown() {
        Grid2Env far = new Grid2Env(corridor(), BARE);
        InformedOracle a = InformedOracle.forEnv(far);
        a.observe(far.message(0), far.position(0));
        assertFalse(a.receive(far.outgoingMessage(1)), "agents 15 cells apart: the offset is unknown");
        assertEquals(1, a.messagesReceived());
        assertEquals(0, a.messagesPlaced());
        assertNull(a.belief().goal());

        Grid2Env near = new Grid2Env(Grid2World.fromAscii(
                "###########",
                "#....A..B.#",
                "#.#.....#G#",
                "###########"), BARE);
        for (int receiver = 0; receiver < 2; receiver++) {
            InformedOracle o = InformedOracle.forEnv(near);
            o.observe(near.message(receiver), near.position(receiver));
            assertTrue(o.receive(near.outgoingMessage(1 - receiver)));
            assertEquals(new GridPos(9, 2), o.belief().goal());
            // the sender's window reaches 3 cells beyond it: agent 0 now knows x = 9 and the east border x = 10
            assertEquals(ObjectTypes.OBSTACLE, o.belief().type(10, 1));
        }
    }

    @Test
    void inferenceAlsoWorksFromTheSendersViewOfTheReceiver() {
        // e.g. B on the goal shows as the goal in A's window, while B's window still shows A as type 4
        Grid2Env env = new Grid2Env(Grid2World.fromAscii(
                "#########",
                "#A.B....#",
                "#......G#",
                "#########"), BARE);
        int[] bWindow = env.message(1);
        InformedOracle a = InformedOracle.forEnv(env);
        int[] aWindow = env.message(0).clone();
        aWindow[3 * 7 + 5] = ObjectTypes.EMPTY; // pretend A did not see B: only B's window reveals the offset
        a.observe(aWindow, env.position(0));
        assertFalse(a.belief().known(6, 1), "A's own window reaches x = 4");
        assertTrue(a.receive(bWindow));
        assertEquals(ObjectTypes.EMPTY, a.belief().type(6, 1), "B's window, placed at (3, 1), reaches x = 6");
        assertFalse(a.belief().known(7, 1));
    }

    @Test
    void beliefsAreNeverWrong() {
        // every known cell matches the map (the other agent is recorded as the floor under it)
        for (Grid2Config cfg : new Grid2Config[] {WITH, BARE}) {
            for (long s = 0; s < 40; s++) {
                Grid2Env env = Grid2Env.generate(cfg, Seeds.mix(11, s));
                InformedOracle[] o = {InformedOracle.forEnv(env), InformedOracle.forEnv(env)};
                while (!env.done()) {
                    for (int a = 0; a < 2; a++) {
                        o[a].observe(env.message(a), env.position(a));
                    }
                    o[0].receive(env.outgoingMessage(1));
                    o[1].receive(env.outgoingMessage(0));
                    for (int a = 0; a < 2; a++) {
                        BeliefMap b = o[a].belief();
                        for (int y = 0; y < b.height(); y++) {
                            for (int x = 0; x < b.width(); x++) {
                                int t = b.type(x, y);
                                int truth = env.world().typeAt(x, y);
                                assertTrue(t == BeliefMap.UNKNOWN || t == truth || (t == ObjectTypes.EMPTY && truth == ObjectTypes.ITEM),
                                        "seed " + s + " agent " + a + " cell (" + x + ", " + y + "): believed " + t + ", is " + truth);
                            }
                        }
                    }
                    env.step(o[0].act(), o[1].act());
                }
            }
        }
    }

    @Test
    void misuseFailsClearly() {
        Grid2Env env = new Grid2Env(corridor(), WITH);
        InformedOracle a = InformedOracle.forEnv(env);
        assertThrows(IllegalStateException.class, () -> a.receive(env.outgoingMessage(1)));
        assertThrows(IllegalStateException.class, a::act);
        a.observe(env.message(0), env.position(0));
        assertThrows(IllegalArgumentException.class, () -> a.receive(env.message(1)), "a bare window where 51 integers are expected");
        int[] outside = env.outgoingMessage(1);
        outside[50] = 3; // y = 3 on a 3-high grid
        assertTrue(assertThrows(IllegalArgumentException.class, () -> a.receive(outside)).getMessage().contains("sender y"));
    }
}
