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
    void namesAndPeriodsAreValidated() {
        assertEquals("every-4", CommSchedule.everyK(4).name());
        assertThrows(IllegalArgumentException.class, () -> CommSchedule.everyK(0));
        assertThrows(IllegalArgumentException.class, () -> new CommSchedule(" ", 0));
        assertThrows(IllegalArgumentException.class, () -> new CommSchedule("x", -2));
    }
}
