package dev.mawm.training.jepa2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Jepa2MetricsTest {

    @Test
    void messageCeilingBringsTheRevealedStartsDownToTheRest() {
        // 10 starts of mean error 0.1 (total 1.0), 2 of them revealed at 0.3: the other 8 are at (1.0 − 0.6) / 8 = 0.05;
        // the revealed ones brought to 0.05 remove 2 × 0.25 = 0.5 of the 1.0
        assertEquals(0.5, Jepa2Metrics.messageCeiling(10, 0.1, 2, 0.3), 1e-12);
    }

    @Test
    void messageCeilingOfTheShippedVersion4AtK4() {
        // heldOut.prediction of grid2-jepa2 version 4's training run, k = 4: 5 662 starts at 0.07482, 992 revealed at
        // 0.14268 → rest (423.64 − 141.54) / 4 670 = 0.06041, ceiling 992 × 0.08227 / 423.64 = 0.1926
        double c = Jepa2Metrics.messageCeiling(5662, 0.07482239810431657, 992, 0.14267963385796917);
        assertEquals(0.1926, c, 5e-4);
    }

    @Test
    void messageCeilingIsNegativeWhenTheRevealedStartsAreAlreadyBelowTheRest() {
        // 4 starts at 0.2 (total 0.8), 1 revealed at 0.05: rest 0.25, ceiling 1 × (0.05 − 0.25) / 0.8 = −0.25
        assertEquals(-0.25, Jepa2Metrics.messageCeiling(4, 0.2, 1, 0.05), 1e-12);
    }

    @Test
    void messageCeilingIsUndefinedWithoutBothKindsOfStarts() {
        assertTrue(Double.isNaN(Jepa2Metrics.messageCeiling(10, 0.1, 0, 0.0)));
        assertTrue(Double.isNaN(Jepa2Metrics.messageCeiling(10, 0.1, 10, 0.1)));
    }
}
