package dev.mawm.envs.collect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.envs.Envs;
import dev.mawm.envs.Seeds;
import dev.mawm.envs.cartpole.CartPoleEnv;
import dev.mawm.envs.cartpole.CartPoleStep;
import dev.mawm.envs.data.Dataset;
import dev.mawm.envs.data.DatasetSchema;
import dev.mawm.envs.grid2.Grid2Env;
import dev.mawm.envs.grid2.Grid2Scenarios;
import dev.mawm.envs.grid2.Grid2View;
import dev.mawm.envs.grid2.Grid2World;
import dev.mawm.envs.grid2.Grid2StepResult;
import dev.mawm.models.config.CartPoleConfig;
import dev.mawm.models.config.CollectConfig;
import dev.mawm.models.config.Grid2Config;
import dev.mawm.models.config.MawmConfig;
import dev.mawm.models.progress.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCollectorTest {
    @TempDir
    Path dir;

    @Test
    void commScenarioShareDrawsThatShareOfEpisodesWithTheGoalInExactlyOneInitialView() throws IOException {
        Grid2Config cfg = Grid2Config.defaults();
        CollectConfig cc = new CollectConfig(8, "oracle", 4, "comm:0.5");
        CollectSummary s = DatasetCollector.grid2(cfg, cc, dir.resolve("c.bin"), ProgressListener.NONE);
        Dataset ds = Dataset.read(s.file());
        assertEquals("comm:0.5", ds.header().scenario());
        int[] starts = ds.episodeStarts();
        int[] pos = ds.column(DatasetSchema.POS).ints();
        int comm = 0;
        for (int e = 0; e < 8; e++) {
            Grid2World map = cc.commEpisode(e) ? Grid2Scenarios.goalSeenByExactlyOne(cfg, Seeds.mix(4, e)).world()
                    : Grid2World.generate(cfg, Seeds.mix(4, e));
            int r = starts[e];
            assertEquals(map.start(0).x(), pos[r * 4]);
            assertEquals(map.start(1).y(), pos[r * 4 + 3]);
            if (cc.commEpisode(e)) {
                comm++;
                assertTrue(Grid2View.inView(map.start(0), map.goal(), cfg.viewSize()) != Grid2View.inView(map.start(1), map.goal(), cfg.viewSize()));
            }
        }
        assertEquals(4, comm);
        assertEquals("random", Dataset.read(DatasetCollector.grid2(cfg, new CollectConfig(2, "oracle", 4), dir.resolve("r.bin"),
                ProgressListener.NONE).file()).header().scenario());
        assertEquals(1.0, CollectConfig.commShare("comm"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new CollectConfig(5, "oracle", 0, "comm:2"))
                .getMessage().contains("collect.scenario"));
        assertThrows(IllegalArgumentException.class, () -> new CollectConfig(5, "oracle", 0, "maze"));
    }

    @Test
    void grid2DatasetReplaysBitExactly() throws IOException {
        Grid2Config cfg = Grid2Config.defaults();
        CollectSummary s = DatasetCollector.grid2(cfg, new CollectConfig(6, "mixed:0.5", 3), dir.resolve("g.bin"), ProgressListener.NONE);
        Dataset ds = Dataset.read(s.file()).requireEnv("grid2");
        assertEquals(cfg, ds.header().envConfig(Grid2Config.class));
        assertEquals(6, ds.header().episodes());
        assertEquals(s.rows(), ds.header().rows());
        assertEquals(s.transitions() + 6, s.rows());
        assertEquals(Files.size(s.file()), s.fileBytes());
        int[] starts = ds.episodeStarts();
        byte[] obs = ds.column(DatasetSchema.OBS).bytes();
        float[] obsF = ds.column(DatasetSchema.OBS).unitFloats();
        int[] pos = ds.column(DatasetSchema.POS).ints();
        byte[] msg = ds.column(DatasetSchema.MSG).bytes();
        int[] action = ds.column(DatasetSchema.ACTION).ints();
        float[] reward = ds.column(DatasetSchema.REWARD).floats();
        int[] step = ds.column(DatasetSchema.STEP).ints();
        byte[] term = ds.column(DatasetSchema.TERMINATED).bytes();
        byte[] trunc = ds.column(DatasetSchema.TRUNCATED).bytes();
        double total = 0;
        for (int e = 0; e < 6; e++) {
            Grid2Env env = Grid2Env.generate(cfg, Seeds.mix(3, e));
            for (int r = starts[e]; r < starts[e + 1]; r++) {
                assertEquals(r - starts[e], step[r]);
                for (int a = 0; a < 2; a++) {
                    float[] img = env.image(a);
                    for (int i = 0; i < img.length; i++) {
                        assertEquals(Float.floatToRawIntBits(img[i]), Float.floatToRawIntBits(obsF[(r * 2 + a) * 2352 + i]));
                    }
                    assertEquals(env.position(a).x(), pos[r * 4 + 2 * a]);
                    assertEquals(env.position(a).y(), pos[r * 4 + 2 * a + 1]);
                    int[] m = env.message(a);
                    for (int i = 0; i < 49; i++) {
                        assertEquals(m[i], msg[(r * 2 + a) * 49 + i]);
                    }
                }
                boolean last = r == starts[e + 1] - 1;
                assertEquals(last, env.done());
                if (last) {
                    assertArrayEquals(new int[] {-1, -1}, Arrays.copyOfRange(action, 2 * r, 2 * r + 2));
                    assertEquals(env.terminated() ? 1 : 0, term[r]);
                    assertEquals(env.truncated() ? 1 : 0, trunc[r]);
                } else {
                    assertEquals(0, term[r] + trunc[r]);
                    Grid2StepResult res = env.step(action[2 * r], action[2 * r + 1]);
                    assertEquals((float) res.reward0(), reward[2 * r]);
                    assertEquals((float) res.reward1(), reward[2 * r + 1]);
                    total += res.teamReward();
                }
            }
        }
        assertEquals(total / 6, s.meanReturn(), 1e-9);
        assertTrue(obs.length == s.rows() * 2 * 3 * 28 * 28);
    }

    @Test
    void cartpoleDatasetReplaysBitExactly() throws IOException {
        CartPoleConfig cfg = CartPoleConfig.defaults();
        CollectSummary s = DatasetCollector.cartpole(cfg, new CollectConfig(20, "mixed:0.5", 8), dir.resolve("c.bin"), ProgressListener.NONE);
        Dataset ds = Dataset.read(s.file()).requireEnv("cartpole");
        int[] starts = ds.episodeStarts();
        float[] obs = ds.column(DatasetSchema.OBS).floats();
        int[] action = ds.column(DatasetSchema.ACTION).ints();
        float[] reward = ds.column(DatasetSchema.REWARD).floats();
        byte[] term = ds.column(DatasetSchema.TERMINATED).bytes();
        int lengths = 0;
        CartPoleEnv env = new CartPoleEnv(cfg);
        for (int e = 0; e < 20; e++) {
            float[] o = env.reset(Seeds.mix(8, e));
            for (int r = starts[e]; r < starts[e + 1]; r++) {
                assertArrayEquals(o, Arrays.copyOfRange(obs, 4 * r, 4 * r + 4), 0f);
                if (r == starts[e + 1] - 1) {
                    assertEquals(-1, action[r]);
                    assertEquals(env.terminated() ? 1 : 0, term[r]);
                } else {
                    CartPoleStep st = env.step(action[r]);
                    assertEquals(1f, reward[r]);
                    o = st.observation();
                }
            }
            assertTrue(env.done());
            lengths += env.steps();
        }
        assertEquals(s.transitions(), lengths);
        assertEquals(lengths / 20.0, s.meanReturn(), 1e-9);
    }

    @Test
    void sameSeedSameBytesAndPoliciesBehaveAsDocumented() throws IOException {
        CollectConfig cc = new CollectConfig(5, "mixed:0.3", 11);
        Path a = dir.resolve("a.bin");
        Path b = dir.resolve("b.bin");
        Envs.get("grid2").collect(MawmConfig.defaults(), cc, a, ProgressListener.NONE);
        Envs.get("grid2").collect(MawmConfig.defaults(), cc, b, ProgressListener.NONE);
        assertEquals(-1L, Files.mismatch(a, b));

        CollectSummary oracle = DatasetCollector.grid2(Grid2Config.defaults(), new CollectConfig(20, "oracle", 1), dir.resolve("o.bin"), ProgressListener.NONE);
        assertEquals(1.0, oracle.successRate());
        CollectSummary random = DatasetCollector.grid2(Grid2Config.defaults(), new CollectConfig(20, "random", 1), dir.resolve("r.bin"), ProgressListener.NONE);
        assertTrue(random.successRate() < 0.5, "random " + random.successRate());
        assertTrue(random.meanSteps() > oracle.meanSteps());

        CollectSummary cpOracle = DatasetCollector.cartpole(CartPoleConfig.centred(500, 0.05), new CollectConfig(5, "oracle", 1), dir.resolve("co.bin"), ProgressListener.NONE);
        assertEquals(500.0, cpOracle.meanSteps(), "the centring controller balances for the full 500 steps");
        CollectSummary cpRandom = DatasetCollector.cartpole(CartPoleConfig.defaults(), new CollectConfig(50, "random", 1), dir.resolve("cr.bin"), ProgressListener.NONE);
        assertTrue(cpRandom.meanSteps() < 60, "random cartpole lasts about 22 steps, got " + cpRandom.meanSteps());
    }

    @Test
    void cartpoleSetPointsCoverTheTrackAndItsEnds() throws IOException {
        CollectConfig cc = new CollectConfig(100, "mixed:0.3", 4);
        double[] spread = trackCoverage(DatasetCollector.cartpole(CartPoleConfig.defaults(), cc, dir.resolve("t.bin"), ProgressListener.NONE));
        double[] centred = trackCoverage(DatasetCollector.cartpole(CartPoleConfig.centred(500, 0.05), cc, dir.resolve("z.bin"), ProgressListener.NONE));
        assertEquals(0.0, centred[0], "the centring controller never reaches the track end");
        assertEquals(0.0, centred[1], "nor |x| > 1.5");
        assertTrue(spread[0] >= 0.1, "set-points in [-3, 3] end >= 10 % of the episodes at the track end, got " + spread[0]);
        assertTrue(spread[1] >= 0.05, "and >= 5 % of the rows have |x| > 1.5, got " + spread[1]);
        assertEquals(0.0, DatasetCollector.setPoint(CartPoleConfig.centred(500, 0.05), 7L));
        double p = DatasetCollector.setPoint(CartPoleConfig.defaults(), 7L);
        assertTrue(p != 0.0 && Math.abs(p) <= 3.0, "set-point " + p);
    }

    /** @return {share of episodes terminated with |x| > 2.4, share of rows with |x| > 1.5} */
    private static double[] trackCoverage(CollectSummary s) throws IOException {
        Dataset ds = Dataset.read(s.file()).requireEnv("cartpole");
        int[] starts = ds.episodeStarts();
        float[] obs = ds.column(DatasetSchema.OBS).floats();
        byte[] term = ds.column(DatasetSchema.TERMINATED).bytes();
        int ends = 0;
        int far = 0;
        for (int e = 0; e + 1 < starts.length; e++) {
            int last = starts[e + 1] - 1;
            ends += term[last] == 1 && Math.abs(obs[4 * last]) > 2.4 ? 1 : 0;
        }
        for (int r = 0; r < obs.length / 4; r++) {
            far += Math.abs(obs[4 * r]) > 1.5 ? 1 : 0;
        }
        return new double[] {ends / (double) (starts.length - 1), far / (double) (obs.length / 4)};
    }

    @Test
    void badArgumentsAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Envs.get("atari"))
                .getMessage().contains("unknown env 'atari', expected one of [grid2, cartpole]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new CollectConfig(5, "greedy", 0))
                .getMessage().contains("random, oracle or mixed:EPS"));
        assertThrows(IllegalArgumentException.class, () -> new CollectConfig(5, "mixed:x", 0));
        assertThrows(IllegalArgumentException.class, () -> new CollectConfig(0, "random", 0));
    }
}
