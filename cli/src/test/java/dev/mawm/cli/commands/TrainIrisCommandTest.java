package dev.mawm.cli.commands;

import static dev.mawm.cli.CliRun.mawm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mawm.cli.CliRun;
import dev.mawm.models.checkpoint.Checkpoint;
import dev.mawm.models.nn.iris.IrisConfig;
import dev.mawm.models.nn.iris.IrisSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mawm train --family iris --quick} end to end: collect grid2 data, train, read the report and the checkpoint. */
class TrainIrisCommandTest {
    @TempDir
    Path dir;

    @Test
    void collectGrid2ThenTrainQuickIris() throws Exception {
        Path data = dir.resolve("g.bin");
        CliRun c = mawm("collect", "--env", "grid2", "--episodes", "30", "--out", data.toString(), "--quiet");
        assertEquals(0, c.code(), c.err());
        Path out = dir.resolve("ck");
        CliRun r = mawm("train", "--family", "iris", "--data", data.toString(), "--out", out.toString(),
                "--quick", "--quiet", "--json", "--set", "train.evalEvery=50", "--set", "iris.steps=100");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("iris", json.path("family").asText());
        assertEquals(100, json.path("steps").asInt(), "--set iris.steps applies after --quick");
        for (String k : new String[] {"nextCellAccuracy", "copyCellAccuracy", "openLoopCellAccK8"}) {
            assertTrue(json.path(k).isNumber(), k + " in " + json);
        }
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertEquals(2, metrics.path("history").size(), "evaluations at steps 50, 100");
        IrisConfig trained = Checkpoint.load(out).spec().networkAs(IrisSpec.class).config();
        assertEquals(100, trained.steps());
        assertEquals(IrisConfig.quick().embed(), trained.embed());
        assertEquals(IrisConfig.quick().layers(), trained.layers());
        assertTrue(Files.isRegularFile(out.resolve("loss.png")));
    }
}
