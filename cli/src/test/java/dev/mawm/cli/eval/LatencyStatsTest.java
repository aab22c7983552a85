package dev.mawm.cli.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatencyStatsTest {
    private static final long MS = 1_000_000L;

    @Test
    void nearestRankMedianAndP99() {
        long[] nanos = {5 * MS, 1 * MS, 3 * MS, 2 * MS, 4 * MS, 99 * MS};
        LatencyStats s = LatencyStats.of(nanos, 5); // the trailing 99 ms is not counted
        assertEquals(5, s.count());
        assertEquals(3.0, s.medianMs());
        assertEquals(5.0, s.p99Ms());
        assertEquals(3.0, s.meanMs(), 1e-12);
        assertEquals(5.0, s.maxMs());
        assertEquals(5 * MS, nanos[0], "input not modified");

        long[] hundred = new long[100];
        for (int i = 0; i < 100; i++) {
            hundred[i] = (i + 1) * MS;
        }
        LatencyStats h = LatencyStats.of(hundred, 100);
        assertEquals(50.0, h.medianMs(), "rank ceil(0.5 * 100) = 50");
        assertEquals(99.0, h.p99Ms(), "rank ceil(0.99 * 100) = 99");
    }

    @Test
    void emptyIsNanAndBadCountsAreNamed() {
        LatencyStats s = LatencyStats.of(new long[3], 0);
        assertEquals(0, s.count());
        assertTrue(Double.isNaN(s.medianMs()) && Double.isNaN(s.p99Ms()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LatencyStats.of(new long[3], 4));
        assertTrue(e.getMessage().contains("count must be in [0, 3]"), e.getMessage());
    }
}
