package dev.mawm.cli.eval.grid2;

import dev.mawm.envs.grid2.Grid2Env;
import dev.mawm.envs.grid2.GridPos;

/**
 * How the grid2 planner's observation of agent a is built from the environment, per model family
 * ({@link Grid2TeamModel}): always the agent's own view and its own x, y, never the other's.
 */
enum Grid2Observation {
    /** jepa2: the view image {@code [3,S,S]} (CHW floats in [0, 1], {@link Grid2Env#image}), then x, y. */
    IMAGE {
        @Override
        void write(Grid2Env env, int agent, float[] out) {
            float[] image = env.image(agent);
            System.arraycopy(image, 0, out, 0, image.length);
            position(env, agent, out, image.length);
        }
    },
    /** iris: the view's object types {@code [V·V]} (row-major, {@link Grid2Env#message}) as floats, then x, y. */
    TOKENS {
        @Override
        void write(Grid2Env env, int agent, float[] out) {
            int[] window = env.message(agent);
            for (int k = 0; k < window.length; k++) {
                out[k] = window[k];
            }
            position(env, agent, out, window.length);
        }
    };

    /**
     * @param env   the environment
     * @param agent 0 or 1
     * @param out   written: the observation (its length is the model's observation size)
     */
    abstract void write(Grid2Env env, int agent, float[] out);

    private static void position(Grid2Env env, int agent, float[] out, int at) {
        GridPos p = env.position(agent);
        out[at] = p.x();
        out[at + 1] = p.y();
    }
}
