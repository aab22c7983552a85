package dev.mawm.tests.runtime;

import static dev.mawm.runtime.Golden.in;
import static dev.mawm.runtime.Golden.out;

import dev.mawm.models.Names;
import dev.mawm.models.nn.gru.GruNames;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.Golden;
import dev.mawm.runtime.HostTensor;
import dev.mawm.runtime.engine.GruEngine;
import dev.mawm.runtime.engine.RolloutResult;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link GruEngine} on an exported gru bundle: no gru bundle is shipped, so this test needs the exporter (the mlp and
 * jepa2 engines are tested in the runtime module on the shipped bundles).
 */
class GruEngineTest {
    private static final double TOL = 1e-4;
    @TempDir
    Path dir;

    @Test
    void gruEngineReproducesEveryGoldenFile() {
        TestBundles.gru(dir.resolve("gru"), 8);
        try (Bundle gru = Bundle.load(dir.resolve("gru"))) {
            GruEngine e = new GruEngine(gru);
            Map<String, HostTensor> g = Golden.of(gru, GruNames.GRU_STEP);
            int n = Golden.batch(g, Names.STATE);
            float[] h = new float[n * e.hiddenSize()];
            float[] s = new float[n * e.stateSize()];
            float[] r = new float[n];
            e.step(in(g, GruNames.HIDDEN).floats(), in(g, Names.STATE).floats(), in(g, Names.ACTION).ints(), n, h, s, r);
            Golden.assertClose(out(g, GruNames.NEXT_HIDDEN), h, TOL, "next_hidden");
            Golden.assertClose(out(g, Names.STATE_PRED), s, TOL, "state_pred");
            Golden.assertClose(out(g, Names.REWARD_OUT), r, TOL, "reward");

            g = Golden.of(gru, Names.rollout(TestBundles.H));
            n = Golden.batch(g, Names.START_STATE);
            RolloutResult res = e.rollout(in(g, Names.START_STATE).floats(), in(g, Names.ACTIONS).ints(), n,
                    in(g, Names.DISCOUNT).floats()[0]);
            Golden.assertClose(out(g, Names.RETURNS), res.returns(), TOL, "returns");
            Golden.assertClose(out(g, Names.FINAL_STATE), res.finalStates(), TOL, "final_state");
        }
    }
}
