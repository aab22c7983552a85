package dev.mawm.training.iris;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mawm.envs.collect.DatasetCollector;
import dev.mawm.models.checkpoint.Checkpoint;
import dev.mawm.models.config.CartPoleConfig;
import dev.mawm.models.config.CollectConfig;
import dev.mawm.models.config.Grid2Config;
import dev.mawm.models.config.MawmConfig;
import dev.mawm.models.nn.Networks;
import dev.mawm.models.nn.iris.IrisConfig;
import dev.mawm.models.nn.iris.IrisModel;
import dev.mawm.models.progress.ProgressListener;
import dev.mawm.training.TrainRun;
import dev.mawm.training.loop.HistoryPoint;
import dev.mawm.training.loop.TrainResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A quick iris run through the shared trainer: the loss falls, files are written, it beats copying the frame, runs repeat. */
class IrisTaskTest {
    private static final Logger LOG = LoggerFactory.getLogger(IrisTaskTest.class);
    @TempDir
    Path dir;

    private static MawmConfig quick(String... extra) {
        List<String> o = new ArrayList<>(IrisConfig.quickOverrides());
        o.add("train.evalEvery=25");
        o.add("train.valFraction=0.2");
        o.addAll(List.of(extra));
        return MawmConfig.load(List.of(), o);
    }

    @Test
    void quickRunLearnsWritesEverythingAndBeatsCopyingTheFrame() throws Exception {
        Path file = dir.resolve("g.mawmds");
        DatasetCollector.grid2(Grid2Config.defaults(), new CollectConfig(60, "mixed:0.3", 5), file, ProgressListener.NONE);
        Path out = dir.resolve("run");
        TrainResult r = TrainRun.run("iris", file, out, quick(), false, ProgressListener.NONE);

        List<HistoryPoint> h = r.history();
        assertEquals(IrisConfig.quick().steps() / 25, h.size());
        assertTrue(h.get(h.size() - 1).trainLoss() < 0.8 * h.get(0).trainLoss(),
                "training loss should fall: " + h.get(0).trainLoss() + " -> " + h.get(h.size() - 1).trainLoss());
        assertTrue(r.valLoss() < h.get(0).valLoss(), "validation loss should fall: " + h.get(0).valLoss() + " -> " + r.valLoss());
        for (String f : List.of("spec.json", "weights.safetensors", "metrics.json", "loss.png")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        IrisModel rebuilt = (IrisModel) Networks.create(Checkpoint.load(out).spec());
        assertEquals(IrisConfig.quick(), rebuilt.config());

        JsonNode m = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        LOG.info("IRIS-METRICS {}", ((com.fasterxml.jackson.databind.node.ObjectNode) m.deepCopy()).without("history"));
        double acc = m.get("nextCellAccuracy").asDouble();
        double copy = m.get("copyCellAccuracy").asDouble();
        assertTrue(acc > copy, "next-frame cell accuracy " + acc + " should beat copying the current frame " + copy);
        assertTrue(m.get("openLoopCellAccK1").asDouble() > m.get("copyCellAccK1").asDouble(), m.toString());
        for (String k : List.of("nextCellAccuracyNonEmpty", "rewardAuroc", "doneAuroc", "openLoopCellAccK8NoMessage",
                "goalOnlyOtherCellAccK4", "goalOnlyOtherCountK1")) {
            assertTrue(m.has(k), k);
        }
    }

    @Test
    void sameSeedSameWeights() throws Exception {
        Path file = dir.resolve("g.mawmds");
        DatasetCollector.grid2(Grid2Config.defaults(), new CollectConfig(12, "mixed:0.3", 6), file, ProgressListener.NONE);
        MawmConfig cfg = quick("iris.steps=4");
        TrainRun.run("iris", file, dir.resolve("a"), cfg, false, ProgressListener.NONE);
        TrainRun.run("iris", file, dir.resolve("b"), cfg, false, ProgressListener.NONE);
        assertEquals(-1, Files.mismatch(dir.resolve("a/weights.safetensors"), dir.resolve("b/weights.safetensors")));
    }

    @Test
    void refusesADatasetOfAnotherEnvironment() throws Exception {
        Path file = dir.resolve("c.mawmds");
        DatasetCollector.cartpole(CartPoleConfig.defaults(), new CollectConfig(3, "random", 0), file, ProgressListener.NONE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainRun.run("iris", file, dir.resolve("x"), quick(), false, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("grid2"), e.getMessage());
    }
}
