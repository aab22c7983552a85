package dev.mawm.models.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.models.nn.jepa2.Jepa2Family;
import java.util.List;
import org.junit.jupiter.api.Test;

class Jepa2ConfigTest {

    @Test
    void overridesReachNestedSections() {
        MawmConfig c = MawmConfig.load(List.of(), List.of("jepa2.messageMode=cells", "jepa2.loss.lambda=0.1", "jepa2.steps=5"));
        assertTrue(c.family(Jepa2Family.INSTANCE).cellTokens());
        assertEquals(0.1, c.family(Jepa2Family.INSTANCE).loss().lambda());
        assertEquals(5, c.family(Jepa2Family.INSTANCE).steps());
        assertEquals(256, c.family(Jepa2Family.INSTANCE).loss().sigregDirections());
    }

    @Test
    void invalidValuesAreRejectedWithTheirName() {
        ConfigException heads = assertThrows(ConfigException.class, () -> MawmConfig.load(List.of(), List.of("jepa2.heads=3")));
        assertTrue(heads.getMessage().contains("jepa2.attention"), heads.getMessage());
        ConfigException mode = assertThrows(ConfigException.class, () -> MawmConfig.load(List.of(), List.of("jepa2.messageMode=grid")));
        assertTrue(mode.getMessage().contains("jepa2.messageMode"), mode.getMessage());
        IllegalArgumentException lambda = assertThrows(IllegalArgumentException.class, () -> new Jepa2LossConfig(1.5, 256, 17, 25, 25, 1, 1, 1, 1, 1, 0, 1, 0.5, 1, 1, 1, 0, 0));
        assertTrue(lambda.getMessage().contains("jepa2.loss.lambda"));
    }

    @Test
    void quickOverridesReproduceTheQuickConfig() {
        assertEquals(Jepa2Config.quick(), MawmConfig.load(List.of(), Jepa2Config.quickOverrides()).family(Jepa2Family.INSTANCE));
    }
}
