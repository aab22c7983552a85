package dev.mawm.models.nn.jepa2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mawm.models.checkpoint.Checkpoint;
import dev.mawm.models.checkpoint.ModelSpec;
import dev.mawm.models.checkpoint.Normalization;
import dev.mawm.models.config.Jepa2Config;
import dev.mawm.models.nn.Networks;
import dev.mawm.models.ops.ParamSpec;
import dev.mawm.models.ops.RefOps;
import dev.mawm.models.ops.RefTensor;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Jepa2ModelTest {
    private static final Jepa2Dims DIMS = PredictorTest.DIMS; // 9x9 grid, 3x3 view, 2 px per cell -> 3x6x6 images

    @Test
    void everyComponentHasTheDocumentedShapes() {
        Jepa2Config cfg = PredictorTest.config(Jepa2Config.MESSAGE_VECTOR);
        Jepa2Model model = new Jepa2Model(cfg, DIMS);
        RefOps ops = PredictorTest.randomParams(model.params(), 1);
        int n = 2;
        int s = DIMS.imageSize();
        float[] img = new float[n * 3 * s * s];
        for (int i = 0; i < img.length; i++) {
            img[i] = (i % 7) / 7f;
        }
        RefTensor z = model.encode(ops, RefTensor.of(img, n, 3, s, s), RefTensor.of(new float[] {1, 2, 7, 7}, n, 2));
        assertArrayEquals(new long[] {n, cfg.latent()}, z.shape());
        RefTensor msg = RefTensor.ofInts(new int[] {0, 1, 2, 3, 4, 0, 1, 1, 1, 4, 4, 4, 3, 2, 1, 0, 0, 0}, n, DIMS.cells());
        RefTensor h = model.encodeMessage(ops, msg);
        assertArrayEquals(new long[] {n, cfg.latent()}, h.shape());
        RefTensor act = RefTensor.ofInts(new int[] {1, 4}, n);
        assertArrayEquals(new long[] {n, cfg.latent()}, model.predict(ops, z, act, h).shape());
        assertArrayEquals(new long[] {n, cfg.latent()}, model.obsPred(ops, h).shape());
        assertArrayEquals(new long[] {n, cfg.latent()}, model.msgPred(ops, z).shape());
        assertArrayEquals(new long[] {n, cfg.proj()}, model.projectImage(ops, z).shape());
        assertArrayEquals(new long[] {n, cfg.proj()}, model.projectMessage(ops, h).shape());
        RefTensor r = model.rewardProb(ops, z, act);
        assertArrayEquals(new long[] {n}, r.shape());
        assertTrue(r.data()[0] > 0 && r.data()[0] < 1);
        assertArrayEquals(new long[] {n}, model.doneLogit(ops, z, act).shape());
    }

    @Test
    void encoderSeesBothImageAndPositionAndReadsChwLayout() {
        Jepa2Config cfg = PredictorTest.config(Jepa2Config.MESSAGE_VECTOR);
        Jepa2Model model = new Jepa2Model(cfg, DIMS);
        RefOps ops = PredictorTest.randomParams(model.params(), 2);
        int s = DIMS.imageSize();
        float[] img = new float[3 * s * s];
        RefTensor pos = RefTensor.of(new float[] {4, 4}, 1, 2);
        RefTensor blank = model.encode(ops, RefTensor.of(img, 1, 3, s, s), pos);
        // light the red channel of the top-left cell only (CHW: channel 0, rows 0..1, cols 0..1)
        img[0] = 1;
        img[1] = 1;
        img[s] = 1;
        img[s + 1] = 1;
        RefTensor lit = model.encode(ops, RefTensor.of(img, 1, 3, s, s), pos);
        assertNotEquals(blank, lit);
        RefTensor moved = model.encode(ops, RefTensor.of(img, 1, 3, s, s), RefTensor.of(new float[] {5, 4}, 1, 2));
        assertNotEquals(lit, moved);
        // the same pixel values in NHWC order would be a different image: the graph input is CHW
        float[] nhwc = new float[3 * s * s];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < s * s; i++) {
                nhwc[i * 3 + c] = img[c * s * s + i];
            }
        }
        assertNotEquals(lit, model.encode(ops, RefTensor.of(nhwc, 1, 3, s, s), pos));
    }

    @Test
    void parameterNamesAreUniqueStableAndComplete() {
        for (String mode : List.of(Jepa2Config.MESSAGE_VECTOR, Jepa2Config.MESSAGE_CELLS)) {
            Jepa2Model model = new Jepa2Model(PredictorTest.config(mode), DIMS);
            Set<String> names = new HashSet<>();
            for (ParamSpec p : model.params()) {
                assertTrue(names.add(p.name()), p.name());
            }
            assertTrue(names.contains("encoder.conv0.filter"));
            assertTrue(names.contains("msgenc.mlp.l0.weight"));
            assertTrue(names.contains("predictor.query.weight"));
            assertEquals(mode.equals(Jepa2Config.MESSAGE_CELLS), names.contains("predictor.cell.type"));
            assertTrue(names.contains("reward.l1.bias"));
            assertTrue(names.contains("done.l1.bias"));
            assertTrue(names.contains("shaping.l1.bias"));
        }
        assertEquals(List.of("latent", "action", "message_other"), Jepa2Family.INSTANCE.inputNames(Jepa2Names.PREDICTOR, true));
        assertEquals(List.of("latent", "action", "msg_latent"), Jepa2Family.INSTANCE.inputNames(Jepa2Names.SHAPING, false));
        assertEquals(List.of("latent", "action", "msg_latent"), Jepa2Family.INSTANCE.inputNames(Jepa2Names.PREDICTOR, false));
        assertThrows(IllegalArgumentException.class, () -> Jepa2Family.INSTANCE.outputNames("nope"));
    }

    @Test
    void specRoundTripsThroughJsonAndRebuildsTheSameNetwork() {
        Jepa2Model model = new Jepa2Model(PredictorTest.config(Jepa2Config.MESSAGE_CELLS), DIMS);
        ModelSpec spec = new ModelSpec(ModelSpec.FORMAT_VERSION, Jepa2Names.FAMILY, "grid2", model.obsDim(), model.actionCount(),
                ModelSpec.tree(model.spec()), new Normalization(Map.of()), Networks.shapes(model.params()), "", null);
        ModelSpec back = Checkpoint.parseSpec(Checkpoint.specJson(spec), "test");
        Jepa2Model rebuilt = (Jepa2Model) Networks.create(back);
        assertEquals(model.spec(), rebuilt.spec());
        assertEquals(model.params(), rebuilt.params());
    }

    @Test
    void aSpecWrittenBeforeTheLaterLossTermsReadsThemAsOffAndStillRefusesOtherMissingKeys() {
        Jepa2Model model = new Jepa2Model(PredictorTest.config(Jepa2Config.MESSAGE_VECTOR), DIMS);
        ObjectNode tree = (ObjectNode) ModelSpec.tree(model.spec());
        ObjectNode loss = (ObjectNode) tree.at("/config/loss");
        loss.remove(List.of("moveLabels", "commPrediction"));
        ModelSpec old = new ModelSpec(ModelSpec.FORMAT_VERSION, Jepa2Names.FAMILY, "grid2", model.obsDim(), model.actionCount(),
                tree, new Normalization(Map.of()), Networks.shapes(model.params()), "", null);
        Jepa2Model read = Jepa2Model.fromSpec(Checkpoint.parseSpec(Checkpoint.specJson(old), "old"));
        assertEquals(0.0, read.config().loss().moveLabels());
        assertEquals(0.0, read.config().loss().commPrediction());
        assertEquals(model.spec(), read.spec()); // the test config has both terms off

        loss.remove("lambda");
        ModelSpec broken = new ModelSpec(ModelSpec.FORMAT_VERSION, Jepa2Names.FAMILY, "grid2", model.obsDim(), model.actionCount(),
                tree, new Normalization(Map.of()), Networks.shapes(model.params()), "", null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Jepa2Model.fromSpec(broken));
        assertTrue(e.getMessage().contains("lambda"), e.getMessage());
    }

    @Test
    void aSpecWithoutMessageUnknownReadsAsFiveChannelsAndTheUnknownCellAddsASixth() {
        Jepa2Model model = new Jepa2Model(PredictorTest.config(Jepa2Config.MESSAGE_VECTOR), DIMS);
        ObjectNode tree = (ObjectNode) ModelSpec.tree(model.spec());
        ((ObjectNode) tree.at("/dims")).remove("messageUnknown");
        ((ObjectNode) tree.at("/config/loss")).remove("codecMix");
        ModelSpec old = new ModelSpec(ModelSpec.FORMAT_VERSION, Jepa2Names.FAMILY, "grid2", model.obsDim(), model.actionCount(),
                tree, new Normalization(Map.of()), Networks.shapes(model.params()), "", null);
        Jepa2Model read = Jepa2Model.fromSpec(Checkpoint.parseSpec(Checkpoint.specJson(old), "old"));
        assertEquals(false, read.dims().messageUnknown());
        assertEquals(DIMS.objectTypes(), read.dims().messageChannels());
        assertEquals(0.0, read.config().loss().codecMix());
        assertEquals(model.params(), read.params());

        Jepa2Model six = new Jepa2Model(model.config(), DIMS.withMessageUnknown(true));
        assertEquals(DIMS.objectTypes() + 1, six.dims().messageChannels());
        long[] in = six.params().stream().filter(p -> p.name().equals("msgenc.mlp.l0.weight")).findFirst().orElseThrow().shape();
        long[] in5 = model.params().stream().filter(p -> p.name().equals("msgenc.mlp.l0.weight")).findFirst().orElseThrow().shape();
        assertEquals(in5[0] + DIMS.cells(), in[0]); // one more channel per window cell
        Jepa2Model back = Jepa2Model.fromSpec(new ModelSpec(ModelSpec.FORMAT_VERSION, Jepa2Names.FAMILY, "grid2", six.obsDim(),
                six.actionCount(), ModelSpec.tree(six.spec()), new Normalization(Map.of()), Networks.shapes(six.params()), "", null));
        assertEquals(six.spec(), back.spec());
    }
}
