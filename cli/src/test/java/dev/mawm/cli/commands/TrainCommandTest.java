package dev.mawm.cli.commands;

import static dev.mawm.cli.CliRun.mawm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mawm.cli.CliRun;
import dev.mawm.models.checkpoint.Checkpoint;
import dev.mawm.training.TrainingFamilies;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
    @TempDir
    Path dir;

    @Test
    void collectThenTrainATinyMlp() throws Exception {
        Path data = dir.resolve("c.bin");
        CliRun c = mawm("collect", "--env", "cartpole", "--episodes", "60", "--policy", "random",
                "--out", data.toString(), "--quiet");
        assertEquals(0, c.code(), c.err());
        Path out = dir.resolve("ck");
        CliRun r = mawm("train", "--family", "mlp", "--data", data.toString(), "--out", out.toString(),
                "--quiet", "--json", "--set", "train.steps=40", "--set", "train.evalEvery=20", "--set", "mlp.hidden=16",
                "--set", "mlp.ensemble=1");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("mlp", json.path("family").asText());
        assertEquals(40, json.path("steps").asInt());
        assertTrue(json.path("oneStepNormalizedMse").isNumber());
        assertEquals(1, Checkpoint.load(out).spec().networkAs(dev.mawm.models.config.MlpConfig.class).ensemble());
        assertTrue(Files.isRegularFile(out.resolve("loss.png")));
    }

    @Test
    void familyHelpListsTheRegisteredFamilies() {
        CliRun r = mawm("train", "--help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("A registered family: " + String.join(", ", TrainingFamilies.names())), r.out());
    }

    @Test
    void refusesAnUnknownFamilyAndAMissingDataset() {
        CliRun r = mawm("train", "--family", "dreamer", "--data", "x.bin", "--out", dir.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("--family must be one of " + TrainingFamilies.names()), r.err());
        CliRun m = mawm("train", "--family", "gru", "--data", dir.resolve("none.bin").toString(),
                "--out", dir.toString());
        assertEquals(1, m.code());
        assertTrue(m.err().contains("none.bin"), m.err());
    }

    @Test
    void anUnwritableOutputIsRefusedBeforeTraining() throws Exception {
        java.nio.file.Path blocker = java.nio.file.Files.writeString(dir.resolve("blocker"), "a file");
        CliRun r = mawm("train", "--family", "mlp", "--data", dir.resolve("none.bin").toString(),
                "--out", blocker.resolve("ck").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("cannot write the checkpoint to " + blocker.resolve("ck").toAbsolutePath()
                + ": cannot create the directory") && r.err().contains("checked before training"), r.err());
        assertTrue(!r.err().contains("none.bin"), "the output is checked before the dataset is even read: " + r.err());
    }
}
