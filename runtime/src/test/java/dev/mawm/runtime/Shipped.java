package dev.mawm.runtime;

import java.nio.file.Path;

/**
 * The bundles the repository ships under {@code models/bundles}, as the runtime's own tests find them: Maven runs a
 * module's tests in the module's directory, so the repository root is its parent. Read them in place; copy one
 * ({@link Tamper#copy}) before changing it.
 */
public final class Shipped {
    private Shipped() {
    }

    /** @return {@code models/bundles/cartpole-mlp}: an mlp ensemble of 3, state 4, 2 actions, {@code rollout_h12} */
    public static Path cartPole() {
        return bundles().resolve("cartpole-mlp");
    }

    /**
     * @return {@code models/bundles/grid2-jepa2}: a vector-mode jepa2 model of the 21×21 gridworld, latent 64,
     *     51-integer messages (the window and the sender's position), {@code rollout_h8}
     */
    public static Path grid2() {
        return bundles().resolve("grid2-jepa2");
    }

    private static Path bundles() {
        return Path.of("..", "models", "bundles");
    }
}
