package dev.mawm.envs.grid2;

/** The five grid2 object types, in the order DESIGN §4 fixes (they index one-hot channels). */
public final class ObjectTypes {
    /** Nothing: walkable. */
    public static final int EMPTY = 0;
    /** A wall, and every cell outside the grid. */
    public static final int OBSTACLE = 1;
    /** A static item: walkable scenery. */
    public static final int ITEM = 2;
    /** The goal cell. */
    public static final int GOAL = 3;
    /** The other agent (never the viewing agent itself). */
    public static final int AGENT = 4;
    /** Number of object types (one-hot channels). */
    public static final int COUNT = 5;

    private static final String[] NAMES = {"empty", "obstacle", "item", "goal", "agent"};

    private ObjectTypes() {
    }

    /**
     * @param type an object type 0..4
     * @return its lower-case name
     * @throws IllegalArgumentException for a type outside 0..4
     */
    public static String name(int type) {
        require(type, "object type");
        return NAMES[type];
    }

    /**
     * Checks a type.
     *
     * @param type the value
     * @param what what the value is, for the message
     * @throws IllegalArgumentException when outside 0..4
     */
    public static void require(int type, String what) {
        if (type < 0 || type >= COUNT) {
            throw new IllegalArgumentException(what + " must be an object type in 0..4 (0 empty, 1 obstacle, 2 item, 3 goal, 4 agent), got " + type);
        }
    }
}
