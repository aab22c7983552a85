package dev.mawm.models.nn.iris;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.models.checkpoint.Checkpoint;
import dev.mawm.models.checkpoint.ModelSpec;
import dev.mawm.models.checkpoint.Normalization;
import dev.mawm.models.nn.Networks;
import dev.mawm.models.ops.ParamSpec;
import dev.mawm.models.ops.RefOps;
import dev.mawm.models.ops.RefTensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IrisModelTest {
    private static final IrisDims DIMS = IrisFixtures.DIMS;
    private static final int T = 3;
    private static final int M = DIMS.messageTokens(); // 11
    private static final int B = DIMS.blockTokens(); // 12

    private final IrisModel model = IrisFixtures.model();
    private final RefOps ops = IrisFixtures.randomParams(model.params(), 1);

    private IrisOutputs<RefTensor> run(IrisFixtures.Window w) {
        return model.forward(ops, w.cells(), w.pos(), w.actions(), w.steps(), w.message());
    }

    private static RefTensor with(RefTensor t, int flat, int value) {
        int[] v = t.ints().clone();
        v[flat] = value;
        return RefTensor.ofInts(v, t.shape());
    }

    /** Whether the hidden states of positions {@code [from, to)} of row 0 are equal in both runs. */
    private static boolean same(RefTensor a, RefTensor b, int from, int to) {
        int d = (int) a.dim(2);
        for (int i = from * d; i < to * d; i++) {
            if (a.data()[i] != b.data()[i]) {
                return false;
            }
        }
        return true;
    }

    @Test
    void everyHeadHasTheDocumentedShape() {
        IrisOutputs<RefTensor> out = run(IrisFixtures.window(2, T, T, 2));
        assertArrayEquals(new long[] {2, M + T * B, 8}, out.hidden().shape());
        assertArrayEquals(new long[] {2, T, 9, 5}, out.cellLogits().shape());
        assertArrayEquals(new long[] {2, T, 6}, out.xLogits().shape());
        assertArrayEquals(new long[] {2, T, 5}, out.yLogits().shape());
        assertArrayEquals(new long[] {2, T}, out.reward().shape());
        assertArrayEquals(new long[] {2, T, 2}, out.doneLogits().shape());
        RefTensor frame = model.greedyFrame(ops, out);
        assertArrayEquals(new long[] {2, T, 11}, frame.shape());
        assertEquals(ops.argMax(out.xLogits()).ints()[4], frame.ints()[(T + 1) * 11 + 9], "row 1, step 1: x after the cells");
        RefTensor done = model.doneProb(ops, out);
        float[] logits = out.doneLogits().data();
        assertEquals(1 / (1 + Math.exp(logits[0] - logits[1])), done.data()[0], 1e-6);
    }

    @Test
    void aLaterStepNeverChangesAnEarlierStepsOutputs() {
        IrisFixtures.Window w = IrisFixtures.window(1, T, T, 3);
        RefTensor base = run(w).hidden();
        int c = DIMS.cells();
        // every token of step 3 (block 3): a cell, x, the action — and step 2's action
        IrisFixtures.Window[] changed = {
            new IrisFixtures.Window(with(w.cells(), 2 * c + 4, (w.cells().ints()[2 * c + 4] + 1) % 5), w.pos(), w.actions(), w.steps(), w.message()),
            new IrisFixtures.Window(w.cells(), with(w.pos(), 2 * 2, (w.pos().ints()[4] + 1) % 6), w.actions(), w.steps(), w.message()),
            new IrisFixtures.Window(w.cells(), w.pos(), with(w.actions(), 2, (w.actions().ints()[2] + 1) % 5), w.steps(), w.message()),
        };
        for (IrisFixtures.Window x : changed) {
            RefTensor h = run(x).hidden();
            assertTrue(same(base, h, 0, M + 2 * B), "the message and steps 1-2 are unchanged");
            assertFalse(same(base, h, M + 2 * B, M + 3 * B), "step 3 sees its own tokens");
        }
        RefTensor h = run(new IrisFixtures.Window(w.cells(), w.pos(), with(w.actions(), 1, (w.actions().ints()[1] + 1) % 5), w.steps(),
                w.message())).hidden();
        assertTrue(same(base, h, 0, M + B), "step 2's action changes nothing of step 1");
        assertFalse(same(base, h, M + B, M + 2 * B - 1), "step 2's frame tokens see step 2's action (one-pass prediction)");
    }

    @Test
    void theMemoryWindowBoundsTheHistoryAndEveryStepSeesTheMessage() {
        int t = 4;
        IrisFixtures.Window w = IrisFixtures.window(1, t, t, 4);
        RefTensor base = run(w).hidden();
        // memory 1 in each of 2 blocks: step s sees steps s-2 .. s (layers · memory = 2 earlier blocks)
        RefTensor h = run(new IrisFixtures.Window(with(w.cells(), 0, (w.cells().ints()[0] + 1) % 5), w.pos(), w.actions(), w.steps(),
                w.message())).hidden();
        assertFalse(same(base, h, M + B, M + 2 * B), "step 2 sees step 1");
        assertFalse(same(base, h, M + 2 * B, M + 3 * B), "step 3 sees step 1 through step 2 in the second block");
        assertTrue(same(base, h, M + 3 * B, M + 4 * B), "step 4 does not see step 1");
        int l = DIMS.sequenceLength(t);
        assertEquals(BlockMask.FORBIDDEN, model.mask(t)[(M + 2 * B) * l + M], "step 3 may not attend to step 1 directly");
        assertEquals(0f, model.mask(t)[(M + 2 * B) * l + M + B], "step 3 may attend to step 2");
        h = run(new IrisFixtures.Window(w.cells(), w.pos(), w.actions(), w.steps(), with(w.message(), 3, (w.message().ints()[3] + 1) % 6)))
                .hidden();
        for (int s = 1; s <= t; s++) {
            assertFalse(same(base, h, M + (s - 1) * B, M + s * B), "step " + s + " sees the message");
        }
    }

    @Test
    void theMaskIsBlockCausalWithAWindow() {
        assertEquals(0, BlockMask.blockOf(M - 1, M, B));
        assertEquals(1, BlockMask.blockOf(M, M, B));
        assertEquals(3, BlockMask.blockOf(M + 2 * B + B - 1, M, B));
        assertTrue(BlockMask.allowed(3, 0, 1));
        assertTrue(BlockMask.allowed(3, 2, 1));
        assertFalse(BlockMask.allowed(3, 1, 1));
        assertFalse(BlockMask.allowed(2, 3, 5));
        assertFalse(BlockMask.allowed(0, 1, 5));
        float[] m = BlockMask.additive(1, 2, 2, 0); // message 1 token, blocks of 2, two steps, no memory
        float f = BlockMask.FORBIDDEN;
        assertArrayEquals(new float[] {
            0, f, f, f, f,
            0, 0, 0, f, f,
            0, 0, 0, f, f,
            0, f, f, 0, 0,
            0, f, f, 0, 0}, m);
    }

    @Test
    void specRoundTripsThroughJsonAndRebuildsTheSameNetwork() {
        ModelSpec spec = new ModelSpec(ModelSpec.FORMAT_VERSION, IrisNames.FAMILY, "grid2", model.obsDim(), model.actionCount(),
                ModelSpec.tree(model.spec()), new Normalization(Map.of()), Networks.shapes(model.params()), "", null);
        ModelSpec back = Checkpoint.parseSpec(Checkpoint.specJson(spec), "test");
        IrisModel rebuilt = IrisModel.fromSpec(back);
        assertEquals(model.spec(), rebuilt.spec());
        assertEquals(model.params(), rebuilt.params());
        ModelSpec other = new ModelSpec(ModelSpec.FORMAT_VERSION, "jepa2", "grid2", model.obsDim(), model.actionCount(),
                ModelSpec.tree(model.spec()), new Normalization(Map.of()), Networks.shapes(model.params()), "", null);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> IrisModel.fromSpec(other)).getMessage().contains("iris"));
    }

    @Test
    void theDefaultModelIsSmall() {
        IrisModel def = new IrisModel(IrisConfig.defaults(), IrisDims.of(dev.mawm.models.config.Grid2Config.defaults()));
        long n = def.params().stream().mapToLong(ParamSpec::size).sum();
        // 2 blocks × (4·(64·64 + 64) + 2·2·64 + 64·256 + 256 + 256·64 + 64) = 2 × 49,984; embeddings 6·64 + 12·64 + 12·64
        // + 5·64 + (51 + 52)·64 + 17·64 = 9,920; ln_f 128; heads 64·(5 + 11 + 11 + 1 + 2) + 30 = 1,950
        assertEquals(2 * 49_984 + 9_920 + 128 + 1_950, n);
        assertEquals(111_966, n);
        assertEquals(51 + 4 * 52, IrisDims.of(dev.mawm.models.config.Grid2Config.defaults()).sequenceLength(4));
    }
}
