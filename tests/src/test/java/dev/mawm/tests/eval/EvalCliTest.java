package dev.mawm.tests.eval;

import static dev.mawm.cli.CliRun.mawm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mawm.cli.CliRun;
import dev.mawm.cli.eval.ShippedBundles;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mawm eval} from the command line on the shipped bundle: JSON output, plots, and clear errors. */
class EvalCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUNDLE = ShippedBundles.cartPole().toString();

    @TempDir
    Path dir;


    @Test
    void evalJsonReportsReturnsLatencyAndWritesPlots() throws Exception {
        CliRun r = mawm("eval", "--env", "cartpole", "--bundle", BUNDLE, "--episodes", "1", "--seed", "3", "--quiet",
                "--out", dir.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals("cartpole", doc.path("env").asText());
        assertEquals(1, doc.path("episodes").asInt());
        assertEquals(JSON.readTree(Path.of(BUNDLE, "bundle.json").toFile()).path("planningDefaults"), doc.path("planning"));
        JsonNode results = doc.path("results");
        assertEquals(2, results.size());
        assertEquals("mpc", results.get(0).path("policy").asText());
        assertEquals("random", results.get(1).path("policy").asText());
        assertTrue(results.get(0).path("meanReturn").asDouble() > results.get(1).path("meanReturn").asDouble(), r.out());
        double median = doc.path("latencyMedianMs").asDouble();
        assertTrue(median > 0 && median <= doc.path("latencyP99Ms").asDouble(), r.out());
        JsonNode episode = doc.path("perEpisode").get(0);
        assertEquals(results.get(0).path("meanReturn").asDouble(), episode.path("mpc").asDouble());
        assertEquals(results.get(1).path("meanReturn").asDouble(), episode.path("random").asDouble());
        for (String key : new String[] {"returnsPlot", "latencyPlot"}) {
            BufferedImage png = ImageIO.read(Path.of(doc.path(key).asText()).toFile());
            assertNotNull(png, key + " is a readable PNG");
            assertEquals(800, png.getWidth());
        }
    }

    @Test
    void horizonThatDiffersFromTheRolloutGraphIsAClearError() {
        CliRun r = mawm("eval", "--env", "cartpole", "--bundle", BUNDLE, "--episodes", "1", "--quiet", "--out",
                dir.toString(), "--set", "cem.horizon=7");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("cem.horizon 7 does not match the bundle's fused rollout rollout_h"), r.err());
        assertTrue(r.err().contains("mawm export --horizon 7"), r.err());
    }

    @Test
    void badArgumentsAreNamed() {
        CliRun scenario = mawm("eval", "--env", "grid2", "--scenario", "maze", "--quiet");
        assertEquals(1, scenario.code());
        assertTrue(scenario.err().contains("--scenario must be random or comm, got 'maze'"), scenario.err());
        CliRun comm = mawm("eval", "--env", "grid2", "--comm", "none,sometimes", "--quiet");
        assertEquals(1, comm.code());
        assertTrue(comm.err().contains("sometimes"), comm.err());
        CliRun unknown = mawm("eval", "--env", "pong", "--quiet");
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("--env must be one of [grid2, cartpole], got 'pong'"), unknown.err());
        CliRun episodes = mawm("eval", "--env", "cartpole", "--episodes", "0");
        assertEquals(1, episodes.code());
        assertTrue(episodes.err().contains("--episodes must be in [1, 100000], got 0"), episodes.err());
        CliRun missing = mawm("eval", "--env", "cartpole", "--bundle", dir.resolve("nowhere").toString(), "--quiet");
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("nowhere"), missing.err());
        CliRun badKey = mawm("eval", "--env", "cartpole", "--bundle", BUNDLE, "--set", "cem.horizn=12", "--quiet");
        assertEquals(1, badKey.code());
        assertTrue(badKey.err().contains("cem.horizn"), badKey.err());
    }
}
