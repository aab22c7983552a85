package dev.mawm.cli.commands;

import static dev.mawm.cli.CliRun.mawm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mawm.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void playsBaselinesAndWritesGifs() throws Exception {
        CliRun r = mawm("demo", "--episodes", "5", "--seed", "2", "--out", dir.toString(), "--json",
                "--cartpole-episodes", "1", "--grid2-episodes", "2", "--quiet");
        assertEquals(0, r.code(), r.err());
        JsonNode results = new ObjectMapper().readTree(r.out()).path("results");
        assertEquals(3, results.size());
        assertEquals("oracle", results.get(0).path("policy").asText());
        assertEquals(1.0, results.get(0).path("successRate").asDouble());
        assertTrue(results.get(2).path("meanSteps").asDouble() > results.get(0).path("meanSteps").asDouble(), "random is slower than the oracle");
        for (JsonNode row : results) {
            Path gif = Path.of(row.path("gif").asText());
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
                reader.setInput(in);
                assertTrue(reader.getNumImages(true) > 1, gif + " is animated");
            } finally {
                reader.dispose();
            }
        }
        JsonNode cartPole = new ObjectMapper().readTree(r.out()).path("cartpole");
        assertEquals(2, cartPole.size(), "CEM-MPC with the shipped bundle and random");
        assertTrue(cartPole.get(0).path("policy").asText().startsWith("cem-mpc"), cartPole.toString());
        assertTrue(cartPole.get(0).path("meanReturn").asDouble() > cartPole.get(1).path("meanReturn").asDouble(),
                "CEM-MPC balances longer than random: " + cartPole);
        JsonNode planner = new ObjectMapper().readTree(r.out()).path("grid2Planner");
        assertEquals(8, planner.size(), "random, oracle, then informed and planner for none, first, plan: " + planner);
        assertEquals("oracle", planner.get(1).path("policy").asText());
        assertEquals(1.0, planner.get(1).path("teamSuccess").asDouble(), "the full-map oracle solves every comm scenario");
        assertEquals(0.0, planner.get(1).path("blocked").asDouble(), "the full-map oracle never walks into a wall: " + planner);
        assertTrue(planner.get(0).path("blocked").asDouble() > 0.05, "random walks into walls: " + planner);
        assertEquals("planner:first", planner.get(5).path("policy").asText());
        assertTrue(planner.get(5).path("bitsPerEpisode").asDouble() > planner.get(3).path("bitsPerEpisode").asDouble(),
                "first sends a message, none sends nothing");
        assertTrue(planner.get(3).path("latencyMedianMs").asDouble() > 0, planner.toString());
        assertTrue(Files.isRegularFile(Path.of(new ObjectMapper().readTree(r.out()).path("grid2PlannerChart").asText())));
        CliRun text = mawm("demo", "--episodes", "2", "--out", dir.toString(),
                "--cartpole-episodes", "0", "--grid2-episodes", "0");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("successRate"), text.out());
    }
}
