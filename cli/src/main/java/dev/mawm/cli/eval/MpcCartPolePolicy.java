package dev.mawm.cli.eval;

import dev.mawm.envs.Envs;
import dev.mawm.envs.Seeds;
import dev.mawm.envs.cartpole.CartPole;
import dev.mawm.models.Names;
import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.config.CemConfig;
import dev.mawm.planner.MpcPlanner;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.engine.RolloutSequenceModel;
import java.util.Objects;

/**
 * CEM-MPC on CartPole: an {@link MpcPlanner} scoring candidates with a bundle's fused rollout graph
 * ({@link RolloutSequenceModel}, one ONNX Runtime call per CEM iteration). Owns the bundle and closes it.
 *
 * <p>Each episode restarts the planner (uniform distribution, no kept elites) with the seed
 * {@code Seeds.mix(episodeSeed, cem.seed)}, so {@code cem.seed} still selects the random stream.
 */
public final class MpcCartPolePolicy implements CartPolePolicy, AutoCloseable {
    private final Bundle bundle;
    private final CemConfig config;
    private final RolloutSequenceModel model;
    private final MpcPlanner planner;
    private boolean closed;

    /**
     * @param bundle a loaded CartPole bundle; this policy takes ownership and closes it (also when construction fails)
     * @param config the planner settings; {@code horizon} must equal the bundle's fused rollout horizon
     * @throws IllegalArgumentException when the bundle is not a CartPole model (state size 4, 2 actions, env
     *                                  {@code cartpole} in its provenance when recorded), has no fused rollout, or
     *                                  its rollout horizon differs from {@code config.horizon()}
     */
    public MpcCartPolePolicy(Bundle bundle, CemConfig config) {
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        this.config = Objects.requireNonNull(config, "config");
        RolloutSequenceModel m = null;
        try {
            requireCartPole(bundle.manifest(), bundle.directory().toString());
            requireHorizon(bundle.manifest(), config, bundle.directory().toString());
            m = new RolloutSequenceModel(bundle, config);
            this.model = m;
            this.planner = new MpcPlanner(config, m);
        } catch (RuntimeException e) {
            if (m != null) {
                m.close();
            }
            bundle.close();
            throw e;
        }
    }

    /**
     * Checks that a bundle models CartPole.
     *
     * @param m      the manifest
     * @param source the bundle's name in messages
     * @throws IllegalArgumentException naming the mismatch
     */
    public static void requireCartPole(BundleManifest m, String source) {
        Object env = m.provenance().get("env");
        if (env != null && !Envs.CARTPOLE.equals(env)) {
            throw new IllegalArgumentException("bundle " + source + " was trained on env '" + env
                    + "', not cartpole (provenance.env)");
        }
        if (m.dims().stateSize() != CartPole.STATE_DIM || m.dims().actionCount() != CartPole.ACTIONS) {
            throw new IllegalArgumentException("bundle " + source + " has stateSize " + m.dims().stateSize()
                    + " and actionCount " + m.dims().actionCount() + "; a CartPole model needs " + CartPole.STATE_DIM
                    + " and " + CartPole.ACTIONS);
        }
    }

    /**
     * Checks that the planner horizon matches the bundle's fused rollout graph.
     *
     * @param m      the manifest
     * @param config the planner settings
     * @param source the bundle's name in messages
     * @throws IllegalArgumentException naming both horizons and how to fix it
     */
    public static void requireHorizon(BundleManifest m, CemConfig config, String source) {
        int h = m.dims().horizon();
        if (h < 1) {
            throw new IllegalArgumentException("bundle " + source + " has no fused rollout graph (dims.horizon 0); "
                    + "re-export it with 'mawm export --horizon H'");
        }
        if (config.horizon() != h) {
            throw new IllegalArgumentException("cem.horizon " + config.horizon() + " does not match the bundle's fused "
                    + "rollout " + Names.rollout(h) + " (horizon " + h + ") in " + source + "; set cem.horizon=" + h
                    + " or re-export the checkpoint with 'mawm export --horizon " + config.horizon() + "'");
        }
    }

    @Override
    public String name() {
        return "mpc";
    }

    @Override
    public void reset(long seed) {
        ensureOpen();
        planner.reset(Seeds.mix(seed, config.seed()));
    }

    @Override
    public int act(float[] observation) {
        ensureOpen();
        return planner.act(observation);
    }

    /** @return the planner settings */
    public CemConfig config() {
        return config;
    }

    /** @return the bundle */
    public Bundle bundle() {
        return bundle;
    }

    /** @return the planner (e.g. for its last plan and score) */
    public MpcPlanner planner() {
        return planner;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("MpcCartPolePolicy is closed");
        }
    }

    /** Returns the model's call and closes the bundle. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                model.close();
            } finally {
                bundle.close();
            }
        }
    }
}
