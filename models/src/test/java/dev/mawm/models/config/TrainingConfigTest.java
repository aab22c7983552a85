package dev.mawm.models.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.models.nn.gru.GruFamily;
import dev.mawm.models.nn.mlp.MlpFamily;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The train, mlp and gru config sections: defaults, overrides, validation messages. */
class TrainingConfigTest {

    @Test
    void defaultsAndOverrides() {
        MawmConfig c = MawmConfig.load(List.of(), List.of("train.steps=10", "mlp.activation=tanh", "gru.seqLen=4"));
        assertEquals(10, c.train().steps());
        assertEquals("tanh", c.family(MlpFamily.INSTANCE).activation());
        assertEquals(4, c.family(GruFamily.INSTANCE).seqLen());
        assertEquals(MlpConfig.defaults().ensemble(), c.family(MlpFamily.INSTANCE).ensemble());
        assertEquals(1, TrainConfig.defaults().threads());
    }

    @Test
    void invalidValuesNameTheKey() {
        assertMessage("mlp.activation must be elu, relu or tanh", "mlp.activation=gelu");
        assertMessage("mlp.ensemble must be in [1, 32]", "mlp.ensemble=0");
        assertMessage("mlp.doneLookahead must be in [1, 500]", "mlp.doneLookahead=0");
        assertMessage("mlp.valueWeight must be in [0, 100]", "mlp.valueWeight=-1");
        assertMessage("mlp.valueSteps must be in [1, 10000]", "mlp.valueSteps=0");
        assertMessage("mlp.valueDiscount must be in (0, 1]", "mlp.valueDiscount=1.5");
        assertMessage("mlp.encoderHidden must be in [0, 4096]", "mlp.encoderHidden=-1");
        assertMessage("train.valFraction must be in (0, 0.5]", "train.valFraction=0.9");
        assertMessage("train.lr must be in (0, 1]", "train.lr=0");
        assertMessage("gru.seqLen must be in [1, 1024]", "gru.seqLen=0");
        assertMessage("unknown config key 'train.stpes'", "train.stpes=3");
    }

    private static void assertMessage(String expected, String override) {
        ConfigException e = assertThrows(ConfigException.class, () -> MawmConfig.load(List.of(), List.of(override)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
