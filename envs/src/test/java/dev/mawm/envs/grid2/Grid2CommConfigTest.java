package dev.mawm.envs.grid2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.models.config.Grid2Config;
import dev.mawm.models.config.Jepa2Config;
import dev.mawm.models.config.Jepa2LossConfig;
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
    void commYamlIs21By21With30StepsAndTheBenchmarkRecipe() {
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
        // the benchmark's jepa2 recipe (version 4): the defaults but for three loss weights, a 512-wide prediction MLP and
        // one-hot positions (docs/jepa2.md)
        Jepa2Config dj = defaults.family(Jepa2Family.INSTANCE);
        Jepa2Config cj = cfg.family(Jepa2Family.INSTANCE);
        assertEquals(3.0, cj.loss().blockedMoves());
        assertEquals(1.0, cj.loss().rewardPosWeight());
        Jepa2LossConfig dl = dj.loss();
        Jepa2LossConfig recipe = new Jepa2LossConfig(dl.lambda(), dl.sigregDirections(), dl.sigregKnots(), dl.vicregInv(), dl.vicregVar(),
                dl.vicregCov(), dl.latentMapWeight(), dl.rewardWeight(), dl.doneWeight(), 1.0, dl.messageDropout(), dl.shapingWeight(),
                dl.imaginedMessages(), dl.rolloutHeads(), 3.0, dl.moveLabels(), 10.0, dl.codecMix());
        assertEquals(recipe, cj.loss());
        assertEquals(dj.steps(), cj.steps());
        assertEquals(dj.latent(), cj.latent());
        assertEquals(512, cj.predictorHidden());
        assertTrue(cj.positionOneHot());
        assertTrue(MawmConfig.load(List.of(commYaml()), List.of("grid2.messagePosition=false")).grid2().messageLength() == 49);
    }
}
