package dev.mawm.planner.team;

import static dev.mawm.planner.team.CommunicationMattersTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CommModeTest {
    private static final double EPS = 1e-9;

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }

    @Test
    void parsesEveryFormAndPrintsItBack() {
        assertEquals(CommMode.none(), CommMode.parse("none"));
        assertEquals(CommMode.first(), CommMode.parse(" First "));
        assertEquals(CommMode.everyK(1), CommMode.parse("every"));
        assertEquals(CommMode.everyK(1), CommMode.parse("every-1"));
        assertEquals(new CommMode(CommMode.Kind.EVERY, 3), CommMode.parse("every-3"));
        assertEquals(CommMode.plan(), CommMode.parse("plan"));
        for (String form : new String[] {"none", "first", "every", "every-3", "plan"}) {
            assertEquals(form, CommMode.parse(form).toString());
        }
        for (String bad : new String[] {"", "all", "every-0", "every-", "every-x", "every--2", "every-99999999999"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CommMode.parse(bad), bad);
            assertTrue(e.getMessage().contains(CommMode.VALID_FORMS) && e.getMessage().contains("'" + bad + "'"),
                    e.getMessage());
        }
        assertMessage(CommMode.VALID_FORMS, () -> CommMode.parse(null));
        assertMessage("every-k needs k >= 1", () -> new CommMode(CommMode.Kind.EVERY, 0));
        assertMessage("takes no period", () -> new CommMode(CommMode.Kind.FIRST, 2));
        assertThrows(NullPointerException.class, () -> new CommMode(null, 0));
    }

    @Test
    void readsTheConfigPair() {
        assertEquals(CommMode.everyK(4), CommMode.fromConfig("every", 4));
        assertEquals(CommMode.everyK(4), CommMode.fromConfig("every-k", 4));
        assertEquals(CommMode.every(), CommMode.fromConfig("every", 1));
        assertEquals(CommMode.everyK(3), CommMode.fromConfig("every-3", 1));
        assertEquals(CommMode.everyK(3), CommMode.fromConfig("every-3", 3));
        assertEquals(CommMode.first(), CommMode.fromConfig("first", 5), "comm.every is ignored by first");
        assertEquals(CommMode.plan(), CommMode.fromConfig("plan", 1));
        assertMessage("comm.every must be >= 1", () -> CommMode.fromConfig("every", 0));
        assertMessage("conflicts", () -> CommMode.fromConfig("every-3", 2));
        assertMessage(CommMode.VALID_FORMS, () -> CommMode.fromConfig("sometimes", 1));
    }

    @Test
    void saysWhatIsSentWhen() {
        for (int t = 0; t < 12; t++) {
            assertFalse(CommMode.none().sendsMessageAt(t));
            assertEquals(t == 0, CommMode.first().sendsMessageAt(t));
            assertEquals(t == 0, CommMode.plan().sendsMessageAt(t));
            assertTrue(CommMode.every().sendsMessageAt(t));
            assertEquals(t % 3 == 0, CommMode.everyK(3).sendsMessageAt(t), "tick " + t);
        }
        assertMessage("tick", () -> CommMode.first().sendsMessageAt(-1));
        assertFalse(CommMode.none().broadcastsActions());
        for (CommMode m : new CommMode[] {CommMode.first(), CommMode.every(), CommMode.everyK(2), CommMode.plan()}) {
            assertTrue(m.broadcastsActions(), m.toString());
            assertEquals(m.kind() == CommMode.Kind.PLAN, m.broadcastsPlans(), m.toString());
        }
        assertFalse(CommMode.none().broadcastsPlans());
    }

    @Test
    void bitsAreHandComputed() {
        // grid2 on 21×21: a 51-int message (49 cells of 5 types, then x, y)
        assertEquals(49 * log2(5) + log2(21) + log2(21), CommMode.messageBits(49, 5, true, 21, 21), EPS);
        assertEquals(49 * log2(5), CommMode.messageBits(49, 5, false, 21, 21), EPS, "seed 003's bare window");
        assertEquals(49 * log2(5) + 2 * log2(11), CommMode.messageBits(49, 5, true, 11, 11), EPS);
        assertEquals(log2(5), CommMode.actionBits(5), EPS);
        assertEquals(12 * log2(5), CommMode.planBits(12, 5), EPS);
        assertEquals(0.0, CommMode.actionBits(1), 0.0);
        assertMessage("messageBits", () -> CommMode.messageBits(49, 0, true, 21, 21));
        assertMessage("actionCount", () -> CommMode.actionBits(0));
        assertMessage("horizon", () -> CommMode.planBits(0, 5));
    }

    @Test
    void statsSumTheBitsOfBothAgentsPerEpisode() {
        double msg = CommMode.messageBits(49, 5, true, 21, 21);
        double act = log2(5);
        double plan = 12 * log2(5);
        int ticks = 10;
        Object[][] cases = {
            {CommMode.none(), 0.0},
            {CommMode.first(), 2 * msg + 2 * ticks * act},
            {CommMode.every(), 2 * ticks * msg + 2 * ticks * act},
            {CommMode.everyK(3), 2 * 4 * msg + 2 * ticks * act}, // ticks 0, 3, 6, 9
            {CommMode.plan(), 2 * msg + 2 * ticks * (act + plan)},
        };
        for (Object[] c : cases) {
            CommStats stats = new CommStats((CommMode) c[0], msg, 5, 12);
            for (int t = 0; t < ticks; t++) {
                stats.recordTick(t, 2);
            }
            assertEquals((double) c[1], stats.totalBits(), 1e-9, c[0].toString());
            stats.reset();
            assertEquals(0.0, stats.totalBits(), 0.0);
        }
        CommStats s = new CommStats(CommMode.plan(), msg, 5, 12);
        s.recordMessage();
        s.recordAction();
        s.recordPlan();
        assertEquals(1, s.messages());
        assertEquals(msg + act + plan, s.totalBits(), EPS);
        assertMessage("bitsPerMessage", () -> new CommStats(CommMode.none(), Double.NaN, 5, 12));
        assertMessage("senders", () -> s.recordTick(0, -1));
        // a codec's messages: counted by recordTick, their real bits added one by one
        CommStats coded = new CommStats(CommMode.first(), 0.0, 5, 12);
        coded.recordTick(0, 2);
        coded.addMessageBits(63);
        coded.addMessageBits(34);
        assertEquals(2, coded.messages());
        assertEquals(97.0, coded.messageBits(), 0.0);
        assertEquals(97.0 + 2 * act, coded.totalBits(), EPS);
        coded.reset();
        assertEquals(0.0, coded.messageBits(), 0.0);
        assertMessage("message bits", () -> coded.addMessageBits(-1));
    }

    @Test
    void anEpisodeReportsWhatItSent() {
        double msg = CommMode.messageBits(49, 5, true, 21, 21);
        double act = log2(LineTeamModel.ACTIONS);
        LineEpisode first = new LineEpisode(CommunicationMattersTest.CONFIG, CommMode.first(), 1, 2);
        first.run(15, 3, 13, 20);
        assertEquals(2 * msg + 2 * 20 * act, first.stats.totalBits(), 1e-9);
        LineEpisode none = new LineEpisode(CommunicationMattersTest.CONFIG, CommMode.none(), 1, 2);
        none.run(15, 3, 13, 20);
        assertEquals(0.0, none.stats.totalBits(), 0.0);
    }
}
