package dev.mawm.models.nn.iris;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class IrisConfigTest {

    private static String refusal(int embed, int heads, int layers, int seqLen, int memory, int maxSteps, double dropout) {
        return assertThrows(IllegalArgumentException.class,
                () -> new IrisConfig(embed, heads, layers, 64, seqLen, memory, maxSteps, 8, 10, 1, 1, 1, dropout)).getMessage();
    }

    @Test
    void validatesEveryFieldNamingIt() {
        assertTrue(refusal(30, 4, 1, 3, 1, 8, 0).contains("iris.embed (30) must be divisible by iris.heads (4)"));
        assertTrue(refusal(32, 4, 1, 9, 1, 8, 0).contains("iris.seqLen (9) must be at most iris.maxSteps (8)"));
        assertTrue(refusal(32, 4, 2, 3, 2, 8, 0).contains("iris.layers × iris.memory (2 × 2) must be at most iris.seqLen − 1 (2)"));
        assertTrue(refusal(32, 4, 1, 3, 1, 8, 1.5).contains("iris.messageDropout must be in [0, 1], got 1.5"));
        assertTrue(refusal(2, 1, 1, 3, 1, 8, 0).contains("iris.embed must be in [4, 1024], got 2"));
    }

    @Test
    void defaultsAndQuickAreValidAndQuickIsSmaller() {
        IrisConfig d = IrisConfig.defaults();
        IrisConfig q = IrisConfig.quick();
        assertEquals(16, d.headWidth());
        assertTrue(q.embed() < d.embed() && q.steps() < d.steps() && q.layers() <= d.layers());
        List<String> o = IrisConfig.quickOverrides();
        assertEquals(13, o.size());
        assertTrue(o.contains("iris.embed=32"), o.toString());
        assertTrue(o.contains("iris.steps=150"), o.toString());
    }
}
