package dev.mawm.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import dev.mawm.models.config.CemConfig;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.engine.RolloutSequenceModel;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planner adapter allocates no per-candidate memory: bytes allocated per {@code score} call (ONNX Runtime
 * Java's own bookkeeping only) stay small and do not grow with N. Counts bytes, not time.
 */
class AllocationTest {
    @TempDir
    Path dir;

    private static long bytesPerScore(Bundle b, int samples) {
        CemConfig cem = new CemConfig(TestBundles.H, samples, 4, 2, 0.7, 0.01, 0.9, 2, true, 0.0, 1L);
        SplittableRandom rng = new SplittableRandom(1);
        float[] start = EngineTest.randomStates(rng, 1);
        int[] actions = EngineTest.randomActions(rng, samples * TestBundles.H);
        float[] returns = new float[samples];
        float[] disagreement = new float[samples];
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (RolloutSequenceModel model = new RolloutSequenceModel(b, cem)) {
            for (int i = 0; i < 200; i++) { // warm up: JIT, ONNX Runtime's first-run allocations
                model.score(start, actions, samples, TestBundles.H, returns, disagreement);
            }
            int calls = 300;
            long before = mx.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < calls; i++) {
                model.score(start, actions, samples, TestBundles.H, returns, disagreement);
            }
            return (mx.getCurrentThreadAllocatedBytes() - before) / calls;
        }
    }

    @Test
    void perCallAllocationIsSmallAndIndependentOfTheSampleCount() {
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled());
        TestBundles.mlp(dir.resolve("mlp"), 2, 71);
        try (Bundle b = Bundle.load(dir.resolve("mlp"))) {
            long small = bytesPerScore(b, 16);
            long large = bytesPerScore(b, 1024);
            // a returns array alone would be 4 KiB at N = 1024; starts and actions buffers 16 KiB and 20 KiB
            assertTrue(small < 2048, "bytes per score at N=16: " + small);
            assertTrue(large < small + 512, "bytes per score at N=1024: " + large + " vs " + small + " at N=16");
        }
    }
}
