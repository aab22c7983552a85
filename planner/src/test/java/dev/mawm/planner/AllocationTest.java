package dev.mawm.planner;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.models.config.CemConfig;
import org.junit.jupiter.api.Test;

/**
 * Steady-state planning allocates nothing: bytes allocated by this thread, as counted by the JVM
 * ({@link ThreadAllocations}), over 1000 ticks with the default budget (4 × 256 × 12 candidate steps per tick) after
 * 1000 warm-up ticks.
 *
 * <p>Bound: under 1024 bytes for the whole 1000 ticks. The smallest Java object takes 16 bytes, so a single
 * allocation per tick would show as ≥ 16000 bytes and even one allocation every 16 ticks would exceed the bound;
 * the slack covers only the constant cost of the measurement itself (reading the counter), not anything per tick.
 */
class AllocationTest {
    private static final int TICKS = 1000;
    private static final long BOUND_BYTES = 1024;

    @Test
    void planningAllocatesNothingPerTickInSteadyState() {
        ThreadAllocations counter = ThreadAllocations.ofCurrentThread();

        CemConfig config = new CemConfig(12, 256, 32, 4, 0.7, 0.01, 0.99, 4, true, 0.5, 3); // defaults, with beta > 0
        MpcPlanner planner = new MpcPlanner(config, new LineModel(25f, config.discount()));
        float[] obs = new float[1];
        int checksum = run(planner, obs, TICKS); // warm-up: JIT compilation, class loading
        long before = counter.bytes();
        checksum += run(planner, obs, TICKS);
        long allocated = counter.bytes() - before;

        assertTrue(checksum > 0);
        assertTrue(allocated < BOUND_BYTES, "allocated " + allocated + " bytes in " + TICKS + " ticks");
    }

    /** Plays episodes on the line (goal 25, reset to 0 every 40 ticks) so observations keep changing. */
    private static int run(MpcPlanner planner, float[] obs, int ticks) {
        int sum = 0;
        float x = 0f;
        for (int t = 0; t < ticks; t++) {
            if (t % 40 == 0) {
                planner.reset();
                x = 0f;
            }
            obs[0] = x;
            int a = planner.act(obs);
            x = LineModel.step(x, a);
            sum += a;
        }
        return sum;
    }
}
