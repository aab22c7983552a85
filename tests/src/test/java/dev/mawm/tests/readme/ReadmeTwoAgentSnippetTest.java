package dev.mawm.tests.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.cli.eval.ShippedBundles;
import dev.mawm.cli.eval.grid2.Grid2Reports;
import dev.mawm.envs.grid2.Grid2Env;
import dev.mawm.envs.grid2.Grid2Scenarios;
import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.config.CemConfig;
import dev.mawm.models.config.Grid2Config;
import dev.mawm.planner.team.AgentPlanner;
import dev.mawm.planner.team.CommMode;
import dev.mawm.planner.team.TeamPlanner;
import dev.mawm.runtime.EngineOptions;
import dev.mawm.runtime.swap.BundleHolder;
import dev.mawm.runtime.swap.SwappingTeamModel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's two-agent game loop, as written there, on the shipped grid2 bundle. */
class ReadmeTwoAgentSnippetTest {
    @Test
    void readmeTwoAgentLoopPlaysAnEpisode() {
        Path dir = ShippedBundles.grid2();
        Grid2Config grid = Grid2Reports.bundleDefaults(BundleManifest.read(dir)).grid2();
        long calls;
        long generation;
        int ticks = 0;
        try (BundleHolder holder = BundleHolder.open(dir, EngineOptions.defaults());
             SwappingTeamModel model = new SwappingTeamModel(holder, holder.manifest().planningDefaults().discount())) {
            CemConfig cem = holder.manifest().planningDefaults();
            CommMode mode = CommMode.first();
            AgentPlanner[] agents = {new AgentPlanner(cem.withSeed(0), model, mode), new AgentPlanner(cem.withSeed(1), model, mode)};
            TeamPlanner team = new TeamPlanner(model, agents);
            Grid2Env env = new Grid2Env(Grid2Scenarios.goalSeenByExactlyOne(grid, 7).world(), grid);
            int[] actions = new int[2];
            for (int t = 0; !env.done(); t++) {
                if (t == 2) {
                    assertTrue(holder.swap(dir).accepted());
                }
                assertEquals(t == 2, model.refresh(), "tick " + t);
                for (int a = 0; a < 2; a++) {
                    agents[a].observe(t, observation(env, a), env.outgoingMessage(a));
                }
                if (mode.sendsMessageAt(t)) {
                    agents[0].receiveMessage(t, env.outgoingMessage(1));
                    agents[1].receiveMessage(t, env.outgoingMessage(0));
                }
                team.act(actions);
                env.step(actions);
                agents[0].receiveAction(actions[1]);
                agents[1].receiveAction(actions[0]);
                ticks++;
            }
            calls = model.scoreCalls();
            generation = model.generation();
            assertEquals(grid.width(), env.world().width());
        }
        assertTrue(ticks > 2, "the episode outlasts the swap at tick 2: " + ticks + " ticks");
        assertEquals(2, generation, "served the swapped-in bundle after tick 2");
        assertTrue(ticks >= 1 && ticks <= grid.stepLimit(), "ticks " + ticks);
        // both agents planned every tick, scored together: one fused-rollout call per CEM iteration
        assertEquals((long) ticks * Grid2Reports.bundleDefaults(BundleManifest.read(dir)).cem().iterations(), calls);
    }

    private static float[] observation(Grid2Env env, int agent) {
        float[] image = env.image(agent);
        float[] obs = java.util.Arrays.copyOf(image, image.length + 2);
        obs[image.length] = env.position(agent).x();
        obs[image.length + 1] = env.position(agent).y();
        return obs;
    }
}
