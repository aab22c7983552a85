package dev.mawm.training.jepa2;

import dev.mawm.envs.collect.Collectors;
import dev.mawm.envs.data.Dataset;
import dev.mawm.models.config.CollectConfig;
import dev.mawm.models.config.Grid2Config;
import dev.mawm.models.config.Jepa2Config;
import dev.mawm.models.config.MawmConfig;
import dev.mawm.models.config.TrainConfig;
import dev.mawm.models.progress.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScratchTrainTest {
    @Test
    void train() throws Exception {
        int eps = Integer.getInteger("eps", 2000);
        Path f = Path.of("/tmp/jepa/grid2_" + eps + ".mawmds");
        long c0 = System.nanoTime();
        if (!Files.exists(f)) {
            Collectors.grid2(Grid2Config.defaults(), new CollectConfig(eps, "mixed:0.3", 1), f, ProgressListener.NONE);
        }
        System.err.println("collect s " + (System.nanoTime() - c0) / 1e9);
        Dataset ds = Dataset.read(f);
        MawmConfig cfg = MawmConfig.load(List.of(), List.of(System.getProperty("sets", "jepa2.steps=2000").split(";")));
        Jepa2Data data = Jepa2Data.split(ds, cfg.train().valFraction(), cfg.train().seed());
        Path out = Path.of(System.getProperty("out", "/tmp/jepa/run"));
        ProgressListener p = new ProgressListener() {
            public void start(String t, long n) { }
            public void step(long d, String e) { if (d % 250 == 0) System.err.println(d + " " + e + " t=" + (System.nanoTime() - c0) / 1e9); }
            public void finish() { }
        };
        Jepa2Result r = Jepa2Trainer.train(data, cfg.jepa2(), cfg.train(), null, "", out, p);
        System.err.println(new String(Files.readAllBytes(out.resolve("metrics.json"))));
    }
}
