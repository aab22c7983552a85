package dev.mawm.envs.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RingBufferCallerRngTest {

    private static RingBuffer buffer(long seed) {
        RingBuffer b = new RingBuffer(50, List.of(FieldSpec.of("x", DType.I32)), seed);
        for (int i = 0; i < 50; i++) {
            b.add(i / 7, (Object) new int[] {i});
        }
        return b;
    }

    @Test
    void batchesDependOnlyOnTheCallersGenerator() {
        RingBuffer a = buffer(1);
        RingBuffer b = buffer(2);
        b.sample(3, 4); // advances b's own generator only
        SequenceBatch x = a.sample(8, 4, new SplittableRandom(9));
        SequenceBatch y = b.sample(8, 4, new SplittableRandom(9));
        assertArrayEquals(x.ints("x"), y.ints("x"));
        assertArrayEquals(x.mask(), y.mask());
        // the buffer's own stream is untouched by caller-driven sampling
        assertArrayEquals(buffer(1).sample(5, 3).ints("x"), a.sample(5, 3).ints("x"));
        for (int w = 0; w < 8; w++) {
            assertEquals(x.episodeId(w), x.ints("x")[w * 4] / 7, "windows stay inside one episode");
        }
    }
}
