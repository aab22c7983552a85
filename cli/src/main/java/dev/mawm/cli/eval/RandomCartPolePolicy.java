package dev.mawm.cli.eval;

import java.util.SplittableRandom;

/** The uniform random CartPole policy (the baseline: about 22 steps per episode on average). */
public final class RandomCartPolePolicy implements CartPolePolicy {
    private SplittableRandom rng = new SplittableRandom(0);

    @Override
    public String name() {
        return "random";
    }

    @Override
    public void reset(long seed) {
        rng = new SplittableRandom(seed);
    }

    @Override
    public int act(float[] observation) {
        return rng.nextInt(2);
    }
}
