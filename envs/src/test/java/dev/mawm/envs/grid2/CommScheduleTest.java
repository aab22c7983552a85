package dev.mawm.envs.grid2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CommScheduleTest {
    @Test
    void modesSendAtTheirTicks() {
        for (int t = 0; t < 20; t++) {
            assertFalse(CommSchedule.none().test(t));
            assertEquals(t == 0, CommSchedule.first().test(t));
            assertEquals(t == 0, CommSchedule.plan().test(t));
            assertTrue(CommSchedule.every().test(t));
            assertEquals(t % 3 == 0, CommSchedule.everyK(3).test(t));
        }
    }

    @Test
    void parsesTheModeNames() {
        for (String m : new String[] {"none", "first", "every", "plan", "every-4"}) {
            assertEquals(m, CommSchedule.parse(m).name());
        }
        assertEquals(CommSchedule.everyK(4), CommSchedule.parse("every-4"));
        for (String bad : new String[] {"all", "every-0", "every-", "every-x", ""}) {
            assertThrows(IllegalArgumentException.class, () -> CommSchedule.parse(bad), bad);
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CommSchedule.parse("sometimes")).getMessage()
                .contains("expected none, first, every-K"));
        assertThrows(IllegalArgumentException.class, () -> CommSchedule.parse(null));
        assertThrows(IllegalArgumentException.class, () -> CommSchedule.everyK(0));
    }
}
