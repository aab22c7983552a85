package dev.mawm.envs.grid2;

import dev.mawm.envs.Seeds;
import dev.mawm.models.config.Grid2Config;

/**
 * Scenario generators. {@link #goalSeenByExactlyOne} draws maps with seeds
 * {@code Seeds.mix(seed, k)} for k = 0, 1, … and returns the first whose goal is in exactly one
 * agent's initial window (rejection sampling; deterministic for a seed).
 */
public final class Grid2Scenarios {
    private static final int MAX_TRIES = 100_000;

    private Grid2Scenarios() {
    }

    /**
     * Finds a map where exactly one agent initially sees the goal.
     *
     * @param config the environment config (size, density, view size)
     * @param seed   the scenario seed
     * @return the scenario
     * @throws IllegalStateException when no such map is found in 100000 draws (e.g. a view covering the whole grid)
     */
    public static Grid2Scenario goalSeenByExactlyOne(Grid2Config config, long seed) {
        for (int k = 0; k < MAX_TRIES; k++) {
            long mapSeed = Seeds.mix(seed, k);
            Grid2World world = Grid2World.generate(config, mapSeed);
            boolean sees0 = Grid2View.inView(world.start(0), world.goal(), config.viewSize());
            boolean sees1 = Grid2View.inView(world.start(1), world.goal(), config.viewSize());
            if (sees0 != sees1) {
                return new Grid2Scenario(world, mapSeed, sees0 ? 0 : 1);
            }
        }
        throw new IllegalStateException("grid2: no map with the goal in exactly one agent's view found in "
                + MAX_TRIES + " draws for seed " + seed);
    }
}
