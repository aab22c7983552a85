package dev.mawm.cli.eval.grid2;

import dev.mawm.envs.grid2.Grid2Env;
import dev.mawm.envs.grid2.Grid2Oracle;
import dev.mawm.envs.grid2.Grid2World;
import java.util.SplittableRandom;

/** The reference policies: uniform random actions, and the full-map BFS oracle (the upper bound). */
final class BaselinePolicies {
    private BaselinePolicies() {
    }

    /** @return uniform random actions per agent */
    static TeamPolicy random() {
        return new Simple("random") {
            private SplittableRandom rng;

            @Override
            public void reset(Grid2Env env, long seed) {
                rng = new SplittableRandom(seed);
            }

            @Override
            public void act(Grid2Env env, int[] out) {
                for (int a = 0; a < Grid2World.AGENTS; a++) {
                    out[a] = rng.nextInt(5);
                }
            }
        };
    }

    /** @return each agent on a shortest path of the full map (an arrived agent stays) */
    static TeamPolicy oracle() {
        return new Simple("oracle") {
            @Override
            public void reset(Grid2Env env, long seed) {
            }

            @Override
            public void act(Grid2Env env, int[] out) {
                for (int a = 0; a < Grid2World.AGENTS; a++) {
                    out[a] = env.arrived(a) ? 0 : Grid2Oracle.action(env.world(), env.position(a));
                }
            }
        };
    }

    private abstract static class Simple implements TeamPolicy {
        private final String name;

        Simple(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void afterStep(Grid2Env env, int[] actions) {
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
}
