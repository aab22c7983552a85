package dev.mawm.tests.runtime;

import static dev.mawm.runtime.Golden.in;
import static dev.mawm.runtime.Golden.out;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.models.Names;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.Golden;
import dev.mawm.runtime.HostTensor;
import dev.mawm.runtime.engine.MlpEngine;
import dev.mawm.runtime.engine.RolloutResult;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MlpEngine}'s fused rollout on an exported ensemble of 3: the shipped {@code cartpole-mlp} has one member
 * (the defaults since issue 15), whose disagreement is 0 everywhere, so the ensemble's mean and spread through ONNX
 * Runtime are checked here, on an exported bundle whose members have different weights.
 */
class MlpEnsembleEngineTest {
    private static final double TOL = 1e-4;
    @TempDir
    Path dir;

    @Test
    void anEnsembleRolloutReproducesItsGoldenReturnsAndDisagreement() {
        TestBundles.mlp(dir.resolve("mlp3"), 3, 17);
        try (Bundle b = Bundle.load(dir.resolve("mlp3"))) {
            assertEquals(3, b.manifest().dims().ensembleSize());
            MlpEngine e = new MlpEngine(b);
            Map<String, HostTensor> g = Golden.of(b, Names.rollout(TestBundles.H));
            int n = Golden.batch(g, Names.START_STATE);
            RolloutResult r = e.rollout(in(g, Names.START_STATE).floats(), in(g, Names.ACTIONS).ints(), n,
                    in(g, Names.DISCOUNT).floats()[0]);
            Golden.assertClose(out(g, Names.RETURNS), r.returns(), TOL, "returns");
            Golden.assertClose(out(g, Names.DISAGREEMENT), r.disagreement(), TOL, "disagreement");
            Golden.assertClose(out(g, Names.FINAL_STATE), r.finalStates(), TOL, "final_state");
            float max = 0;
            for (float d : r.disagreement()) {
                max = Math.max(max, d);
            }
            assertTrue(max > 0, "3 members of different weights disagree somewhere, got max " + max);
        }
    }
}
