package dev.mawm.planner.team;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.models.config.CemConfig;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The start agent i gives the model (row 0 of the batch the stub last scored), per mode, against latents computed by
 * hand with the {@link LineTeamModel} maps: z = (x, seen, goal), h = (x/2, seen, goal/2), obsPred(h) = (2h₀, h₁, 2h₂).
 */
class AgentContextTest {
    private static final CemConfig CONFIG = CommunicationMattersTest.CONFIG;
    private static final int H = 8;
    private static final float[] ZERO3 = new float[3];

    private final LineTeamModel model = new LineTeamModel(H, 0.99);

    private AgentPlanner planner(CommMode mode) {
        return new AgentPlanner(CONFIG, model, mode);
    }

    /** Observes own position x (seeing nothing) and its own message, then plans alone. */
    private void tick(AgentPlanner p, int t, int x, int[] jMessage) {
        p.observe(t, new float[] {x, 0, 0}, new int[] {x, 0, 0});
        if (jMessage != null) {
            p.receiveMessage(t, jMessage);
        }
        p.act();
    }

    private float[] zSelf() {
        return Arrays.copyOf(model.lastBatch.zSelf(), 3);
    }

    private float[] hSelf() {
        return Arrays.copyOf(model.lastBatch.hSelf(), 3);
    }

    private float[] zOther() {
        return Arrays.copyOf(model.lastBatch.zOther(), 3);
    }

    private float[] message(int k) {
        return Arrays.copyOfRange(model.lastBatch.otherMessages(), k * 3, k * 3 + 3);
    }

    private float[] mask() {
        return Arrays.copyOf(model.lastBatch.otherMask(), H);
    }

    private int[] otherActions() {
        return Arrays.copyOf(model.lastBatch.otherActions(), H);
    }

    private static float[] realAtStepZero() {
        float[] m = new float[H];
        m[0] = 1f;
        return m;
    }

    private void assertNoRealMessage() {
        assertArrayEquals(new float[H], mask(), "imagined at every step");
        for (int k = 0; k < H; k++) {
            assertArrayEquals(ZERO3, message(k), "step " + k);
        }
    }

    @Test
    void firstModeImaginesJThroughItsBroadcastActionsAndNeverReusesTheOldMessage() {
        AgentPlanner p = planner(CommMode.first());
        tick(p, 0, 2, new int[] {10, 1, 15});
        assertArrayEquals(new float[] {2, 0, 0}, zSelf());
        assertArrayEquals(new float[] {1, 0, 0}, hSelf());
        assertArrayEquals(new float[] {10, 1, 15}, zOther(), "obsPred(msgEnc(m0))");
        assertArrayEquals(new float[] {5, 1, 7.5f}, message(0), "the real message latent at step 0");
        assertArrayEquals(realAtStepZero(), mask());
        for (int k = 1; k < H; k++) {
            assertArrayEquals(ZERO3, message(k));
        }
        assertArrayEquals(new int[H], otherActions(), "stay");
        assertEquals(0, p.lastMessageTick());
        int[] jActions = {2, 2, 1, 0, 1};
        float[][] expected = {{11, 1, 15}, {12, 1, 15}, {11, 1, 15}, {11, 1, 15}, {10, 1, 15}};
        for (int t = 1; t <= jActions.length; t++) {
            p.receiveAction(jActions[t - 1]);
            tick(p, t, 2 + t, null);
            assertArrayEquals(expected[t - 1], zOther(), "imagined zʲ at tick " + t);
            assertNoRealMessage();
            assertEquals(0, p.lastMessageTick());
        }
        assertThrows(IllegalArgumentException.class, () -> p.receiveMessage(0, new int[] {10, 1, 15}),
                "an old message is not delivered as current");
    }

    @Test
    void theImaginedJHearsIsOwnMessageOfEachPastTick() {
        AgentPlanner p = planner(CommMode.first());
        p.observe(0, new float[] {2, 0, 0}, new int[] {2, 0, 0});
        p.receiveMessage(0, new int[] {10, 0, 0}); // j sees no goal
        p.act();
        p.receiveAction(2);
        p.observe(1, new float[] {3, 1, 4}, new int[] {3, 1, 4}); // i sees the goal at 4 at tick 1
        p.act();
        assertArrayEquals(new float[] {11, 0, 0}, zOther(), "advanced with hⁱ_0, which had no goal");
        p.receiveAction(0);
        p.observe(2, new float[] {4, 0, 0}, new int[] {4, 0, 0});
        p.act();
        assertArrayEquals(new float[] {11, 1, 4}, zOther(), "advanced with hⁱ_1 = msgEnc(i's message of tick 1)");
    }

    @Test
    void everyKRestartsFromEachRealMessage() {
        AgentPlanner p = planner(CommMode.everyK(2));
        tick(p, 0, 2, new int[] {10, 1, 15});
        p.receiveAction(2);
        p.observe(1, new float[] {3, 0, 0}, new int[] {3, 0, 0});
        assertThrows(IllegalStateException.class, () -> p.receiveMessage(1, new int[] {11, 1, 15}), "no message at 1");
        p.act();
        assertArrayEquals(new float[] {11, 1, 15}, zOther());
        assertNoRealMessage();
        p.receiveAction(2);
        tick(p, 2, 4, new int[] {12, 1, 16});
        assertArrayEquals(new float[] {12, 1, 16}, zOther(), "restarted from the new message");
        assertArrayEquals(new float[] {6, 1, 8}, message(0));
        assertArrayEquals(realAtStepZero(), mask());
        assertEquals(2, p.lastMessageTick());
        p.receiveAction(1);
        tick(p, 3, 5, null);
        assertArrayEquals(new float[] {11, 1, 16}, zOther());
        assertNoRealMessage();
    }

