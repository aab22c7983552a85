package dev.mawm.cli.eval;

import dev.mawm.models.config.CartPoleConfig;
import dev.mawm.models.config.CemConfig;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The outcome of {@link CartPoleEval#run}: CEM-MPC and the random baseline on the same seeded episodes.
 *
 * @param bundle   the bundle directory
 * @param planning the effective planner settings
 * @param env      the environment config
 * @param seed     the run seed
 * @param mpc      CEM-MPC's results
 * @param random   the random policy's results
 * @param seconds  wall time of the whole run (bundle loading included)
 */
public record CartPoleEvalResult(Path bundle, CemConfig planning, CartPoleConfig env, long seed, PolicyResult mpc,
                                 PolicyResult random, double seconds) {

    /** Requires every part. */
    public CartPoleEvalResult {
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(planning, "planning");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(mpc, "mpc");
        Objects.requireNonNull(random, "random");
    }

    /** @return whether CEM-MPC's mean return reaches Gymnasium's "solved" threshold (475) */
    public boolean solved() {
        return mpc.meanReturn() >= CartPoleEvaluation.SOLVED_RETURN;
    }
}
