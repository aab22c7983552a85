package dev.mawm.cli.eval.grid2;

import dev.mawm.envs.grid2.Grid2Env;
import dev.mawm.envs.grid2.Grid2World;
import dev.mawm.envs.grid2.InformedOracle;
import dev.mawm.envs.grid2.program.MessageCodec;
import dev.mawm.planner.team.CommMode;

/**
 * The information-limited oracle (DESIGN §9) of one communication mode: each agent is an {@link InformedOracle} that
 * knows what it saw and the messages the mode delivered to it (plans carry no map, so {@code plan} is {@code first}).
 * It is the best a perfect world model could do with the same information. With a {@link MessageCodec}, messages
 * arrive as the codec decodes them and what a program does not say stays unknown
 * ({@link InformedOracle#receiveDecoded}).
 */
final class InformedTeamPolicy implements TeamPolicy {
    private final CommMode mode;
    private final MessageCodec codec;
    private final InformedOracle[] agents = new InformedOracle[Grid2World.AGENTS];
    private int tick;

    /**
     * @param mode  the communication mode
     * @param codec how messages travel, or null for the raw message
     */
    InformedTeamPolicy(CommMode mode, MessageCodec codec) {
        this.mode = mode;
        this.codec = codec;
    }

    @Override
    public String name() {
        return "informed:" + mode + (codec == null ? "" : "@" + codec.name());
    }

    @Override
    public void reset(Grid2Env env, long seed) {
        for (int a = 0; a < agents.length; a++) {
            agents[a] = InformedOracle.forEnv(env);
        }
        tick = 0;
    }

    @Override
    public void act(Grid2Env env, int[] out) {
        for (int a = 0; a < agents.length; a++) {
            agents[a].observe(env.message(a), env.position(a));
        }
        if (mode.sendsMessageAt(tick)) {
            for (int a = 0; a < agents.length; a++) {
                if (codec == null) {
                    agents[a].receive(env.outgoingMessage(1 - a));
                } else {
                    agents[a].receiveDecoded(codec.transmit(env.outgoingMessage(1 - a)));
                }
            }
        }
        for (int a = 0; a < agents.length; a++) {
            out[a] = env.arrived(a) ? 0 : agents[a].act();
        }
    }

    @Override
    public void afterStep(Grid2Env env, int[] actions) {
        tick++;
    }

    @Override
    public double bits() {
        return 0;
    }

    @Override
    public boolean timed() {
        return false;
    }
}