    @Test
    void everyModeHasARealMessageEachTick() {
        AgentPlanner p = planner(CommMode.every());
        for (int t = 0; t < 4; t++) {
            tick(p, t, 2 + t, new int[] {10 + t, 1, 15});
            assertArrayEquals(new float[] {10 + t, 1, 15}, zOther());
            assertArrayEquals(new float[] {5 + 0.5f * t, 1, 7.5f}, message(0));
            assertArrayEquals(realAtStepZero(), mask());
            p.receiveAction(0);
        }
    }

    @Test
    void noneIsTheZeroMessageAtEveryStepAndAcceptsNothing() {
        AgentPlanner p = planner(CommMode.none());
        tick(p, 0, 2, null);
        assertArrayEquals(ZERO3, zOther());
        float[] ones = new float[H];
        Arrays.fill(ones, 1f);
        assertArrayEquals(ones, mask());
        for (int k = 0; k < H; k++) {
            assertArrayEquals(ZERO3, message(k));
        }
        assertThrows(IllegalStateException.class, () -> p.receiveMessage(0, new int[] {10, 1, 15}));
        assertThrows(IllegalStateException.class, () -> p.receiveAction(1));
        assertThrows(IllegalStateException.class, () -> p.receivePlan(new int[H]));
    }

    @Test
    void beforeAnyMessageTheStartIsThatOfNone() {
        AgentPlanner p = planner(CommMode.first());
        tick(p, 0, 2, null);
        p.receiveAction(2);
        tick(p, 1, 3, null);
        assertArrayEquals(ZERO3, zOther());
        float[] ones = new float[H];
        Arrays.fill(ones, 1f);
        assertArrayEquals(ones, mask());
    }

    @Test
    void planModeImaginesJWithItsBroadcastPlanShiftedToNow() {
        AgentPlanner p = planner(CommMode.plan());
        tick(p, 0, 2, new int[] {10, 1, 15});
        assertArrayEquals(new int[H], otherActions(), "no plan heard yet");
        p.receiveAction(2);
        p.receivePlan(new int[] {2, 2, 1, 0, 2, 2, 1, 1});
        tick(p, 1, 3, null);
        assertArrayEquals(new int[] {2, 1, 0, 2, 2, 1, 1, 0}, otherActions(), "plan of tick 0 from step 1, then stay");
        assertArrayEquals(new float[] {11, 1, 15}, zOther());
        p.receiveAction(2); // j sent no plan at tick 1 (e.g. it arrived): its tick-0 plan, two steps on
        tick(p, 2, 4, null);
        assertArrayEquals(new int[] {1, 0, 2, 2, 1, 1, 0, 0}, otherActions());
        assertThrows(IllegalStateException.class, () -> planner(CommMode.first()).receivePlan(new int[H]));
    }

    @Test
    void protocolOrderIsEnforced() {
        AgentPlanner p = planner(CommMode.first());
        assertThrows(IllegalStateException.class, p::act, "nothing observed");
        p.observe(0, new float[] {2, 0, 0}, new int[] {2, 0, 0});
        p.receiveAction(1);
        assertThrows(IllegalStateException.class, p::act, "j's action of this tick is not known while planning it");
        assertThrows(IllegalStateException.class, () -> p.receiveAction(1), "twice in a tick");
        assertThrows(IllegalStateException.class, () -> p.receiveMessage(0, new int[] {10, 1, 15}), "too late");

        AgentPlanner q = planner(CommMode.first());
        tick(q, 0, 2, new int[] {10, 1, 15});
        assertThrows(IllegalStateException.class, q::act, "planned twice");
        q.observe(1, new float[] {3, 0, 0}, new int[] {3, 0, 0}); // j's action of tick 0 never arrived
        IllegalStateException missing = assertThrows(IllegalStateException.class, q::act);
        assertTrue(missing.getMessage().contains("broadcast actions"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> q.observe(1, new float[3], new int[3]), "ticks increase");

        AgentPlanner r = planner(CommMode.first());
        CommunicationMattersTest.assertMessage("observation must have length 3",
                () -> r.observe(0, new float[2], new int[3]));
        CommunicationMattersTest.assertMessage("observation[1]",
                () -> r.observe(0, new float[] {0, Float.NaN, 0}, new int[3]));
        CommunicationMattersTest.assertMessage("ownMessage", () -> r.observe(0, new float[3], new int[4]));
        r.observe(0, new float[3], new int[3]);
        CommunicationMattersTest.assertMessage("message must have length", () -> r.receiveMessage(0, new int[2]));
        CommunicationMattersTest.assertMessage("action must be in [0, 3)", () -> r.receiveAction(3));
        CommunicationMattersTest.assertMessage("cem.horizon",
                () -> new AgentPlanner(CONFIG, new LineTeamModel(5, 0.99), CommMode.none()));
        AgentPlanner s = planner(CommMode.plan());
        s.observe(0, new float[3], new int[3]);
        CommunicationMattersTest.assertMessage("plan[3]", () -> s.receivePlan(new int[] {0, 1, 2, 3, 0, 0, 0, 0}));
        CommunicationMattersTest.assertMessage("plan must have length", () -> s.receivePlan(new int[3]));
    }
}
