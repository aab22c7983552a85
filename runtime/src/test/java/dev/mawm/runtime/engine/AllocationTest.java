package dev.mawm.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import dev.mawm.models.config.CemConfig;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.RandomInputs;
import dev.mawm.runtime.Shipped;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The planner adapter allocates no per-candidate memory: bytes allocated per {@code score} call (ONNX Runtime
 * Java's own bookkeeping only) stay small and do not grow with N. Counts bytes, not time. On the shipped
 * {@code models/bundles/cartpole-mlp}.
 */
class AllocationTest {
    /**
     * Bytes allocated per {@code score} call, averaged over {@code calls} after {@code warmUps}.
     *
     * @param b       the bundle
     * @param samples the candidate count N
     * @param warmUps calls before measuring: JIT, ONNX Runtime's first-run allocations
     * @param calls   calls measured
     * @return bytes per call
     */
    private static long bytesPerScore(Bundle b, int samples, int warmUps, int calls) {
        CemConfig cem = new CemConfig(EngineTest.H, samples, 4, 2, 0.7, 0.01, 0.9, 2, true, 0.0, 1L);
        SplittableRandom rng = new SplittableRandom(1);
        float[] start = RandomInputs.states(rng, EngineTest.S);
        int[] actions = RandomInputs.ints(rng, samples * EngineTest.H, EngineTest.A);
        float[] returns = new float[samples];
        float[] disagreement = new float[samples];
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (RolloutSequenceModel model = new RolloutSequenceModel(b, cem)) {
            for (int i = 0; i < warmUps; i++) {
                model.score(start, actions, samples, EngineTest.H, returns, disagreement);
            }
            long before = mx.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < calls; i++) {
                model.score(start, actions, samples, EngineTest.H, returns, disagreement);
            }
            return (mx.getCurrentThreadAllocatedBytes() - before) / calls;
        }
    }

    @Test
    void perCallAllocationIsSmallAndIndependentOfTheSampleCount() {
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled());
        try (Bundle b = Bundle.load(Shipped.cartPole())) {
            long small = bytesPerScore(b, 16, 200, 300);
            long large = bytesPerScore(b, 1024, 40, 100); // the JIT is warm by now; a call at N = 1024 costs ~50 ms
            // a returns array alone would be 4 KiB at N = 1024; starts and actions buffers 16 KiB and 48 KiB
            assertTrue(small < 2048, "bytes per score at N=16: " + small);
            assertTrue(large < small + 512, "bytes per score at N=1024: " + large + " vs " + small + " at N=16");
        }
    }
}
