package dev.mawm.training.iris;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mawm.envs.collect.DatasetCollector;
import dev.mawm.models.checkpoint.Checkpoint;
import dev.mawm.models.config.CartPoleConfig;
import dev.mawm.models.config.CollectConfig;
import dev.mawm.models.config.Grid2Config;
import dev.mawm.models.config.MawmConfig;
import dev.mawm.models.nn.Networks;
import dev.mawm.models.nn.iris.IrisConfig;
import dev.mawm.models.nn.iris.IrisFamily;
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
    private static final int STEPS = 600;
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
        MawmConfig cfg = quick("iris.steps=" + STEPS);
        TrainResult r = TrainRun.run("iris", file, out, cfg, false, ProgressListener.NONE);

        List<HistoryPoint> h = r.history();
        assertEquals(STEPS / 25, h.size());
        assertTrue(h.get(h.size() - 1).trainLoss() < 0.8 * h.get(0).trainLoss(),
                "training loss should fall: " + h.get(0).trainLoss() + " -> " + h.get(h.size() - 1).trainLoss());
        assertTrue(r.valLoss() < h.get(0).valLoss(), "validation loss should fall: " + h.get(0).valLoss() + " -> " + r.valLoss());
        for (String f : List.of("spec.json", "weights.safetensors", "metrics.json", "loss.png")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        IrisModel rebuilt = (IrisModel) Networks.create(Checkpoint.load(out).spec());
        assertEquals(cfg.family(IrisFamily.INSTANCE), rebuilt.config());

        JsonNode m = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        LOG.info("iris quick run {}", ((ObjectNode) m.deepCopy()).without("history"));
        // measured here (600 quick steps, 8 s): next-frame cells 0.830 vs 0.801 for copying the current frame, position
        // 0.515 vs 0.282, open loop k = 4 0.732 vs 0.692, reward AUROC 0.999, termination AUROC 0.968; on non-empty cells
        // the model (0.692) does not yet beat the copy (0.726), so that figure is reported, not asserted
        double acc = m.get("nextCellAccuracy").asDouble();
        double copy = m.get("copyCellAccuracy").asDouble();
        assertTrue(acc > copy + 0.015, "next-frame cell accuracy " + acc + " should beat copying the current frame " + copy);
        assertTrue(m.get("nextPositionAccuracy").asDouble() > m.get("copyPositionAccuracy").asDouble() + 0.1, m.toString());
        assertTrue(m.get("openLoopCellAccK4").asDouble() > m.get("copyCellAccK4").asDouble(), m.toString());
        assertTrue(m.get("rewardAuroc").asDouble() > 0.9, "reward AUROC " + m.get("rewardAuroc"));
        assertTrue(m.get("doneAuroc").asDouble() > 0.8, "termination AUROC " + m.get("doneAuroc"));
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
    void anInterruptedRunResumesToTheSameWeights() throws Exception {
        Path file = dir.resolve("g.mawmds");
        DatasetCollector.grid2(Grid2Config.defaults(), new CollectConfig(12, "mixed:0.3", 6), file, ProgressListener.NONE);
        MawmConfig cfg = quick("iris.steps=12", "train.evalEvery=4");
        TrainRun.run("iris", file, dir.resolve("whole"), cfg, false, ProgressListener.NONE);
        Path cut = dir.resolve("cut");
        ProgressListener stopAt8 = new ProgressListener() {
            @Override
            public void start(String task, long total) {
            }

            @Override
            public void step(long done, String extra) {
                if (done == 8) { // after the step-8 evaluation saved its state
                    throw new IllegalStateException("interrupted");
                }
            }

            @Override
            public void finish() {
            }
        };
        assertThrows(IllegalStateException.class, () -> TrainRun.run("iris", file, cut, cfg, false, stopAt8));
        // TrainRun writes spec.json only when a run completes (and iris.steps is part of the network section, so a
        // shorter completed run cannot be resumed with more steps); the interrupted run's spec is the whole run's
        Files.copy(dir.resolve("whole/spec.json"), cut.resolve("spec.json"));
        TrainResult rest = TrainRun.run("iris", file, cut, cfg, true, ProgressListener.NONE);
        assertEquals(12, rest.steps());
        assertEquals(-1, Files.mismatch(dir.resolve("whole/weights.safetensors"), cut.resolve("weights.safetensors")));
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
