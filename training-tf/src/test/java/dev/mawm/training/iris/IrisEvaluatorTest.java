package dev.mawm.training.iris;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The open-loop report's subset of start rows. */
class IrisEvaluatorTest {

    @Test
    void fewRowsAreKeptAsTheyAre() {
        int[] rows = {3, 5, 9};
        assertSame(rows, IrisEvaluator.evenlySpaced(rows, 3));
        assertSame(rows, IrisEvaluator.evenlySpaced(rows, 10));
    }

    @Test
    void manyRowsKeepAnEvenlySpacedSubsetInOrder() {
        int[] rows = new int[10];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = 100 + 2 * i;
        }
        // indices floor(i * 10 / 4) = 0, 2, 5, 7
        assertArrayEquals(new int[] {100, 104, 110, 114}, IrisEvaluator.evenlySpaced(rows, 4));
        assertArrayEquals(new int[] {100}, IrisEvaluator.evenlySpaced(rows, 1));
    }
}
