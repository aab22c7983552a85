package dev.mawm.envs.grid2;

import java.util.Arrays;
import java.util.Objects;

/**
 * One played two-agent episode, per agent where it matters (index = agent).
 *
 * @param policy         what played: {@code oracle} (full map) or {@code informed:MODE}
 * @param steps          steps taken
 * @param success        both agents reached the goal (team success)
 * @param arrivalStep    per agent, the step count at which it reached the goal (1-based), −1 if it never did
 * @param moves          per agent, steps that changed its cell (its path length in cells)
 * @param shortest       per agent, BFS distance from its start to the goal (the oracle's path length)
 * @param messagesSent   messages sent by both agents together
 * @param messagesPlaced received messages the receivers could place on their belief maps
 */
public record TeamEpisode(String policy, int steps, boolean success, int[] arrivalStep, int[] moves, int[] shortest,
                          int messagesSent, int messagesPlaced) {
    /** Validates the per-agent arrays and copies them. */
    public TeamEpisode {
        for (int[] a : new int[][] {arrivalStep, moves, shortest}) {
            if (a == null || a.length != Grid2World.AGENTS) {
                throw new IllegalArgumentException("team episode per-agent arrays must have 2 entries");
            }
        }
        Objects.requireNonNull(policy, "team episode policy must not be null");
        arrivalStep = arrivalStep.clone();
        moves = moves.clone();
        shortest = shortest.clone();
    }

    /** @return a copy of the arrival steps */
    @Override
    public int[] arrivalStep() {
        return arrivalStep.clone();
    }

    /** @return a copy of the move counts */
    @Override
    public int[] moves() {
        return moves.clone();
    }

    /** @return a copy of the shortest path lengths */
    @Override
    public int[] shortest() {
        return shortest.clone();
    }

    /** Compares the per-agent arrays by content. */
    @Override
    public boolean equals(Object o) {
        return o instanceof TeamEpisode t && policy.equals(t.policy) && steps == t.steps && success == t.success
                && Arrays.equals(arrivalStep, t.arrivalStep) && Arrays.equals(moves, t.moves) && Arrays.equals(shortest, t.shortest)
                && messagesSent == t.messagesSent && messagesPlaced == t.messagesPlaced;
    }

    @Override
    public int hashCode() {
        return Objects.hash(policy, steps, success, Arrays.hashCode(arrivalStep), Arrays.hashCode(moves), Arrays.hashCode(shortest),
                messagesSent, messagesPlaced);
    }

    @Override
    public String toString() {
        return "TeamEpisode[policy=" + policy + ", steps=" + steps + ", success=" + success + ", arrivalStep="
                + Arrays.toString(arrivalStep) + ", moves=" + Arrays.toString(moves) + ", shortest=" + Arrays.toString(shortest)
                + ", messagesSent=" + messagesSent + ", messagesPlaced=" + messagesPlaced + "]";
    }

    /**
     * @param agent 0 or 1
     * @return whether that agent reached the goal
     */
    public boolean arrived(int agent) {
        Grid2World.requireAgent(agent);
        return arrivalStep[agent] >= 0;
    }

    /**
     * SPL of one agent ({@link Spl#of(boolean, int, int)} with path taken = steps until arrival).
     *
     * @param agent 0 or 1
     * @return its SPL in [0, 1]
     */
    public double spl(int agent) {
        Grid2World.requireAgent(agent);
        return Spl.of(arrived(agent), shortest[agent], arrivalStep[agent]);
    }

    /** @return the mean SPL of both agents */
    public double spl() {
        return (spl(0) + spl(1)) / 2;
    }
}
