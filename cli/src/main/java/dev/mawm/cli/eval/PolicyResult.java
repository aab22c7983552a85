package dev.mawm.cli.eval;

import java.util.Arrays;
import java.util.Objects;

/**
 * One policy's results over seeded episodes.
 *
 * @param policy      the policy's name
 * @param returns     the undiscounted return of each episode, in episode order, non-empty
 * @param resetSeeds  the environment reset seed of each episode (same length)
 * @param latency     the policy's per-decision latency over all episodes
 * @param latencyNanos every decision latency in nanoseconds, in play order (for plots)
 */
public record PolicyResult(String policy, double[] returns, long[] resetSeeds, LatencyStats latency, long[] latencyNanos) {

    /** Validates and copies the arrays. */
    public PolicyResult {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(latency, "latency");
        if (returns == null || returns.length == 0) {
            throw new IllegalArgumentException("a policy result needs at least one episode");
        }
        if (resetSeeds == null || resetSeeds.length != returns.length) {
            throw new IllegalArgumentException("resetSeeds must have one entry per episode (" + returns.length + ")");
        }
        returns = returns.clone();
        resetSeeds = resetSeeds.clone();
        latencyNanos = latencyNanos == null ? new long[0] : latencyNanos.clone();
    }

    /** @return number of episodes */
    public int episodes() {
        return returns.length;
    }

    /** @return mean return */
    public double meanReturn() {
        return Arrays.stream(returns).average().orElseThrow();
    }

    /** @return smallest return */
    public double minReturn() {
        return Arrays.stream(returns).min().orElseThrow();
    }

    /** @return largest return */
    public double maxReturn() {
        return Arrays.stream(returns).max().orElseThrow();
    }

    /**
     * @param threshold a return
     * @return how many episodes reached at least {@code threshold}
     */
    public long episodesAtLeast(double threshold) {
        return Arrays.stream(returns).filter(r -> r >= threshold).count();
    }

    @Override
    public double[] returns() {
        return returns.clone();
    }

    @Override
    public long[] resetSeeds() {
        return resetSeeds.clone();
    }

    @Override
    public long[] latencyNanos() {
        return latencyNanos.clone();
    }
}
