package dev.mawm.envs.grid2;

import dev.mawm.models.config.Grid2Config;

/**
 * A grid2 episode on a fixed map (DESIGN §4).
 *
 * <p>Dynamics: both agents act simultaneously; moving into a wall (or off the grid) stays; agents
 * may share a cell; an agent that has reached the goal stays there whatever its action.
 *
 * <p>Reward per agent and step: {@code +1} on first arrival at the goal, plus potential-based
 * shaping {@code shapingScale · (d(s) − d(s'))} where d is the BFS distance to the goal (the
 * change of the potential −d with γ = 1, which leaves optimal policies unchanged; default scale
 * 0.1, so a step toward the goal earns +0.1, a step away or into a wall −0.1 or 0). An agent that
 * has already arrived earns 0. The episode ends when both have arrived ({@code terminated}) or
 * after {@code stepLimit} steps ({@code truncated}).
 */
public final class Grid2Env {
    private final Grid2World world;
    private final Grid2Config config;
    private final GridPos[] pos = new GridPos[Grid2World.AGENTS];
    private final boolean[] arrived = new boolean[Grid2World.AGENTS];
    private int steps;
    private boolean terminated;
    private boolean truncated;

    /**
     * Starts an episode at the map's start cells.
     *
     * @param world  the map (its size may differ from {@code config}'s width/height for hand-made maps)
     * @param config step limit, view size, pixels per cell and shaping scale
     */
    public Grid2Env(Grid2World world, Grid2Config config) {
        this.world = world;
        this.config = config;
        reset();
    }

    /**
     * Generates a map from a seed and starts an episode on it.
     *
     * @param config the environment config
     * @param seed   map seed
     * @return the environment
     */
    public static Grid2Env generate(Grid2Config config, long seed) {
        return new Grid2Env(Grid2World.generate(config, seed), config);
    }

    /** Puts both agents back on their start cells and clears the episode. */
    public void reset() {
        for (int a = 0; a < Grid2World.AGENTS; a++) {
            pos[a] = world.start(a);
            arrived[a] = pos[a].equals(world.goal());
        }
        steps = 0;
        terminated = arrived[0] && arrived[1];
        truncated = false;
    }

    /**
     * Advances one step.
     *
     * @param actions one action per agent, 0..4
     * @return rewards and episode flags
     * @throws IllegalArgumentException for a wrong number of actions or an action out of range
     * @throws IllegalStateException    when the episode has already ended
     */
    public Grid2StepResult step(int... actions) {
        if (actions == null || actions.length != Grid2World.AGENTS) {
            throw new IllegalArgumentException("grid2 step needs exactly 2 actions (one per agent), got "
                    + (actions == null ? "null" : actions.length));
        }
        for (int a : actions) {
            Grid2Actions.require(a);
        }
        if (done()) {
            throw new IllegalStateException("grid2 episode has ended after " + steps + " steps; call reset() before stepping again");
        }
        double[] reward = new double[Grid2World.AGENTS];
        for (int a = 0; a < Grid2World.AGENTS; a++) {
            if (arrived[a]) {
                continue;
            }
            GridPos p = pos[a];
            GridPos next = target(p, actions[a]);
            reward[a] = config.shapingScale() * (world.distance(p.x(), p.y()) - world.distance(next.x(), next.y()));
            pos[a] = next;
            if (next.equals(world.goal())) {
                arrived[a] = true;
                reward[a] += 1.0;
            }
        }
        steps++;
        terminated = arrived[0] && arrived[1];
        truncated = !terminated && steps >= config.stepLimit();
        return new Grid2StepResult(reward[0], reward[1], done(), terminated, truncated);
    }

    /**
     * The BFS steps toward the goal that an action would make from the agent's current cell, without taking it: the
     * {@code d(s) − d(s')} the shaping reward scales (1 toward the goal, −1 away, 0 for stay, a move into a wall, or once
     * the agent has arrived).
     *
     * @param agent  0 or 1
     * @param action 0..4
     * @return −1, 0 or 1
     */
    public int progress(int agent, int action) {
        Grid2World.requireAgent(agent);
        Grid2Actions.require(action);
        if (arrived[agent]) {
            return 0;
        }
        GridPos p = pos[agent];
        GridPos next = target(p, action);
        return world.distance(p.x(), p.y()) - world.distance(next.x(), next.y());
    }

    /** The cell an action leads to from {@code p}: the neighbour, or {@code p} itself when that is a wall or outside. */
    private GridPos target(GridPos p, int action) {
        int nx = p.x() + Grid2Actions.dx(action);
        int ny = p.y() + Grid2Actions.dy(action);
        return world.walkable(nx, ny) ? new GridPos(nx, ny) : p;
    }

    /**
     * The agent's window as object types (what its image observation renders; the first
     * {@code V·V} integers of its {@link #outgoingMessage message}).
     *
     * @param agent 0 or 1
     * @return {@code [V·V]} object types, row-major
     */
    public int[] message(int agent) {
        Grid2World.requireAgent(agent);
        return Grid2View.window(world, pos[agent], pos[1 - agent], config.viewSize());
    }

    /**
     * The message the agent sends (DESIGN §4): its window followed by its absolute (x, y), or the
     * bare window when {@code config.messagePosition()} is false.
     *
     * @param agent 0 or 1
     * @return {@code [config.messageLength()]} integers: {@code V·V} object types (row-major), then x, y
     */
    public int[] outgoingMessage(int agent) {
        int[] window = message(agent);
        return config.messagePosition() ? Grid2Message.withPosition(window, pos[agent]) : window;
    }

    /**
     * The agent's image observation.
     *
     * @param agent 0 or 1
     * @return {@code [3][V·p][V·p]} floats in [0, 1] (CHW)
     */
    public float[] image(int agent) {
        return Grid2Palette.renderFloat(message(agent), config.viewSize(), config.pixelsPerCell());
    }

    /**
     * Writes the agent's image observation as unsigned bytes (the dataset's storage form).
     *
     * @param agent  0 or 1
     * @param dst    destination of {@code 3·(V·p)²} bytes
     * @param offset start index in {@code dst}
     */
    public void imageU8(int agent, byte[] dst, int offset) {
        Grid2Palette.renderU8(message(agent), config.viewSize(), config.pixelsPerCell(), dst, offset);
    }

    /**
     * @param agent 0 or 1
     * @return the agent's absolute cell
     */
    public GridPos position(int agent) {
        Grid2World.requireAgent(agent);
        return pos[agent];
    }

    /**
     * @param agent 0 or 1
     * @return whether the agent has reached the goal
     */
    public boolean arrived(int agent) {
        Grid2World.requireAgent(agent);
        return arrived[agent];
    }

    /** @return steps taken in this episode */
    public int steps() {
        return steps;
    }

    /** @return whether the episode has ended */
    public boolean done() {
        return terminated || truncated;
    }

    /** @return whether both agents have arrived */
    public boolean terminated() {
        return terminated;
    }

    /** @return whether the step limit ended the episode */
    public boolean truncated() {
        return truncated;
    }

    /** @return the map */
    public Grid2World world() {
        return world;
    }

    /** @return the config */
    public Grid2Config config() {
        return config;
    }
}
