package dev.mawm.models.nn.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mawm.models.checkpoint.Checkpoint;
import dev.mawm.models.checkpoint.TestSpecs;
import dev.mawm.models.config.MlpConfig;
import dev.mawm.models.ops.RefOps;
import dev.mawm.models.ops.RefTensor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The value head's loss term against a hand computation of the masked squared error. */
class MlpLossTest {
    private static final RefTensor STATE = RefTensor.of(new float[] {0.1f, 0.5f, -0.02f, -0.4f, -1f, 0f, 0.03f, 1.2f, 0.4f, -0.3f, 0.01f, 0.2f}, 3, 4);
    private static final RefTensor ACTION = RefTensor.ofInts(new int[] {1, 0, 1}, 3);
    private static final RefTensor DELTA = RefTensor.of(new float[] {0.2f, -0.1f, 0f, 0.3f, 1f, 0.5f, -0.5f, 0f, 0.1f, 0.1f, 0.1f, 0.1f}, 3, 4);
    private static final RefTensor REWARD = RefTensor.of(new float[] {1f, 1f, 0.5f}, 3);
    private static final RefTensor DONE = RefTensor.of(new float[] {0f, 1f, 0f}, 3);

    private static MlpConfig withValue(double weight) {
        MlpConfig c = TestSpecs.mlpConfig();
        return new MlpConfig(c.latent(), c.hidden(), c.layers(), c.activation(), c.ensemble(), c.rewardHidden(), c.doneHidden(),
                c.rewardWeight(), c.doneWeight(), c.donePosWeight(), c.doneLookahead(), weight, 20, 0.9);
    }

    @Test
    void theValueTermIsTheMaskedMeanSquaredErrorOfTheValueHeadOnTheStartLatent() {
        MlpConfig config = withValue(2.5);
        MlpEnsemble net = new MlpEnsemble(4, 2, config, TestSpecs.normalization());
        Checkpoint ck = TestSpecs.checkpoint(net, 11);
        Map<String, RefTensor> p = new LinkedHashMap<>();
        ck.tensors().forEach((k, v) -> p.put(k, new RefTensor(v.shape(), v.data(), null)));
        RefOps ops = new RefOps(p);
        MlpWorldModel m = net.member(0);
        float[] target = {0.9f, 0.2f, 0.7f};
        float[] mask = {1f, 0f, 1f};
        MlpLoss.ValueTarget<RefTensor> vt = new MlpLoss.ValueTarget<>(RefTensor.of(target, 3), RefTensor.of(mask, 3));
        float with = MlpLoss.terms(ops, m, config, STATE, ACTION, DELTA, REWARD, DONE, vt).total().data()[0];
        // the same member without a value head (its other weights unchanged) gives the loss without the term
        MlpEnsemble plain = new MlpEnsemble(4, 2, TestSpecs.mlpConfig(), TestSpecs.normalization());
        float without = MlpLoss.terms(ops, plain.member(0), TestSpecs.mlpConfig(), STATE, ACTION, DELTA, REWARD, DONE).total().data()[0];
        float[] v = m.valueColumn(ops, m.encode(ops, STATE)).data();
        double sq = 0;
        for (int i = 0; i < 3; i++) {
            sq += mask[i] * (v[i] - target[i]) * (v[i] - target[i]);
        }
        assertEquals(2.5 * sq / 2, with - without, 1e-5);
    }

    @Test
    void valueTargetsGoExactlyWithAValueHead() {
        MlpEnsemble plain = TestSpecs.mlp();
        RefOps ops = new RefOps(Map.of());
        MlpLoss.ValueTarget<RefTensor> vt = new MlpLoss.ValueTarget<>(REWARD, DONE);
        assertThrows(IllegalArgumentException.class,
                () -> MlpLoss.terms(ops, plain.member(0), TestSpecs.mlpConfig(), STATE, ACTION, DELTA, REWARD, DONE, vt));
        MlpEnsemble valued = new MlpEnsemble(4, 2, withValue(1), TestSpecs.normalization());
        assertThrows(IllegalArgumentException.class,
                () -> MlpLoss.terms(ops, valued.member(0), withValue(1), STATE, ACTION, DELTA, REWARD, DONE));
    }
}
