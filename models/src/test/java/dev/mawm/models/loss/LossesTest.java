package dev.mawm.models.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mawm.models.ops.RefOps;
import dev.mawm.models.ops.RefTensor;
import org.junit.jupiter.api.Test;

class LossesTest {
    private final RefOps ops = new RefOps();

    @Test
    void weightedBceOnLogitsMatchesTheDefinition() {
        // rows: (l=0, y=1), (l=2, y=0), (l=-3, y=1, masked out), (l=40, y=1); posWeight 2
        RefTensor logits = RefTensor.of(new float[] {0, 2, -3, 40}, 4);
        RefTensor labels = RefTensor.of(new float[] {1, 0, 1, 1}, 4);
        RefTensor mask = RefTensor.of(new float[] {1, 1, 0, 1}, 4);
        double r0 = -2 * Math.log(0.5);
        double r1 = -Math.log(1 - 1 / (1 + Math.exp(-2)));
        double r3 = 2 * Math.log1p(Math.exp(-40));
        assertEquals((r0 + r1 + r3) / 3, VicRegTest.scalar(Losses.bceWithLogits(ops, logits, labels, mask, 2f)), 1e-6);
        double r2 = -2 * Math.log(1 / (1 + Math.exp(3)));
        assertEquals((r0 + r1 + r2 + r3) / 4, VicRegTest.scalar(Losses.bceWithLogits(ops, logits, labels, null, 2f)), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> Losses.bceWithLogits(ops, logits, labels, null, 0f));
    }

    @Test
    void maskedMseAndInvariance() {
        RefTensor a = RefTensor.of(new float[] {1, 2, 3, 4, 5, 6}, 3, 2);
        RefTensor b = RefTensor.of(new float[] {1, 0, 3, 4, 0, 0}, 3, 2);
        // squared errors per row: (0 + 4)/2 = 2, 0, (25 + 36)/2 = 30.5
        assertEquals((2 + 0 + 30.5) / 3, VicRegTest.scalar(Losses.mse(ops, a, b, null)), 1e-6);
        RefTensor mask = RefTensor.of(new float[] {1, 1, 0}, 3);
        assertEquals(1.0, VicRegTest.scalar(Losses.mse(ops, a, b, mask)), 1e-6);
        // LeJEPA: mean over both views of (view - center)^2 with center (a+b)/2 = mse / 4
        assertEquals(0.25, VicRegTest.scalar(Losses.lejepaInvariance(ops, a, b, mask)), 1e-6);
        assertEquals(0.0, VicRegTest.scalar(Losses.mse(ops, a, b, RefTensor.of(new float[] {0, 0, 0}, 3))), 0.0);
    }
}
