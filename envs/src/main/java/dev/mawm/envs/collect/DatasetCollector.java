package dev.mawm.envs.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mawm.envs.Envs;
import dev.mawm.envs.Seeds;
import dev.mawm.envs.cartpole.CartPoleController;
import dev.mawm.envs.cartpole.CartPoleEnv;
import dev.mawm.envs.cartpole.CartPoleStep;
import dev.mawm.envs.data.DatasetSchema;
import dev.mawm.envs.data.DatasetWriter;
import dev.mawm.envs.grid2.Grid2Actions;
import dev.mawm.envs.grid2.Grid2Env;
import dev.mawm.envs.grid2.Grid2Policies;
import dev.mawm.envs.grid2.Grid2Policy;
import dev.mawm.envs.grid2.Grid2Scenarios;
import dev.mawm.envs.grid2.Grid2StepResult;
import dev.mawm.envs.grid2.Grid2World;
import dev.mawm.models.config.CartPoleConfig;
import dev.mawm.models.config.CollectConfig;
import dev.mawm.models.config.Grid2Config;
import dev.mawm.models.progress.ProgressListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Collects datasets, one method per environment ({@link dev.mawm.envs.Env#collect} calls them; format: {@code docs/dataset-format.md}, fields: {@link DatasetSchema}).
 *
 * <p>Policies: grid2 {@code random} (uniform per agent), {@code oracle} (full-map BFS), {@code mixed:EPS}
 * (per agent and step: random with probability EPS, else oracle). CartPole {@code random} (fair
 * coin), {@code oracle} ({@link CartPoleController}, a hand-written linear controller),
 * {@code mixed:EPS} (random with probability EPS, else the controller). The CartPole controller steers to a set-point
 * drawn per episode, uniform in {@code [−cartpole.targetRange, targetRange]} (0: the centre).
 */
public final class DatasetCollector {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DatasetCollector() {
    }

    /**
     * Collects grid2 episodes; episode e plays on the map {@code Grid2World.generate(config, Seeds.mix(seed, e))}, or, when
     * {@link CollectConfig#commEpisode} says so, on {@code Grid2Scenarios.goalSeenByExactlyOne(config, Seeds.mix(seed, e))}.
     *
     * @param config   the environment config
     * @param collect  episodes, policy and seed
     * @param out      the dataset file
     * @param progress receives one step per episode
     * @return the summary
     * @throws IOException when writing fails
     */
    public static CollectSummary grid2(Grid2Config config, CollectConfig collect, Path out, ProgressListener progress) throws IOException {
        Grid2Policy policy = Grid2Policies.parse(collect.policy());
        JsonNode cfg = JSON.valueToTree(config);
        int agents = Grid2World.AGENTS;
        int imageBytes = 3 * config.imageSize() * config.imageSize();
        int msgLen = config.viewSize() * config.viewSize();
        byte[] obs = new byte[agents * imageBytes];     // [2, 3, S, S]
        int[] pos = new int[agents * 2];               // [2, 2]
        byte[] msg = new byte[agents * msgLen];        // [2, V, V]
        byte[] arrived = new byte[agents];             // [2]
        int[] moveProgress = new int[agents * Grid2Actions.COUNT]; // [2, A]
        double returns = 0;
        long steps = 0;
        long successes = 0;
        progress.start("collect grid2", collect.episodes());
        try (DatasetWriter w = DatasetWriter.create(out, Envs.GRID2, cfg, collect.seed(), collect.policy(), collect.scenario(),
                DatasetSchema.grid2(config))) {
            for (int e = 0; e < collect.episodes(); e++) {
                long epSeed = Seeds.mix(collect.seed(), e);
                Grid2Env env = collect.commEpisode(e)
                        ? new Grid2Env(Grid2Scenarios.goalSeenByExactlyOne(config, epSeed).world(), config)
                        : Grid2Env.generate(config, epSeed);
                SplittableRandom rng = new SplittableRandom(Seeds.mix(epSeed, 1));
                while (true) {
                    for (int a = 0; a < agents; a++) {
                        env.imageU8(a, obs, a * imageBytes);
                        pos[2 * a] = env.position(a).x();
                        pos[2 * a + 1] = env.position(a).y();
                        int[] m = env.message(a);
                        for (int i = 0; i < msgLen; i++) {
                            msg[a * msgLen + i] = (byte) m[i];
                        }
                        arrived[a] = (byte) (env.arrived(a) ? 1 : 0);
                        for (int act = 0; act < Grid2Actions.COUNT; act++) {
                            moveProgress[a * Grid2Actions.COUNT + act] = env.progress(a, act);
                        }
                    }
                    w.put(0, new int[] {e});
                    w.put(1, new int[] {env.steps()});
                    w.put(2, obs);
                    w.put(3, pos);
                    w.put(4, msg);
                    w.put(5, arrived);
                    w.put(10, moveProgress);
                    if (env.done()) {
                        w.put(6, new int[] {-1, -1});
                        w.put(7, new float[] {0f, 0f});
                        w.put(8, new byte[] {(byte) (env.terminated() ? 1 : 0)});
                        w.put(9, new byte[] {(byte) (env.truncated() ? 1 : 0)});
                        w.endRow();
                        break;
                    }
                    int a0 = policy.act(env, 0, rng);
                    int a1 = policy.act(env, 1, rng);
                    Grid2StepResult r = env.step(a0, a1);
                    returns += r.teamReward();
                    w.put(6, new int[] {a0, a1});
                    w.put(7, new float[] {(float) r.reward0(), (float) r.reward1()});
                    w.put(8, new byte[] {0});
                    w.put(9, new byte[] {0});
                    w.endRow();
                }
                w.endEpisode();
                steps += env.steps();
                successes += env.terminated() ? 1 : 0;
                progress.step(e + 1, "");
            }
            long bytes = w.commit();
            long n = collect.episodes();
            return new CollectSummary(Envs.GRID2, collect.policy(), n, steps, steps + n, returns / n, (double) steps / n,
                    (double) successes / n, out, bytes);
        } finally {
            progress.finish();
        }
    }

    /**
     * Collects CartPole episodes; episode e resets with seed {@code Seeds.mix(seed, e)}.
     *
     * @param config   the environment config
     * @param collect  episodes, policy and seed
     * @param out      the dataset file
     * @param progress receives one step per episode
     * @return the summary
     * @throws IOException when writing fails
     */
    public static CollectSummary cartpole(CartPoleConfig config, CollectConfig collect, Path out, ProgressListener progress) throws IOException {
        double eps = CollectConfig.mixedEpsilon(collect.policy());
        JsonNode cfg = JSON.valueToTree(config);
        double returns = 0;
        long steps = 0;
        long full = 0;
        CartPoleEnv env = new CartPoleEnv(config);
        progress.start("collect cartpole", collect.episodes());
        try (DatasetWriter w = DatasetWriter.create(out, Envs.CARTPOLE, cfg, collect.seed(), collect.policy(), DatasetSchema.cartpole())) {
            for (int e = 0; e < collect.episodes(); e++) {
                long epSeed = Seeds.mix(collect.seed(), e);
                SplittableRandom rng = new SplittableRandom(Seeds.mix(epSeed, 1));
                float[] obs = env.reset(epSeed);
                double target = setPoint(config, epSeed);
                while (true) {
                    w.put(0, new int[] {e});
                    w.put(1, new int[] {env.steps()});
                    w.put(2, obs);
                    if (env.done()) {
                        w.put(3, new int[] {-1});
                        w.put(4, new float[] {0f});
                        w.put(5, new byte[] {(byte) (env.terminated() ? 1 : 0)});
                        w.put(6, new byte[] {(byte) (env.truncated() ? 1 : 0)});
                        w.endRow();
                        break;
                    }
                    int action = eps > 0 && (eps >= 1 || rng.nextDouble() < eps) ? rng.nextInt(2) : CartPoleController.action(obs, target);
                    CartPoleStep s = env.step(action);
                    returns += s.reward();
                    w.put(3, new int[] {action});
                    w.put(4, new float[] {(float) s.reward()});
                    w.put(5, new byte[] {0});
                    w.put(6, new byte[] {0});
                    w.endRow();
                    obs = s.observation();
                }
                w.endEpisode();
                steps += env.steps();
                full += env.steps() >= config.maxSteps() ? 1 : 0;
                progress.step(e + 1, "");
            }
            long bytes = w.commit();
            long n = collect.episodes();
            return new CollectSummary(Envs.CARTPOLE, collect.policy(), n, steps, steps + n, returns / n, (double) steps / n,
                    (double) full / n, out, bytes);
        } finally {
            progress.finish();
        }
    }

    /**
     * The controller's set-point of one CartPole episode: uniform in {@code [−targetRange, targetRange)} from its own
     * stream, so a range of 0 leaves every other draw (and the data of the centring controller) unchanged.
     */
    static double setPoint(CartPoleConfig config, long epSeed) {
        double r = config.targetRange();
        return r == 0.0 ? 0.0 : (new SplittableRandom(Seeds.mix(epSeed, 2)).nextDouble() * 2 - 1) * r;
    }
}
