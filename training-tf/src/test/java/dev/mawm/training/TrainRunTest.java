package dev.mawm.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mawm.models.checkpoint.Checkpoint;
import dev.mawm.models.config.MawmConfig;
import dev.mawm.models.nn.Networks;
import dev.mawm.models.nn.mlp.MlpEnsemble;
import dev.mawm.models.progress.ProgressListener;
import dev.mawm.training.loop.LossPlot;
import dev.mawm.training.loop.TrainResult;
import dev.mawm.training.loop.TrainState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mawm train} end to end on small CartPole datasets: the quality bars at test scale, bit-identical
 * weights for the same seed, resume equal to an uninterrupted run, and refusals.
 */
class TrainRunTest {
    @TempDir
    static Path shared;
    static Path data;

    @TempDir
    Path dir;

    @BeforeAll
    static void collect() {
        data = Fixtures.cartpole(shared.resolve("random.bin"), 300, "random", 11);
    }

    private static TrainResult train(String family, Path out, MawmConfig cfg, boolean resume) {
        return TrainRun.run(family, data, out, cfg, resume, ProgressListener.NONE);
    }

    @Test
    void mlpLearnsCartPoleDynamics() throws Exception {
        Path out = dir.resolve("mlp");
        // lookahead 1: on random data (episodes of ~22 steps) the default lookahead 10 labels half the transitions done,
        // and this test is about the dynamics
        double initial = train("mlp", dir.resolve("one"), Fixtures.small("train.steps=1", "train.evalEvery=1", "mlp.doneLookahead=1"), false).valLoss();
        TrainResult r = train("mlp", out, Fixtures.small("mlp.doneLookahead=1"), false);
        // 600 steps must cut the validation loss of the (one-step-trained) initial model 20-fold
        assertTrue(r.valLoss() <= initial / 20, "validation loss " + r.valLoss() + " vs initial " + initial);
        double nmse = (double) r.metrics().get("oneStepNormalizedMse");
        assertTrue(nmse <= 0.01, "one-step normalized MSE " + nmse);
        double copy = (double) r.metrics().get("copyBaselineNormalizedMse");
        assertTrue(nmse < copy / 10, "beats the copy baseline " + copy + " by 10x: " + nmse);
        double open = (double) r.metrics().get("openLoop10NormalizedError");
        assertTrue(open > nmse && open < 0.1, "10-step open-loop error " + open);
        assertTrue((double) r.metrics().get("doneAccuracy") >= 0.9);
        assertTrue((double) r.metrics().get("rewardMae") < 0.2);
        assertTrue((double) r.metrics().get("disagreementMean") > 0);

        Checkpoint ck = Checkpoint.load(out);
        assertEquals("mlp", ck.spec().family());
        assertEquals(64, ck.spec().datasetSha256().length());
        MlpEnsemble net = (MlpEnsemble) Networks.create(ck.spec());
        assertEquals(2, net.size());
        JsonNode metrics = new ObjectMapper().readTree(out.resolve(Checkpoint.METRICS_FILE).toFile());
        assertEquals(nmse, metrics.get("oneStepNormalizedMse").asDouble());
        assertEquals(r.history().size(), metrics.get("history").size());
        byte[] png = Files.readAllBytes(out.resolve(LossPlot.FILE));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
    }

    @Test
    void gruFallsFarBelowThePredictTheMeanBaseline() {
        TrainResult r = train("gru", dir.resolve("gru"), Fixtures.small("train.batch=32"), false);
        double loss = (double) r.metrics().get("valStateLoss");
        double baseline = (double) r.metrics().get("meanBaselineStateLoss");
        assertTrue(baseline > 0.5, "the mean baseline of a normalized target is about 1: " + baseline);
        assertTrue(loss < baseline / 20, "gru state loss " + loss + " vs predict-the-mean " + baseline);
    }

