package dev.mawm.tests.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mawm.cli.eval.CartPoleEval;
import dev.mawm.cli.eval.CartPoleEvalResult;
import dev.mawm.cli.eval.ShippedBundles;
import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.progress.ProgressListener;
import dev.mawm.runtime.EngineOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shipped bundle, as a fresh clone has it (no training): CEM-MPC with its planning defaults solves CartPole-v1,
 * and the model it was exported from meets the training quality bar.
 */
class ShippedCartPoleBundleTest {
    private static final Path BUNDLE = ShippedBundles.cartPole();

    /**
     * Bar: Gymnasium's "solved" mean return of 475 over 3 seeded episodes (run seed 0, as {@code mawm eval --seed 0}
     * plays its first 3 episodes), with the planning defaults from the manifest; the random policy on the same
     * episodes stays far below (it averages about 22).
     */
    @Test
    void cemMpcOnTheShippedBundleSolvesCartPole() {
        CartPoleEvalResult r = CartPoleEval.run(BUNDLE, CartPoleEval::withPlanningDefaults, EngineOptions.defaults(), 3,
                0L, ProgressListener.NONE);
        assertEquals(BundleManifest.read(BUNDLE).planningDefaults(), r.planning(), "planning defaults from the manifest");
        assertTrue(r.mpc().meanReturn() >= 475.0, "CEM-MPC mean return " + r.mpc().meanReturn() + " < 475, returns "
                + Arrays.toString(r.mpc().returns()));
        assertTrue(r.random().meanReturn() < 100.0, "random policy mean " + r.random().meanReturn());
        assertEquals((long) Arrays.stream(r.mpc().returns()).sum(), r.mpc().latency().count(),
                "one latency sample per decision (reward 1 per step)");
    }

    /** Bar from the training issue: normalized one-step MSE of the learned model ≤ 0.01 (recorded at export). */
    @Test
    void shippedModelMeetsTheOneStepQualityBar() throws IOException {
        JsonNode training = new ObjectMapper().readTree(BUNDLE.resolve("bundle.json").toFile())
                .path("provenance").path("training");
        assertTrue(training.has("oneStepNormalizedMse"), "bundle.json records provenance.training.oneStepNormalizedMse");
        double mse = training.path("oneStepNormalizedMse").asDouble();
        assertTrue(mse <= 0.01, "oneStepNormalizedMse " + mse + " > 0.01");
        assertEquals("cartpole", new ObjectMapper().readTree(BUNDLE.resolve("bundle.json").toFile())
                .path("provenance").path("env").asText());
    }

    /** The bundle stays small enough to ship in the repository: well under 5 MB in all. */
    @Test
    void shippedBundleIsSmall() throws IOException {
        long bytes;
        try (Stream<Path> files = Files.walk(BUNDLE)) {
            bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        assertTrue(bytes < 5L * 1024 * 1024, "bundle is " + bytes + " bytes");
    }
}
