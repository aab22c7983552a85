package dev.mawm.envs.grid2;

/** The five grid2 actions per agent: 0 stay, 1 up (y−1, north), 2 down, 3 left (x−1), 4 right. */
public final class Grid2Actions {
    /** Do not move. */
    public static final int STAY = 0;
    /** Move north ({@code y − 1}). */
    public static final int UP = 1;
    /** Move south ({@code y + 1}). */
    public static final int DOWN = 2;
    /** Move west ({@code x − 1}). */
    public static final int LEFT = 3;
    /** Move east ({@code x + 1}). */
    public static final int RIGHT = 4;
    /** Number of actions. */
    public static final int COUNT = 5;

    private static final int[] DX = {0, 0, 0, -1, 1};
    private static final int[] DY = {0, -1, 1, 0, 0};
    private static final String[] NAMES = {"stay", "up", "down", "left", "right"};

    private Grid2Actions() {
    }

    /**
     * @param action an action 0..4
     * @return its x displacement
     */
    public static int dx(int action) {
        require(action);
        return DX[action];
    }

    /**
     * @param action an action 0..4
     * @return its y displacement
     */
    public static int dy(int action) {
        require(action);
        return DY[action];
    }

    /**
     * @param action an action 0..4
     * @return its name
     */
    public static String name(int action) {
        require(action);
        return NAMES[action];
    }

    /**
     * @param action the value to check
     * @throws IllegalArgumentException when outside 0..4
     */
    public static void require(int action) {
        if (action < 0 || action >= COUNT) {
            throw new IllegalArgumentException("grid2 action must be in 0..4 (0 stay, 1 up, 2 down, 3 left, 4 right), got " + action);
        }
    }
}