    @Test
    void sameSeedGivesBitIdenticalWeightsAndResumeEqualsUninterrupted() throws Exception {
        MawmConfig cfg = Fixtures.small("train.steps=300");
        train("mlp", dir.resolve("a"), cfg, false);
        train("mlp", dir.resolve("b"), cfg, false);
        byte[] a = Files.readAllBytes(dir.resolve("a").resolve(Checkpoint.WEIGHTS_FILE));
        assertArrayEquals(a, Files.readAllBytes(dir.resolve("b").resolve(Checkpoint.WEIGHTS_FILE)));
        train("mlp", dir.resolve("c"), Fixtures.small("train.steps=300", "train.seed=1"), false);
        assertFalse(Arrays.equals(a, Files.readAllBytes(dir.resolve("c").resolve(Checkpoint.WEIGHTS_FILE))), "another seed, other weights");

        // 200 steps, then resume to 300: the same bytes as 300 steps in one go
        Path resumed = dir.resolve("r");
        TrainResult part = train("mlp", resumed, Fixtures.small("train.steps=200"), false);
        assertEquals(200, part.steps());
        TrainResult rest = train("mlp", resumed, cfg, true);
        assertEquals(300, rest.steps());
        assertEquals(3, rest.history().size());
        assertArrayEquals(a, Files.readAllBytes(resumed.resolve(Checkpoint.WEIGHTS_FILE)));
        TrainState whole = TrainState.load(dir.resolve("a").resolve(TrainState.FILE));
        TrainState joined = TrainState.load(resumed.resolve(TrainState.FILE));
        assertEquals(whole.step(), joined.step());
        assertEquals(whole.history(), joined.history(), "same losses at every evaluation");
        assertEquals(whole.optimizer(), joined.optimizer(), "same Adam moments and step count");
        assertEquals(whole.weights(), joined.weights());
    }

    @Test
    void refusesWrongInputs() throws Exception {
        Path grid = Fixtures.grid2(dir.resolve("grid.bin"));
        IllegalArgumentException env = assertThrows(IllegalArgumentException.class,
                () -> TrainRun.run("mlp", grid, dir.resolve("x"), Fixtures.small(), false, ProgressListener.NONE));
        assertTrue(env.getMessage().contains("holds env 'grid2'"), env.getMessage());
        IllegalArgumentException fam = assertThrows(IllegalArgumentException.class, () -> train("dreamer", dir.resolve("x"), Fixtures.small(), false));
        assertTrue(fam.getMessage().contains("unknown model family 'dreamer'"), fam.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> train("mlp", dir.resolve("empty"), Fixtures.small(), true));
        assertTrue(none.getMessage().contains("cannot resume"), none.getMessage());

        Path out = dir.resolve("ok");
        MawmConfig tiny = Fixtures.small("train.steps=20", "train.evalEvery=10");
        train("mlp", out, tiny, false);
        IllegalArgumentException net = assertThrows(IllegalArgumentException.class, () -> train("mlp", out,
                Fixtures.small("train.steps=20", "train.evalEvery=10", "mlp.hidden=32"), true));
        assertTrue(net.getMessage().contains("network config changed"), net.getMessage());
        Path other = Fixtures.cartpole(dir.resolve("other.bin"), 20, "random", 99);
        IllegalArgumentException ds = assertThrows(IllegalArgumentException.class,
                () -> TrainRun.run("mlp", other, out, tiny, true, ProgressListener.NONE));
        assertTrue(ds.getMessage().contains("another dataset"), ds.getMessage());
        Path state = out.resolve(TrainState.FILE);
        byte[] bytes = Files.readAllBytes(state);
        Files.write(state, Arrays.copyOf(bytes, bytes.length / 2));
        IllegalArgumentException corrupt = assertThrows(IllegalArgumentException.class, () -> train("mlp", out, tiny, true));
        assertTrue(corrupt.getMessage().contains(state.toString()), corrupt.getMessage());
        Files.write(out.resolve(Checkpoint.WEIGHTS_FILE), new byte[] {1, 2, 3});
        IllegalArgumentException ck = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(out));
        assertTrue(ck.getMessage().contains("truncated"), ck.getMessage());
    }
}
