package dev.mawm.envs.collect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mawm.envs.Seeds;
import dev.mawm.envs.data.Dataset;
import dev.mawm.envs.data.DatasetSchema;
import dev.mawm.envs.grid2.Grid2Env;
import dev.mawm.models.config.CollectConfig;
import dev.mawm.models.config.Grid2Config;
import dev.mawm.models.progress.ProgressListener;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dataset keeps window and position apart, so the sent message is rebuilt from msg + pos in either form. */
class DatasetCollectorMessageTest {
    @TempDir
    Path dir;

    @Test
    void outgoingMessagesAreRebuiltFromTheStoredWindowAndPosition() throws IOException {
        for (boolean withPosition : new boolean[] {true, false}) {
            Grid2Config cfg = new Grid2Config(13, 11, 0.15, 2, 25, 7, 2, 0.1, withPosition);
            Path file = dir.resolve("g" + withPosition + ".bin");
            DatasetCollector.grid2(cfg, new CollectConfig(4, "mixed:0.3", 9), file, ProgressListener.NONE);
            Dataset ds = Dataset.read(file).requireEnv("grid2");
            assertEquals(cfg, ds.header().envConfig(Grid2Config.class));
            assertEquals(withPosition, ds.header().envConfig().path("messagePosition").asBoolean(!withPosition));
            assertEquals(DatasetSchema.grid2(cfg), ds.header().fields());
            byte[] msg = ds.column(DatasetSchema.MSG).bytes();
            int[] pos = ds.column(DatasetSchema.POS).ints();
            int[] action = ds.column(DatasetSchema.ACTION).ints();
            int[] starts = ds.episodeStarts();
            for (int e = 0; e < 4; e++) {
                Grid2Env env = Grid2Env.generate(cfg, Seeds.mix(9, e));
                for (int r = starts[e]; r < starts[e + 1]; r++) {
                    for (int a = 0; a < 2; a++) {
                        int[] rebuilt = new int[cfg.messageLength()];
                        for (int i = 0; i < 49; i++) {
                            rebuilt[i] = msg[(r * 2 + a) * 49 + i];
                        }
                        if (withPosition) {
                            rebuilt[49] = pos[r * 4 + 2 * a];
                            rebuilt[50] = pos[r * 4 + 2 * a + 1];
                        }
                        assertArrayEquals(env.outgoingMessage(a), rebuilt, "episode " + e + " row " + r + " agent " + a);
                    }
                    if (r < starts[e + 1] - 1) {
                        env.step(action[r * 2], action[r * 2 + 1]);
                    }
                }
            }
        }
    }
}
