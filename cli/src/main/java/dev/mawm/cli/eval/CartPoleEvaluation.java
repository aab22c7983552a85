package dev.mawm.cli.eval;

import dev.mawm.envs.Seeds;
import dev.mawm.envs.cartpole.CartPoleEnv;
import dev.mawm.envs.cartpole.CartPoleStep;
import dev.mawm.models.config.CartPoleConfig;
import dev.mawm.models.progress.ProgressListener;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays seeded CartPole-v1 episodes with a {@link CartPolePolicy} and measures returns and decision latency.
 *
 * <p>Seeding: episode e of a run with seed S resets the environment with {@code Seeds.mix(S, e)} and the policy
 * with {@code Seeds.mix(Seeds.mix(S, e), 1)}, so every policy meets the same start states, and a rerun with the same
 * seed plays the same episodes (CEM-MPC on the CPU included). Latency is the wall time of each
 * {@link CartPolePolicy#act} call ({@link System#nanoTime()}).
 */
public final class CartPoleEvaluation {
    private static final Logger LOG = LoggerFactory.getLogger(CartPoleEvaluation.class);
    /** Gymnasium's "solved" threshold for CartPole-v1: mean return ≥ 475 (over 100 episodes there; here over the run). */
    public static final double SOLVED_RETURN = 475.0;

    private CartPoleEvaluation() {
    }

    /**
     * @param seed    the run seed
     * @param episode the episode index
     * @return the environment reset seed of that episode
     */
    public static long resetSeed(long seed, int episode) {
        return Seeds.mix(seed, episode);
    }

    /**
     * Plays {@code episodes} seeded episodes.
     *
     * @param policy   the policy (reset before each episode)
     * @param env      the environment config (step limit, reset range)
     * @param episodes number of episodes, 1..100000
     * @param seed     the run seed
     * @param progress one step per episode (the extra message shows the running mean return)
     * @return the returns and latencies
     * @throws IllegalArgumentException when {@code episodes} is out of range
     */
    public static PolicyResult play(CartPolePolicy policy, CartPoleConfig env, int episodes, long seed,
                                    ProgressListener progress) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(progress, "progress");
        if (episodes < 1 || episodes > 100_000) {
            throw new IllegalArgumentException("episodes must be in [1, 100000], got " + episodes);
        }
        double[] returns = new double[episodes];
        long[] seeds = new long[episodes];
        long[] nanos = new long[Math.min(episodes * 64, 1 << 16)]; // grows by doubling
        int decisions = 0;
        CartPoleEnv cartPole = new CartPoleEnv(env);
        double sum = 0;
        progress.start("eval cartpole " + policy.name(), episodes);
        try {
            for (int e = 0; e < episodes; e++) {
                seeds[e] = resetSeed(seed, e);
                policy.reset(Seeds.mix(seeds[e], 1));
                float[] obs = cartPole.reset(seeds[e]);
                double ret = 0;
                while (!cartPole.done()) {
                    long t0 = System.nanoTime();
                    int action = policy.act(obs);
                    long dt = System.nanoTime() - t0;
                    if (decisions == nanos.length) {
                        nanos = Arrays.copyOf(nanos, Math.max(16, nanos.length * 2));
                    }
                    nanos[decisions++] = dt;
                    CartPoleStep step = cartPole.step(action);
                    ret += step.reward();
                    obs = step.observation();
                }
                returns[e] = ret;
                sum += ret;
                if (LOG.isDebugEnabled()) {
                    LOG.debug("{} episode {} ended after {} steps ({}) at x {}, x' {}, theta {}, theta' {}", policy.name(), e,
                            cartPole.steps(), cartPole.terminated() ? "terminated" : "truncated", obs[0], obs[1], obs[2], obs[3]);
                }
                progress.step(e + 1, String.format(Locale.ROOT, "mean return %.1f", sum / (e + 1)));
            }
        } finally {
            progress.finish();
        }
        long[] used = Arrays.copyOf(nanos, decisions);
        return new PolicyResult(policy.name(), returns, seeds, LatencyStats.of(used, decisions), used);
    }
}
