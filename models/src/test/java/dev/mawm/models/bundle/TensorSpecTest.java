package dev.mawm.models.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TensorSpecTest {
    @Test
    void concreteShapeReplacesOnlyTheDynamicDimensions() {
        TensorSpec t = TensorSpec.f32("msg_other", TensorSpec.DYNAMIC, 5, 16);
        long[] shape = t.concreteShape(8);
        assertArrayEquals(new long[] {8, 5, 16}, shape);
        assertTrue(t.accepts(shape));
        shape[0] = 3;
        assertArrayEquals(new long[] {TensorSpec.DYNAMIC, 5, 16}, t.shapeArray(), "a fresh array");
    }
}
