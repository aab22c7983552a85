package dev.mawm.tests.eval;

import static dev.mawm.cli.CliRun.mawm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mawm.cli.CliRun;
import dev.mawm.cli.eval.ShippedBundles;
import dev.mawm.tests.runtime.IrisBundles;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mawm eval --env grid2} plans with an iris bundle as with a jepa2 one (the same policies, modes and table):
 * a tiny random-init iris bundle ({@link IrisBundles}, H 3) on the default 11×11 grid, 2 episodes, small CEM
 * settings; a bundle of a family without a team model is refused by name.
 */
class IrisGrid2EvalTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    @Test
    void grid2EvalPlansWithAnIrisBundle() throws Exception {
        Path bundle = dir.resolve("iris");
        IrisBundles.write(bundle, 3);
        CliRun r = mawm("eval", "--env", "grid2", "--bundle", bundle.toString(), "--episodes", "2", "--seed", "1", "--scenario", "comm",
                "--comm", "none,first,plan", "--set", "cem.samples=8", "--set", "cem.elites=2", "--set", "cem.iterations=1", "--set", "cem.keepElites=1",
                "--out", dir.resolve("eval").toString(), "--quiet", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals("comm", doc.path("scenario").asText());
        assertTrue(doc.path("planning").asText().startsWith("H 3, N 8, K 2, I 1,"), doc.path("planning").asText());
        List<String> policies = StreamSupport.stream(doc.path("results").spliterator(), false).map(p -> p.path("policy").asText()).toList();
        assertEquals(List.of("random", "oracle", "informed:none", "planner:none", "informed:first", "planner:first", "informed:plan",
                "planner:plan"), policies);
        for (JsonNode p : doc.path("results")) {
            double success = p.path("teamSuccess").asDouble();
            assertTrue(success >= 0 && success <= 1, p.toString());
            if (p.path("policy").asText().startsWith("planner:")) {
                double median = p.path("latencyMedianMs").asDouble();
                assertTrue(median > 0 && median <= p.path("latencyP99Ms").asDouble(), p.toString());
            }
        }
        assertEquals(1.0, doc.path("results").get(1).path("teamSuccess").asDouble(), "the full-map oracle on the same episodes");
    }

    @Test
    void aFamilyWithoutATeamModelIsNamed() {
        CliRun r = mawm("eval", "--env", "grid2", "--bundle", ShippedBundles.cartPole().toString(), "--episodes", "1", "--quiet",
                "--out", dir.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("is of family 'mlp'; the grid2 planner (mawm eval --env grid2) needs a bundle of family iris or jepa2"),
                r.err());
    }

    @Test
    void anIrisBundleOfAnotherGridIsNamed() {
        Path bundle = dir.resolve("iris");
        IrisBundles.write(bundle, 4);
        CliRun r = mawm("eval", "--env", "grid2", "--bundle", bundle.toString(), "--episodes", "1", "--quiet", "--out", dir.toString(),
                "--set", "grid2.width=21", "--set", "grid2.height=21");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("was trained on a 11x11 grid with a 7x7 view (dims.extra), but grid2 is 21x21 with a 7x7 view"), r.err());
    }
}
