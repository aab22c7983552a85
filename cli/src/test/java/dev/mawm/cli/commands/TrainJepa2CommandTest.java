package dev.mawm.cli.commands;

import static dev.mawm.cli.CliRun.mawm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mawm.cli.CliRun;
import dev.mawm.models.checkpoint.Checkpoint;
import dev.mawm.models.config.Jepa2Config;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainJepa2CommandTest {
    @TempDir
    Path dir;

    @Test
    void collectGrid2ThenTrainQuickJepa2() throws Exception {
        Path data = dir.resolve("g.bin");
        CliRun c = mawm("collect", "--env", "grid2", "--episodes", "30", "--out", data.toString(), "--quiet");
        assertEquals(0, c.code(), c.err());
        Path out = dir.resolve("ck");
        CliRun r = mawm("train", "--family", "jepa2", "--data", data.toString(), "--out", out.toString(),
                "--quick", "--quiet", "--json", "--set", "train.evalEvery=50");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("jepa2", json.path("family").asText());
        assertEquals(Jepa2Config.quick().steps(), json.path("steps").asInt());
        assertTrue(json.path("rewardAuroc").isNumber(), json.toString());
        assertTrue(json.path("heldOut").isMissingNode(), "nested report stays in metrics.json");
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertEquals(3, metrics.path("heldOut").path("prediction").size());
        assertEquals(Jepa2Config.quick(), Checkpoint.load(out).spec().networkAs(dev.mawm.models.nn.jepa2.Jepa2Spec.class).config());
        assertTrue(Files.isRegularFile(out.resolve("loss.png")));
    }

    @Test
    void trainingWithCodecMixBuildsTheMessageEncoderWithTheUnknownCell() throws Exception {
        Path data = dir.resolve("g.bin");
        assertEquals(0, mawm("collect", "--env", "grid2", "--episodes", "12", "--out", data.toString(), "--quiet").code());
        Path cfg = dir.resolve("tiny.yaml"); // --quick replaces every jepa2 key, so the quick sizes come from a file
        Files.writeString(cfg, String.join("\n", "jepa2:", "  latent: 16", "  convChannels: 8", "  encoderHidden: 32",
                "  messageHidden: 32", "  projHidden: 32", "  proj: 16", "  attention: 16", "  heads: 2", "  actionEmbed: 8",
                "  predictorHidden: 32", "  headHidden: 32", "  seqLen: 4", "  batch: 8", "  steps: 30", "  loss:",
                "    sigregDirections: 32", "    codecMix: 0.5", ""));
        Path out = dir.resolve("ck6");
        CliRun r = mawm("train", "--family", "jepa2", "--data", data.toString(), "--out", out.toString(), "--config", cfg.toString(),
                "--quiet", "--json", "--set", "train.evalEvery=30");
        assertEquals(0, r.code(), r.err());
        dev.mawm.models.nn.jepa2.Jepa2Spec spec = Checkpoint.load(out).spec().networkAs(dev.mawm.models.nn.jepa2.Jepa2Spec.class);
        assertEquals(0.5, spec.config().loss().codecMix());
        assertTrue(spec.dims().messageUnknown());
        long[] in = Checkpoint.load(out).tensor("msgenc.mlp.l0.weight").shape();
        assertEquals(49 * 6 + 2, in[0], "49 cells × 6 channels + the sender's x, y");
    }

    @Test
    void quickIsRefusedForOtherFamilies() {
        CliRun r = mawm("train", "--family", "mlp", "--quick", "--data", "x.bin", "--out", dir.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("--quick is defined for --family jepa2 or iris only"), r.err());
    }
}
