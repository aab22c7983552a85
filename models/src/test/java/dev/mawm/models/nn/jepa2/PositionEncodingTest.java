package dev.mawm.models.nn.jepa2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mawm.models.config.Jepa2Config;
import dev.mawm.models.ops.RefOps;
import dev.mawm.models.ops.RefTensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code jepa2.positionOneHot}: the encoders' position features against hand-computed ones. */
class PositionEncodingTest {
    private static final Jepa2Dims DIMS = new Jepa2Dims(9, 9, 3, 2, 5, 5, true, 0.1, false); // 9×9 grid, messages with the position

    @Test
    void aWholeCellIsItsOneHotAndAFractionSplitsBetweenTheTwoNeighbours() {
        RefOps ops = new RefOps(Map.of());
        float[] f = ImageEncoder.softOneHot(ops, RefTensor.of(new float[] {3, 0, 2.25f, 8}, 2, 2), DIMS).data();
        int w = DIMS.width();
        int h = DIMS.height();
        float[] expect = new float[2 * (w + h)];
        expect[3] = 1;               // x = 3
        expect[w] = 1;               // y = 0
        expect[(w + h) + 2] = 0.75f; // x = 2.25
        expect[(w + h) + 3] = 0.25f;
        expect[(w + h) + w + 8] = 1; // y = 8
        assertArrayEquals(expect, f, 1e-6f);
    }

    @Test
    void bothEncodersTakeWPlusHPositionFeaturesAndTheSendersCellMovesH() {
        Jepa2Config base = PredictorTest.config(Jepa2Config.MESSAGE_VECTOR);
        Jepa2Config oneHot = new Jepa2Config(base.latent(), base.convChannels(), base.encoderHidden(), base.messageHidden(),
                base.projHidden(), base.proj(), base.attention(), base.heads(), base.actionEmbed(), base.predictorHidden(),
                base.messageMode(), base.cellEmbed(), base.residual(), base.headHidden(), base.seqLen(), base.batch(), base.steps(),
                base.loss(), true);
        Jepa2Model scalar = new Jepa2Model(base, DIMS);
        Jepa2Model hot = new Jepa2Model(oneHot, DIMS);
        int c = DIMS.cells();
        // the encoders' first layers grow by W + H − 2 inputs each
        assertEquals(paramSize(scalar, "msgenc.mlp.l0.weight") + (DIMS.width() + DIMS.height() - 2) * base.messageHidden(),
                paramSize(hot, "msgenc.mlp.l0.weight"));
        assertEquals(paramSize(scalar, "encoder.mlp.l0.weight") + (DIMS.width() + DIMS.height() - 2) * base.encoderHidden(),
                paramSize(hot, "encoder.mlp.l0.weight"));
        // two senders one cell apart, same window
        RefOps ops = PredictorTest.randomParams(hot.params(), 3);
        int[] msg = new int[2 * (c + 2)];
        msg[c] = 4;
        msg[c + 1] = 7;
        msg[(c + 2) + c] = 5;
        msg[(c + 2) + c + 1] = 7;
        RefTensor hm = hot.encodeMessage(ops, RefTensor.ofInts(msg, 2, c + 2));
        assertEquals(2 * base.latent(), hm.data().length);
        float[] a = java.util.Arrays.copyOfRange(hm.data(), 0, base.latent());
        float[] b = java.util.Arrays.copyOfRange(hm.data(), base.latent(), 2 * base.latent());
        assertEquals(false, java.util.Arrays.equals(a, b), "the sender's cell changes h");
    }

    private static long paramSize(Jepa2Model m, String name) {
        return m.params().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name)).size();
    }
}
