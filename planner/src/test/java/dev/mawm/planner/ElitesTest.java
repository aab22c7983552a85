package dev.mawm.planner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ElitesTest {
    private static final float NAN = Float.NaN;

    @Test
    void ordersByScoreThenIndexWithNanLast() {
        float[] s = {NAN, 1f, 3f, NAN, 3f, Float.NEGATIVE_INFINITY, 2f, -0f, 0f};
        int[] out = new int[9];
        assertEquals(7, Elites.selectTop(s, 9, 9, out));
        assertArrayEquals(new int[] {2, 4, 6, 1, 7, 8, 5, 0, 3}, out);
    }

    @Test
    void partialSelectionMatchesAFullSort() {
        SplitMix64 rng = new SplitMix64(9);
        int n = 300;
        float[] s = new float[n];
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble();
            s[i] = u < 0.1 ? NAN : (float) Math.floor(u * 20); // many ties and some NaN
        }
        Integer[] all = new Integer[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        Arrays.sort(all, (a, b) -> Elites.before(s[a], a, s[b], b) ? -1 : 1);
        for (int k : new int[] {1, 7, 32, 280, 300}) {
            int[] out = new int[k];
            int valid = Elites.selectTop(s, n, k, out);
            int nonNan = 0;
            for (int i = 0; i < k; i++) {
                assertEquals(all[i].intValue(), out[i], "k " + k + " rank " + i);
                nonNan += Float.isNaN(s[out[i]]) ? 0 : 1;
            }
            assertEquals(nonNan, valid);
        }
    }
}
