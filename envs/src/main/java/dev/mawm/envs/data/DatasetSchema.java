package dev.mawm.envs.data;

import dev.mawm.envs.cartpole.CartPole;
import dev.mawm.envs.grid2.Grid2Actions;
import dev.mawm.envs.grid2.Grid2World;
import dev.mawm.models.config.Grid2Config;
import java.util.List;

/**
 * Field names and shapes of the datasets {@code mawm collect} writes (see {@code docs/dataset-format.md}).
 *
 * <p>One row per observation: an episode of T steps has T + 1 rows (step 0..T). Row k holds
 * observation k and the transition k → k+1 ({@code action}, {@code reward}); the last row holds the
 * final observation, {@code action = −1}, {@code reward = 0}, and {@code terminated}/{@code truncated}
 * (which are 0 on every other row).
 */
public final class DatasetSchema {
    /** i32 []: episode index 0..episodes−1. */
    public static final String EPISODE = "episode";
    /** i32 []: step index within the episode, 0..T. */
    public static final String STEP = "step";
    /** Observation: grid2 u8 [2, 3, S, S] (image, value/255 = float observation); cartpole f32 [4]. */
    public static final String OBS = "obs";
    /** grid2 i32 [2, 2]: each agent's absolute (x, y). */
    public static final String POS = "pos";
    /**
     * grid2 u8 [2, V, V]: each agent's window (object types, row-major): its message's first V·V
     * integers. The message it sends appends its {@link #POS} row when the header's
     * {@code envConfig.messagePosition} is true (the default), so both message forms are rebuilt from
     * the same data.
     */
    public static final String MSG = "msg";
    /** grid2 u8 [2]: whether each agent had reached the goal at this observation. */
    public static final String ARRIVED = "arrived";
    /** Action taken from this observation: grid2 i32 [2], cartpole i32 []; −1 on an episode's last row. */
    public static final String ACTION = "action";
    /** Reward of the transition from this row: grid2 f32 [2] (per agent), cartpole f32 []; 0 on the last row. */
    public static final String REWARD = "reward";
    /** u8 []: 1 on the last row when the episode ended in a terminal state (grid2: both arrived; cartpole: fell). */
    public static final String TERMINATED = "terminated";
    /** u8 []: 1 on the last row when the step limit ended the episode. */
    public static final String TRUNCATED = "truncated";
    /**
     * grid2 i32 [2, A]: for each agent and each of the A actions, the BFS steps toward the goal that action would make
     * from this observation ({@link dev.mawm.envs.grid2.Grid2Env#progress}: 1, 0 or −1; 0 once the agent has arrived),
     * taken or not: the counterfactual shaping labels only the simulator knows. Absent in files written before it existed.
     */
    public static final String PROGRESS = "progress";

    private DatasetSchema() {
    }

    /**
     * @param config the grid2 config (view size, pixels per cell)
     * @return the grid2 fields in file order
     */
    public static List<FieldSpec> grid2(Grid2Config config) {
        int a = Grid2World.AGENTS;
        int s = config.imageSize();
        int v = config.viewSize();
        return List.of(
                FieldSpec.of(EPISODE, DType.I32),
                FieldSpec.of(STEP, DType.I32),
                FieldSpec.of(OBS, DType.U8, a, 3, s, s),
                FieldSpec.of(POS, DType.I32, a, 2),
                FieldSpec.of(MSG, DType.U8, a, v, v),
                FieldSpec.of(ARRIVED, DType.U8, a),
                FieldSpec.of(ACTION, DType.I32, a),
                FieldSpec.of(REWARD, DType.F32, a),
                FieldSpec.of(TERMINATED, DType.U8),
                FieldSpec.of(TRUNCATED, DType.U8),
                FieldSpec.of(PROGRESS, DType.I32, a, Grid2Actions.COUNT));
    }

    /** @return the cartpole fields in file order */
    public static List<FieldSpec> cartpole() {
        return List.of(
                FieldSpec.of(EPISODE, DType.I32),
                FieldSpec.of(STEP, DType.I32),
                FieldSpec.of(OBS, DType.F32, CartPole.STATE_DIM),
                FieldSpec.of(ACTION, DType.I32),
                FieldSpec.of(REWARD, DType.F32),
                FieldSpec.of(TERMINATED, DType.U8),
                FieldSpec.of(TRUNCATED, DType.U8));
    }
}
