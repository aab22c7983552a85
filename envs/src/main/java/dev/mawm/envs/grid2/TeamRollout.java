package dev.mawm.envs.grid2;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Plays two-agent episodes and records what {@link TeamEpisode} reports: the full-map oracle
 * ({@link Grid2Oracle}), or two {@link InformedOracle}s exchanging messages on a {@link CommSchedule}.
 * Deterministic: neither policy draws random numbers.
 *
 * <p>Informed tick t (t = 0 before the first step): both agents observe their windows; when
 * {@code schedule.test(t)}, both send {@link Grid2Env#outgoingMessage} and each receives the
 * other's; then both act.
 */
public final class TeamRollout {
    private TeamRollout() {
    }

    /** Chooses both agents' actions for the environment's current state. */
    @FunctionalInterface
    private interface Team {
        int[] act(Grid2Env env);
    }

    /**
     * Plays the full-map oracle from the start cells.
     *
     * @param env    the environment; reset first
     * @param onStep called before the first step and after every step (e.g. to draw frames); may be null
     * @return the episode
     */
    public static TeamEpisode fullMap(Grid2Env env, Consumer<Grid2Env> onStep) {
        Team team = e -> new int[] {Grid2Oracle.action(e.world(), e.position(0)), Grid2Oracle.action(e.world(), e.position(1))};
        return play(env, "oracle", team, onStep, null);
    }

    /**
     * Plays two informed oracles from the start cells.
     *
     * @param env      the environment; reset first. Its config decides the message form ({@code messagePosition})
     * @param schedule when messages are exchanged
     * @param onStep   called before the first step and after every step; may be null
     * @return the episode
     */
    public static TeamEpisode informed(Grid2Env env, CommSchedule schedule, Consumer<Grid2Env> onStep) {
        InformedOracle[] agents = new InformedOracle[Grid2World.AGENTS];
        for (int a = 0; a < agents.length; a++) {
            agents[a] = InformedOracle.forEnv(env);
        }
        int[] sent = new int[1];
        Team team = e -> {
            for (int a = 0; a < agents.length; a++) {
                agents[a].observe(e.message(a), e.position(a));
            }
            if (schedule.test(e.steps())) {
                int[][] msgs = {e.outgoingMessage(0), e.outgoingMessage(1)};
                agents[0].receive(msgs[1]);
                agents[1].receive(msgs[0]);
                sent[0] += 2;
            }
            return new int[] {agents[0].act(), agents[1].act()};
        };
        return play(env, "informed:" + schedule.name(), team, onStep, () -> new int[] {sent[0],
                agents[0].messagesPlaced() + agents[1].messagesPlaced()});
    }

    private static TeamEpisode play(Grid2Env env, String name, Team team, Consumer<Grid2Env> onStep,
                                    Supplier<int[]> messages) {
        env.reset();
        int[] arrival = new int[Grid2World.AGENTS];
        int[] moves = new int[Grid2World.AGENTS];
        int[] shortest = new int[Grid2World.AGENTS];
        for (int a = 0; a < Grid2World.AGENTS; a++) {
            GridPos s = env.world().start(a);
            shortest[a] = env.world().distance(s.x(), s.y());
            arrival[a] = env.arrived(a) ? 0 : -1;
        }
        if (onStep != null) {
            onStep.accept(env);
        }
        while (!env.done()) {
            int[] actions = team.act(env);
            GridPos[] before = {env.position(0), env.position(1)};
            env.step(actions);
            for (int a = 0; a < Grid2World.AGENTS; a++) {
                if (!env.position(a).equals(before[a])) {
                    moves[a]++;
                }
                if (arrival[a] < 0 && env.arrived(a)) {
                    arrival[a] = env.steps();
                }
            }
            if (onStep != null) {
                onStep.accept(env);
            }
        }
        int[] m = messages == null ? new int[2] : messages.get();
        return new TeamEpisode(name, env.steps(), env.terminated(), arrival, moves, shortest, m[0], m[1]);
    }
}
