package dev.mawm.training.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A train / validation split by whole episodes (so no validation transition's episode was seen in
 * training), drawn from a seed.
 *
 * @param train training episode indices, ascending
 * @param validation validation episode indices, ascending
 */
public record EpisodeSplit(int[] train, int[] validation) {

    /** Copies the arrays. */
    public EpisodeSplit {
        train = train.clone();
        validation = validation.clone();
    }

    /**
     * @param episodes number of episodes, ≥ 2
     * @param valFraction fraction held out, in (0, 1); at least one episode each side
     * @param seed the seed of the shuffle
     * @return the split
     */
    public static EpisodeSplit of(int episodes, double valFraction, long seed) {
        if (episodes < 2) {
            throw new IllegalArgumentException("a train/validation split needs at least 2 episodes, the dataset has " + episodes);
        }
        int val = (int) Math.max(1, Math.min(episodes - 1, Math.round(episodes * valFraction)));
        int[] perm = new int[episodes];
        for (int i = 0; i < episodes; i++) {
            perm[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5EED5EEDL);
        for (int i = episodes - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] v = Arrays.copyOfRange(perm, 0, val);
        int[] t = Arrays.copyOfRange(perm, val, episodes);
        Arrays.sort(v);
        Arrays.sort(t);
        return new EpisodeSplit(t, v);
    }

    /** @return a copy of the training episodes */
    @Override
    public int[] train() {
        return train.clone();
    }

    /** @return a copy of the validation episodes */
    @Override
    public int[] validation() {
        return validation.clone();
    }
}
