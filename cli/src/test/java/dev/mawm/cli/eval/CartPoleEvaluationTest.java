package dev.mawm.cli.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.envs.Seeds;
import dev.mawm.envs.cartpole.CartPoleController;
import dev.mawm.models.config.CartPoleConfig;
import dev.mawm.models.progress.ProgressListener;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CartPoleEvaluationTest {
    private static final CartPoleConfig ENV = CartPoleConfig.defaults();

    /** The hand-written controller balances every episode to the step limit: one latency per decision. */
    @Test
    void controllerRunsEveryEpisodeToTheLimit() {
        CartPolePolicy controller = new CartPolePolicy() {
            @Override
            public String name() {
                return "controller";
            }

            @Override
            public void reset(long seed) {
            }

            @Override
            public int act(float[] observation) {
                return CartPoleController.action(observation);
            }
        };
        PolicyResult r = CartPoleEvaluation.play(controller, ENV, 3, 7L, ProgressListener.NONE);
        assertArrayEquals(new double[] {500, 500, 500}, r.returns());
        assertEquals(1500, r.latency().count());
        assertEquals(1500, r.latencyNanos().length);
        assertEquals(3, r.episodesAtLeast(500));
        assertArrayEquals(new long[] {Seeds.mix(7L, 0), Seeds.mix(7L, 1), Seeds.mix(7L, 2)}, r.resetSeeds());
    }

    @Test
    void sameSeedSameEpisodesOtherSeedOtherEpisodes() {
        double[] a = CartPoleEvaluation.play(new RandomCartPolePolicy(), ENV, 10, 1L, ProgressListener.NONE).returns();
        double[] b = CartPoleEvaluation.play(new RandomCartPolePolicy(), ENV, 10, 1L, ProgressListener.NONE).returns();
        double[] c = CartPoleEvaluation.play(new RandomCartPolePolicy(), ENV, 10, 2L, ProgressListener.NONE).returns();
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
        double mean = Arrays.stream(a).average().orElseThrow();
        assertTrue(mean > 8 && mean < 60, "random policy mean return " + mean);
    }

    @Test
    void episodeCountIsChecked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CartPoleEvaluation.play(new RandomCartPolePolicy(), ENV, 0, 0L, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("episodes must be in [1, 100000], got 0"), e.getMessage());
    }
}
