package dev.mawm.cli.eval;

/** Chooses CartPole actions from observations, one episode at a time. Not thread-safe. */
public interface CartPolePolicy {

    /** @return a short name for tables and plots ({@code mpc}, {@code random}) */
    String name();

    /**
     * Starts a new episode.
     *
     * @param seed the episode's policy seed (derived from the run seed and the episode index)
     */
    void reset(long seed);

    /**
     * @param observation {@code [4]}: x, ẋ, θ, θ̇
     * @return 0 (push left) or 1 (push right)
     */
    int act(float[] observation);
}
