package dev.mawm.envs.grid2;

import dev.mawm.models.config.Grid2Config;

/**
 * The information-limited oracle of DESIGN §9: one agent that acts on a {@link BeliefMap} of what
 * it saw and was told, the best any world model could do with that information.
 *
 * <p>Each tick the driver calls {@link #observe} with the agent's own window and position, then
 * {@link #receive} for each message that arrived, then {@link #act}. Policy: on the goal, stay;
 * when the goal is known, follow a shortest path on the belief map (unknown cells free, known
 * walls blocked), ties by action order up, down, left, right; otherwise go toward the nearest
 * frontier ({@link BeliefMap#stepTowardFrontier}). It replans from scratch every tick and uses no
 * randomness.
 *
 * <p>Placing a message: with the sender's position (51 integers) the window goes there. A bare
 * window (49 integers) can be placed only when the offset between the agents is known from the
 * current tick: the receiver sees the sender (type 4) in its own window, or the sender's window
 * shows the receiver (type 4). Otherwise the message is discarded. (Agents on the same cell do not
 * see each other, and an agent on the goal shows as the goal, so those cases discard too.)
 */
public final class InformedOracle {
    private final int viewSize;
    private final int width;
    private final int height;
    private final boolean messagePosition;
    private final BeliefMap belief;
    private int[] window;
    private GridPos self;
    private int received;
    private int placed;

    /**
     * An oracle that knows nothing yet.
     *
     * @param width           grid width
     * @param height          grid height
     * @param viewSize        window side V
     * @param messagePosition whether the messages it receives carry the sender's position ({@code V·V + 2} integers)
     */
    public InformedOracle(int width, int height, int viewSize, boolean messagePosition) {
        this.width = width;
        this.height = height;
        this.viewSize = viewSize;
        this.messagePosition = messagePosition;
        this.belief = new BeliefMap(width, height);
    }

    /**
     * An oracle for an environment's grid size, view size and message form.
     *
     * @param env the environment
     * @return the oracle
     */
    public static InformedOracle forEnv(Grid2Env env) {
        Grid2Config c = env.config();
        return new InformedOracle(env.world().width(), env.world().height(), c.viewSize(), c.messagePosition());
    }

    /**
     * Records the agent's own view of this tick.
     *
     * @param ownWindow the agent's window {@code [V·V]} ({@link Grid2Env#message})
     * @param ownCell   the agent's absolute cell
     */
    public void observe(int[] ownWindow, GridPos ownCell) {
        belief.place(ownWindow, ownCell, viewSize);
        this.window = ownWindow.clone();
        this.self = ownCell;
    }

    /**
     * Receives the other agent's message of this tick (after {@link #observe}).
     *
     * @param message {@code V·V + 2} or {@code V·V} integers, as configured
     * @return whether the message could be placed on the belief map
     * @throws IllegalArgumentException for a malformed message
     * @throws IllegalStateException    before the first {@link #observe}
     */
    public boolean receive(int[] message) {
        if (self == null) {
            throw new IllegalStateException("informed oracle: observe() must come before receive() in a tick");
        }
        Grid2Message.validate(message, viewSize, width, height, messagePosition);
        received++;
        int[] other = Grid2Message.window(message, viewSize);
        GridPos sender = messagePosition ? Grid2Message.position(message) : inferSender(other);
        if (sender == null) {
            return false;
        }
        belief.place(other, sender, viewSize);
        placed++;
        return true;
    }

    /**
     * Receives the other agent's message as a program codec decoded it (docs/program-messages.md): as {@link #receive},
     * but cells may also hold {@link BeliefMap#NOT_SAID} (5, what the program does not say), which are not placed.
     *
     * @param decoded {@code V·V + 2} or {@code V·V} integers, cells in 0..5
     * @return whether the message could be placed on the belief map
     * @throws IllegalArgumentException for a malformed message
     * @throws IllegalStateException    before the first {@link #observe}
     */
    public boolean receiveDecoded(int[] decoded) {
        if (self == null) {
            throw new IllegalStateException("informed oracle: observe() must come before receiveDecoded() in a tick");
        }
        int[] said = decoded.clone();
        for (int i = 0; i < Math.min(said.length, viewSize * viewSize); i++) {
            said[i] = said[i] == BeliefMap.NOT_SAID ? ObjectTypes.EMPTY : said[i];
        }
        Grid2Message.validate(said, viewSize, width, height, messagePosition); // length, types, position
        received++;
        int[] other = java.util.Arrays.copyOf(decoded, viewSize * viewSize);
        GridPos sender = messagePosition ? Grid2Message.position(decoded) : inferSender(other);
        if (sender == null) {
            return false;
        }
        belief.placeKnown(other, sender, viewSize);
        placed++;
        return true;
    }

    private GridPos inferSender(int[] other) {
        int half = viewSize / 2;
        int mine = indexOf(window, ObjectTypes.AGENT);
        if (mine >= 0) {
            return new GridPos(self.x() - half + mine % viewSize, self.y() - half + mine / viewSize);
        }
        int theirs = indexOf(other, ObjectTypes.AGENT);
        if (theirs >= 0) {
            return new GridPos(self.x() + half - theirs % viewSize, self.y() + half - theirs / viewSize);
        }
        return null;
    }

    private static int indexOf(int[] cells, int type) {
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] == type) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The action for this tick.
     *
     * @return an action 0..4
     * @throws IllegalStateException before the first {@link #observe}
     */
    public int act() {
        if (self == null) {
            throw new IllegalStateException("informed oracle: observe() must come before act()");
        }
        GridPos goal = belief.goal();
        if (goal != null) {
            if (goal.equals(self)) {
                return Grid2Actions.STAY;
            }
            int[] d = belief.distancesTo(goal);
            int here = d[self.y() * width + self.x()];
            if (here > 0) {
                for (int a = Grid2Actions.UP; a < Grid2Actions.COUNT; a++) {
                    int nx = self.x() + Grid2Actions.dx(a);
                    int ny = self.y() + Grid2Actions.dy(a);
                    if (belief.passable(nx, ny) && d[ny * width + nx] == here - 1) {
                        return a;
                    }
                }
            }
        }
        return belief.stepTowardFrontier(self);
    }

    /** @return the belief map (live; read only by convention) */
    public BeliefMap belief() {
        return belief;
    }

    /** @return messages received so far */
    public int messagesReceived() {
        return received;
    }

    /** @return messages placed on the belief map so far (the rest were discarded) */
    public int messagesPlaced() {
        return placed;
    }
}
