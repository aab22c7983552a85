package dev.mawm.tests.readme;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.planner.MpcPlanner;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.engine.RolloutSequenceModel;
import dev.mawm.cli.eval.ShippedBundles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's "Using the engine from Java" snippet, as written there, on the shipped bundle. */
class ReadmeSnippetTest {
    @Test
    void readmeSnippetPlansWithTheShippedBundle() {
        Path dir = ShippedBundles.cartPole();
        float[] observation = {0.01f, 0f, -0.02f, 0f};
        int action;
        try (Bundle bundle = Bundle.load(dir);
             RolloutSequenceModel model = new RolloutSequenceModel(bundle, bundle.manifest().planningDefaults())) {
            MpcPlanner planner = new MpcPlanner(bundle.manifest().planningDefaults(), model);
            action = planner.act(observation);
        }
        assertTrue(action >= 0 && action < 2, "action " + action);
    }
}
