package dev.mawm.envs.grid2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.models.config.Grid2Config;
import dev.mawm.models.config.MawmConfig;
import dev.mawm.models.nn.jepa2.Jepa2Family;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code models/grid2-comm.yaml}, the communication benchmark's config, loads through {@link MawmConfig}. */
class Grid2CommConfigTest {
    static Path commYaml() {
        for (Path p : new Path[] {Path.of("..", "models", "grid2-comm.yaml"), Path.of("models", "grid2-comm.yaml")}) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new AssertionError("models/grid2-comm.yaml not found from " + Path.of("").toAbsolutePath());
    }

    @Test
    void commYamlIs21By21With30StepsAndDefaultsElsewhere() {
        MawmConfig cfg = MawmConfig.load(List.of(commYaml()), List.of());
        Grid2Config d = Grid2Config.defaults();
        Grid2Config expected = new Grid2Config(21, 21, 0.15, d.items(), 30, d.viewSize(), d.pixelsPerCell(), d.shapingScale(),
                d.messagePosition());
        assertEquals(expected, cfg.grid2());
        assertEquals(OracleBenchmark.comm(), cfg.grid2(), "the benchmark tables use this config");
        assertEquals(51, cfg.grid2().messageLength());
        MawmConfig defaults = MawmConfig.defaults();
        assertEquals(defaults.cartpole(), cfg.cartpole());
        assertEquals(defaults.collect(), cfg.collect());
        assertEquals(defaults.family(Jepa2Family.INSTANCE), cfg.family(Jepa2Family.INSTANCE));
        assertTrue(MawmConfig.load(List.of(commYaml()), List.of("grid2.messagePosition=false")).grid2().messageLength() == 49);
    }
}
