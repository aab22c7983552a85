package dev.mawm.cli.eval;

import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.config.MawmConfig;
import dev.mawm.models.progress.ProgressListener;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.EngineOptions;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * The CartPole evaluation of a bundle ({@code mawm eval --env cartpole}, the CartPole part of {@code mawm demo}):
 * CEM-MPC on the bundle's fused rollout and the uniform random policy, on the same seeded episodes.
 *
 * <p>Planner settings: the bundle's {@code planningDefaults}, then whatever the caller's config applies on top
 * ({@link #withPlanningDefaults}); the effective {@code cem.horizon} must equal the bundle's rollout horizon.
 */
public final class CartPoleEval {
    private CartPoleEval() {
    }

    /**
     * @param manifest a bundle manifest
     * @return the default config with the bundle's planning defaults as its {@code cem} section
     */
    public static MawmConfig withPlanningDefaults(BundleManifest manifest) {
        return MawmConfig.defaults().withCem(manifest.planningDefaults());
    }

    /**
     * Loads and validates the bundle, then plays the episodes with CEM-MPC and with the random policy.
     *
     * @param bundleDir the bundle directory
     * @param config    builds the effective config from the bundle's manifest (its {@code cem} and {@code cartpole}
     *                  sections are used), e.g. {@code CartPoleEval::withPlanningDefaults}
     * @param engine    ONNX Runtime options
     * @param episodes  episodes per policy, 1..100000
     * @param seed      the run seed ({@link CartPoleEvaluation} explains the derivation)
     * @param progress  one bar per policy
     * @return both policies' results
     * @throws dev.mawm.models.bundle.BundleException when the bundle is missing or invalid
     * @throws IllegalArgumentException when the bundle is not a CartPole model or its horizon differs from cem.horizon
     */
    public static CartPoleEvalResult run(Path bundleDir, Function<BundleManifest, MawmConfig> config, EngineOptions engine,
                                         int episodes, long seed, ProgressListener progress) {
        Objects.requireNonNull(config, "config");
        long t0 = System.nanoTime();
        BundleManifest manifest = BundleManifest.read(bundleDir);
        MpcCartPolePolicy.requireCartPole(manifest, bundleDir.toString());
        MawmConfig cfg = config.apply(manifest);
        MpcCartPolePolicy.requireHorizon(manifest, cfg.cem(), bundleDir.toString());
        PolicyResult mpc;
        try (MpcCartPolePolicy policy = new MpcCartPolePolicy(Bundle.load(bundleDir, engine), cfg.cem())) {
            mpc = CartPoleEvaluation.play(policy, cfg.cartpole(), episodes, seed, progress);
        }
        PolicyResult random = CartPoleEvaluation.play(new RandomCartPolePolicy(), cfg.cartpole(), episodes, seed, progress);
        return new CartPoleEvalResult(bundleDir, cfg.cem(), cfg.cartpole(), seed, mpc, random, (System.nanoTime() - t0) / 1e9);
    }
}
