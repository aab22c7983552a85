package dev.mawm.training.jepa2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.envs.collect.Collectors;
import dev.mawm.envs.data.Dataset;
import dev.mawm.models.checkpoint.Checkpoint;
import dev.mawm.models.config.CollectConfig;
import dev.mawm.models.config.Grid2Config;
import dev.mawm.models.config.Jepa2Config;
import dev.mawm.models.config.TrainConfig;
import dev.mawm.models.nn.Networks;
import dev.mawm.models.nn.jepa2.Jepa2Model;
import dev.mawm.models.progress.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A quick jepa2 run end to end: the loss falls, files are written, the checkpoint reloads, runs repeat exactly. */
class Jepa2TrainerTest {
    @TempDir
    Path dir;

    @Test
    void quickRunLearnsWritesEverythingAndIsDeterministic() throws Exception {
        Path file = dir.resolve("g.mawmds");
        Collectors.grid2(Grid2Config.defaults(), new CollectConfig(60, "mixed:0.3", 5), file, ProgressListener.NONE);
        Jepa2Data data = Jepa2Data.split(Dataset.read(file), 0.2, 0);
        Jepa2Config quick = Jepa2Config.quick();
        TrainConfig train = TrainConfig.defaults();
        Path out = dir.resolve("run");
        Jepa2Result r = Jepa2Trainer.train(data, quick, train, null, "", out, ProgressListener.NONE);

        List<String> lines = Files.readAllLines(out.resolve("losses.csv"));
        assertEquals(quick.steps() + 1, lines.size());
        double first = meanTotal(lines, 1, 11);
        double last = meanTotal(lines, lines.size() - 10, lines.size());
        assertTrue(last < 0.8 * first, "total loss should fall: first 10 steps " + first + ", last 10 " + last);

        for (String f : List.of("spec.json", "weights.safetensors", "metrics.json", "losses.png")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        Checkpoint cp = Checkpoint.load(out);
        Jepa2Model rebuilt = (Jepa2Model) Networks.create(cp.spec());
        assertEquals(quick, rebuilt.config());
        // a measured bar even a short run must clear: the goal-in-view probe
        // measured bars even a short run must clear: the predictor beats "nothing changes", the reward head beats chance
        for (Jepa2Metrics.Horizon h : r.heldOut().prediction().subList(0, 2)) {
            assertTrue(h.withMessage() < h.copyBaseline(), "k=" + h.k() + ": " + h.withMessage() + " vs copy " + h.copyBaseline());
        }
        assertTrue(r.heldOut().heads().rewardAuroc() > 0.6, "reward AUROC " + r.heldOut().heads().rewardAuroc());
        assertTrue(r.heldOut().collapse().effectiveRankZ() >= 1);

        // same seed, same steps: bit-identical weights
        Jepa2Config five = new Jepa2Config(quick.latent(), quick.convChannels(), quick.encoderHidden(), quick.messageHidden(),
                quick.projHidden(), quick.proj(), quick.attention(), quick.heads(), quick.actionEmbed(), quick.predictorHidden(),
                Jepa2Config.MESSAGE_CELLS, quick.cellEmbed(), quick.residual(), quick.headHidden(), quick.seqLen(), quick.batch(), 5, quick.loss());
        Jepa2Trainer.train(data, five, train, null, "", dir.resolve("a"), ProgressListener.NONE);
        Jepa2Trainer.train(data, five, train, null, "", dir.resolve("b"), ProgressListener.NONE);
        assertEquals(Files.readAllLines(dir.resolve("a/losses.csv")), Files.readAllLines(dir.resolve("b/losses.csv")));
        assertEquals(-1, Files.mismatch(dir.resolve("a/weights.safetensors"), dir.resolve("b/weights.safetensors")));
    }

    private static double meanTotal(List<String> lines, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += Double.parseDouble(lines.get(i).split(",")[1]);
        }
        return s / (to - from);
    }
}
