package dev.mawm.models.nn.mlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mawm.models.checkpoint.Checkpoint;
import dev.mawm.models.checkpoint.ModelSpec;
import dev.mawm.models.checkpoint.Normalization;
import dev.mawm.models.checkpoint.TestSpecs;
import dev.mawm.models.config.MlpConfig;
import dev.mawm.models.ops.ParamSpec;
import dev.mawm.models.ops.RefOps;
import dev.mawm.models.ops.RefTensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MlpEnsembleTest {
    private static final RefTensor STATE = RefTensor.of(new float[] {0.1f, 0.5f, -0.02f, -0.4f, -1f, 0f, 0.03f, 1.2f}, 2, 4);
    private static final RefTensor ACTION = RefTensor.ofInts(new int[] {1, 0}, 2);

    private static RefOps ops(Checkpoint ck) {
        Map<String, RefTensor> p = new LinkedHashMap<>();
        ck.tensors().forEach((k, v) -> p.put(k, new RefTensor(v.shape(), v.data(), null)));
        return new RefOps(p);
    }

    @Test
    void declaresPrefixedParamsPerMember() {
        MlpEnsemble e = TestSpecs.mlp();
        List<String> names = e.params().stream().map(ParamSpec::name).toList();
        assertEquals(List.of("m0.encoder.l0.weight", "m0.encoder.l0.bias", "m0.encoder.l1.weight", "m0.encoder.l1.bias",
                "m0.dynamics.l0.weight", "m0.dynamics.l0.bias", "m0.dynamics.l1.weight", "m0.dynamics.l1.bias",
                "m0.dynamics.out.weight", "m0.dynamics.out.bias", "m0.reward.l0.weight", "m0.reward.l0.bias",
                "m0.reward.l1.weight", "m0.reward.l1.bias", "m0.done.l0.weight", "m0.done.l0.bias", "m0.done.l1.weight",
                "m0.done.l1.bias"), names.subList(0, 18));
        assertEquals(36, names.size());
        assertTrue(names.get(18).startsWith("m1."));
        // latent = [S, latent] = 4 + 8; dynamics input = L + A
        assertArrayEquals(new long[] {14, 16}, e.params().get(4).shape());
        assertArrayEquals(new long[] {16, 4}, e.params().get(8).shape());
    }

    @Test
    void encoderHiddenNarrowsOnlyTheEncodersHiddenLayers() {
        MlpConfig c = TestSpecs.mlp().config();
        MlpConfig narrow = new MlpConfig(c.latent(), c.hidden(), c.layers(), c.activation(), 1, c.rewardHidden(), c.doneHidden(),
                c.rewardWeight(), c.doneWeight(), c.donePosWeight(), c.doneLookahead(), 0.0, 100, 0.99, 5);
        MlpEnsemble e = new MlpEnsemble(4, 2, narrow, TestSpecs.normalization());
        Map<String, long[]> shapes = new LinkedHashMap<>();
        e.params().forEach(p -> shapes.put(p.name(), p.shape()));
        assertArrayEquals(new long[] {4, 5}, shapes.get("m0.encoder.l0.weight"));
        assertArrayEquals(new long[] {5, c.latent()}, shapes.get("m0.encoder.l1.weight"));
        assertArrayEquals(new long[] {c.hidden(), c.hidden()}, shapes.get("m0.dynamics.l1.weight"));
        assertEquals(c.hidden(), c.encoderWidth(), "0 means as wide as the dynamics");
        assertEquals(5, narrow.encoderWidth());
    }

    @Test
    void aSpecWrittenBeforeTheDoneLookaheadReadsItAsOneStep() {
        MlpEnsemble e = TestSpecs.mlp();
        ModelSpec spec = TestSpecs.spec(e);
        ObjectNode tree = (ObjectNode) spec.network();
        tree.remove("doneLookahead");
        tree.remove("valueWeight");
        tree.remove("valueSteps");
        tree.remove("valueDiscount");
        tree.remove("encoderHidden");
        ModelSpec old = new ModelSpec(spec.formatVersion(), spec.family(), spec.env(), spec.obsDim(), spec.actionCount(), tree,
                spec.normalization(), spec.params(), spec.datasetSha256(), null);
        MlpEnsemble read = MlpEnsemble.fromSpec(Checkpoint.parseSpec(Checkpoint.specJson(old), "old"));
        assertEquals(1, read.config().doneLookahead());
        assertFalse(read.config().hasValue(), "a spec from before the value head has none");
        assertEquals(e.config(), read.config());
        tree.remove("hidden");
        ModelSpec broken = new ModelSpec(spec.formatVersion(), spec.family(), spec.env(), spec.obsDim(), spec.actionCount(), tree,
                spec.normalization(), spec.params(), spec.datasetSha256(), null);
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> MlpEnsemble.fromSpec(broken));
        assertTrue(bad.getMessage().contains("hidden"), bad.getMessage());
    }

    @Test
    void componentsComposeToTheRawStep() {
        MlpEnsemble e = TestSpecs.mlp();
        RefOps ops = ops(TestSpecs.checkpoint(e, 7));
        MlpWorldModel m = e.member(0);
        RefTensor z = m.encode(ops, STATE);
        assertArrayEquals(new long[] {2, 12}, ops.shape(z));
        assertArrayEquals(STATE.data(), m.decode(ops, z).data(), 1e-6f);
        RefTensor next = m.predictNextState(ops, STATE, ACTION);
        RefTensor dn = m.deltaNormalized(ops, z, ACTION);
        Normalization norm = TestSpecs.normalization();
        float[] dStd = norm.get(Normalization.DELTA).std();
        float[] dMean = norm.get(Normalization.DELTA).mean();
        for (int i = 0; i < 8; i++) {
            double want = STATE.data()[i] + dn.data()[i] * dStd[i % 4] + dMean[i % 4];
            assertEquals(want, next.data()[i], 1e-5, "element " + i);
        }
        assertArrayEquals(new long[] {2}, ops.shape(m.reward(ops, z, ACTION)));
        RefTensor p = m.doneProb(ops, m.dynamics(ops, z, ACTION));
        assertArrayEquals(new long[] {2}, ops.shape(p));
        for (float v : p.data()) {
            assertTrue(v > 0 && v < 1);
        }
    }

    @Test
    void sharedActionInputGivesTheSingleStepOutputs() {
        MlpEnsemble e = TestSpecs.mlp();
        RefOps ops = ops(TestSpecs.checkpoint(e, 5));
        MlpWorldModel m = e.member(1);
        RefTensor z = m.encode(ops, STATE);
        RefTensor za = m.withOneHot(ops, z, ops.oneHot(ACTION, e.actionCount()));
        assertArrayEquals(new long[] {2, 14}, ops.shape(za));
        assertArrayEquals(m.deltaNormalized(ops, z, ACTION).data(), m.deltaNormalizedOf(ops, za).data());
        RefTensor r = m.rewardColumn(ops, za);
        assertArrayEquals(new long[] {2, 1}, ops.shape(r));
        assertArrayEquals(m.reward(ops, z, ACTION).data(), r.data());
        RefTensor p = m.doneProbColumn(ops, z);
        assertArrayEquals(new long[] {2, 1}, ops.shape(p));
        assertArrayEquals(m.doneProb(ops, z).data(), p.data());
    }

    @Test
    void ensembleMeanAndDisagreement() {
        MlpEnsemble e = TestSpecs.mlp();
        Checkpoint ck = TestSpecs.checkpoint(e, 11);
        RefOps ops = ops(ck);
        EnsemblePrediction<RefTensor> p = e.predict(ops, STATE, ACTION);
        float[] a = e.member(0).predictNextState(ops, STATE, ACTION).data();
        float[] b = e.member(1).predictNextState(ops, STATE, ACTION).data();
        float[] obsStd = TestSpecs.normalization().get(Normalization.OBS).std();
        for (int n = 0; n < 2; n++) {
            double dis = 0;
            for (int j = 0; j < 4; j++) {
                int i = n * 4 + j;
                assertEquals((a[i] + b[i]) / 2, p.mean().data()[i], 1e-5);
                dis += Math.abs(a[i] - b[i]) / 2 / obsStd[j];
            }
            assertEquals(dis / 4, p.disagreement().data()[n], 1e-4);
            assertTrue(p.disagreement().data()[n] > 0);
        }
        // identical members agree exactly
        Map<String, RefTensor> same = new LinkedHashMap<>(ops.params());
        ops.params().forEach((k, v) -> {
            if (k.startsWith("m1.")) {
                same.put(k, ops.params().get("m0." + k.substring(3)));
            }
        });
        EnsemblePrediction<RefTensor> q = e.predict(new RefOps(same), STATE, ACTION);
        assertArrayEquals(new float[] {0, 0}, q.disagreement().data(), 1e-6f);
        assertArrayEquals(a, q.mean().data(), 1e-5f);
    }

    @Test
    void aValueHeadAddsItsTwoLayersToEveryMemberOnly() {
        MlpConfig off = TestSpecs.mlpConfig();
        MlpConfig on = new MlpConfig(off.latent(), off.hidden(), off.layers(), off.activation(), off.ensemble(), off.rewardHidden(),
                off.doneHidden(), off.rewardWeight(), off.doneWeight(), off.donePosWeight(), off.doneLookahead(), 1.0, 10, 0.5);
        MlpEnsemble a = new MlpEnsemble(4, 2, off, TestSpecs.normalization());
        MlpEnsemble b = new MlpEnsemble(4, 2, on, TestSpecs.normalization());
        assertEquals(a.params().size() + 4 * on.ensemble(), b.params().size());
        assertEquals("m0.value.l0.weight", b.member(0).params().get(a.member(0).params().size()).name());
        assertNull(a.member(0).valueStack());
        assertThrows(IllegalStateException.class, () -> a.member(0).valueColumn(new RefOps(Map.of()), STATE));
        // Σ_{k<10} 0.5^k
        assertEquals(2 * (1 - Math.pow(0.5, 10)), on.valueScale(), 1e-12);
    }
}
