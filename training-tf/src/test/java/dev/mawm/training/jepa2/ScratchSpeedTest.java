package dev.mawm.training.jepa2;

import dev.mawm.envs.collect.Collectors;
import dev.mawm.envs.data.Dataset;
import dev.mawm.envs.data.RingBuffer;
import dev.mawm.models.config.CollectConfig;
import dev.mawm.models.config.Grid2Config;
import dev.mawm.models.config.Jepa2Config;
import dev.mawm.models.loss.SigReg;
import dev.mawm.models.nn.jepa2.Jepa2Model;
import dev.mawm.models.progress.ProgressListener;
import dev.mawm.training.tf.Adam;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScratchSpeedTest {
    @Test
    void speed() throws Exception {
        Path f = Path.of("/tmp/jepa/grid2_500.mawmds");
        if (!Files.exists(f)) {
            Collectors.grid2(Grid2Config.defaults(), new CollectConfig(500, "mixed:0.3", 1), f, ProgressListener.NONE);
        }
        Dataset ds = Dataset.read(f);
        Jepa2Data data = Jepa2Data.split(ds, 0.1, 0);
        Jepa2Config cfg = Jepa2Config.defaults();
        Jepa2Model model = new Jepa2Model(cfg, data.dims());
        RingBuffer buf = data.trainBuffer(0);
        SplittableRandom rng = new SplittableRandom(0);
        int k = cfg.loss().sigregDirections();
        try (Jepa2TrainGraph g = new Jepa2TrainGraph(model, cfg.batch(), cfg.seqLen(), k, new Adam.Settings(1e-3, 0.9, 0.999, 1e-8), 1)) {
            g.initialize(0);
            long t0 = System.nanoTime();
            for (int s = 0; s < 60; s++) {
                Jepa2Batch b = Jepa2Batch.of(buf.sample(cfg.batch(), cfg.seqLen()), data.dims(), cfg.cellTokens(), 0.2, rng);
                double[] l = g.step(b, SigReg.directions(cfg.proj(), k, rng), SigReg.directions(cfg.proj(), k, rng));
                if (s % 10 == 0 || s == 59) {
                    StringBuilder sb = new StringBuilder("step " + s + " " + (System.nanoTime() - t0) / 1e6 / (s + 1) + " ms/step");
                    for (int i = 0; i < l.length; i++) {
                        sb.append(' ').append(g.termNames().get(i)).append('=').append(String.format("%.4f", l[i]));
                    }
                    System.err.println(sb);
                }
            }
        }
    }
}
