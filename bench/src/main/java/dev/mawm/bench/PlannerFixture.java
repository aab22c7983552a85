package dev.mawm.bench;

import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.config.CemConfig;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.EngineOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Shared setup: the bundle directory, its planning defaults, and a fixed set of start states. */
final class PlannerFixture {
    /** Number of distinct start states the benchmarks cycle through. */
    static final int STATES = 64;

    private PlannerFixture() {
    }

    /**
     * @param dir the bundle directory (relative to the working directory, or absolute)
     * @return the loaded bundle on the CPU with one intra-op thread
     * @throws IllegalStateException naming the directory when it holds no bundle
     */
    static Bundle load(String dir) {
        Path p = Path.of(dir);
        if (!Files.isRegularFile(p.resolve(BundleManifest.FILE_NAME))) {
            throw new IllegalStateException("no bundle at " + p.toAbsolutePath() + "; run from the repository root or "
                    + "pass -p bundle=DIR");
        }
        return Bundle.load(p, EngineOptions.defaults().withIntraOpThreads(1));
    }

    /** @return the bundle's planning defaults (the config a deployment plans with) */
    static CemConfig planning(Bundle bundle) {
        return bundle.manifest().planningDefaults();
    }

    /**
     * @param c a planner config
     * @param samples N
     * @return {@code c} with N candidates per iteration (elites capped at N / 2)
     */
    static CemConfig withSamples(CemConfig c, int samples) {
        return new CemConfig(c.horizon(), samples, Math.min(c.elites(), samples / 2), c.iterations(), c.alpha(), c.pMin(),
                c.discount(), Math.min(c.keepElites(), samples / 4), c.includeMode(), c.beta(), c.seed());
    }

    /**
     * @return {@value #STATES} CartPole-like start states {@code [STATES][4]}: near upright, as a balancing planner
     *     sees them (x, ẋ in ±0.5, θ in ±0.05 rad, θ̇ in ±0.5), seeded
     */
    static float[][] states() {
        SplittableRandom rng = new SplittableRandom(42);
        float[][] s = new float[STATES][];
        for (int i = 0; i < STATES; i++) {
            s[i] = new float[] {(float) rng.nextDouble(-0.5, 0.5), (float) rng.nextDouble(-0.5, 0.5),
                (float) rng.nextDouble(-0.05, 0.05), (float) rng.nextDouble(-0.5, 0.5)};
        }
        return s;
    }
}
