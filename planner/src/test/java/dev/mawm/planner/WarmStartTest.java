package dev.mawm.planner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class WarmStartTest {

    @Test
    void shiftsRowsUpAndResetsTheLastRowToUniform() {
        double[] t = {0.5, 0.25, 0.25, 0.1, 0.8, 0.1, 0.0, 0.0, 1.0};
        WarmStart.shiftTable(t, 3, 3);
        assertArrayEquals(new double[] {0.1, 0.8, 0.1, 0.0, 0.0, 1.0, 1.0 / 3, 1.0 / 3, 1.0 / 3}, t);
    }

    @Test
    void shiftsEachSequenceAndHoldsItsLastAction() {
        int[] s = {1, 2, 3, 4, 9, 8, 7, 6, 5, 5, 5, 5};
        WarmStart.shiftSequences(s, 2, 4);
        assertArrayEquals(new int[] {2, 3, 4, 4, 8, 7, 6, 6, 5, 5, 5, 5}, s, "third sequence is beyond count");
    }
}
