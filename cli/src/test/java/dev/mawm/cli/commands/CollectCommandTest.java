package dev.mawm.cli.commands;

import static dev.mawm.cli.CliRun.mawm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mawm.cli.CliRun;
import dev.mawm.envs.data.Dataset;
import dev.mawm.envs.data.DatasetSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectCommandTest {
    @TempDir
    Path dir;


    @Test
    void collectsGrid2WithConfigOverrides() throws Exception {
        Path file = dir.resolve("g.bin");
        CliRun r = mawm("collect", "--env", "grid2", "--episodes", "4", "--policy", "mixed:0.3", "--seed", "5",
                "--out", file.toString(), "--json", "--quiet", "--set", "grid2.width=9", "--set", "grid2.height=9");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(4, json.path("episodes").asInt());
        assertEquals(Files.size(file), json.path("fileBytes").asLong());
        Dataset ds = Dataset.read(file).requireEnv("grid2");
        assertEquals(9, ds.header().envConfig().path("width").asInt());
        assertEquals("mixed:0.3", ds.header().policy());
        assertEquals(5, ds.header().seed());
        assertEquals(json.path("transitions").asLong(), ds.header().transitions());
        assertEquals(ds.header().rows() * 2 * 3 * 28 * 28, ds.column(DatasetSchema.OBS).bytes().length);
    }

    @Test
    void collectsCartpoleAsATable() throws Exception {
        Path file = dir.resolve("c.bin");
        CliRun r = mawm("collect", "--env", "cartpole", "--episodes", "30", "--policy", "random", "--out", file.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("transitions") && r.out().contains("meanReturn"), r.out());
        Dataset ds = Dataset.read(file).requireEnv("cartpole");
        assertEquals(30, ds.header().episodes());
        float[] reward = ds.column(DatasetSchema.REWARD).floats();
        double sum = 0;
        for (float v : reward) {
            sum += v;
        }
        assertEquals(ds.header().transitions(), (long) sum, "reward 1 per transition");
    }

    @Test
    void badArgumentsFailWithAReason() {
        CliRun r = mawm("collect", "--env", "pong", "--out", dir.resolve("x.bin").toString(), "--quiet");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("--env must be one of [grid2, cartpole]"), r.err());
        r = mawm("collect", "--env", "grid2", "--policy", "mixed:1.5", "--out", dir.resolve("x.bin").toString(), "--quiet");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("EPS in [0, 1]"), r.err());
        r = mawm("collect", "--env", "grid2", "--episodes", "0", "--out", dir.resolve("x.bin").toString(), "--quiet");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("collect.episodes"), r.err());
        assertTrue(Files.notExists(dir.resolve("x.bin")));
        r = mawm("collect", "--env", "grid2");
        assertEquals(2, r.code(), "missing --out is a usage error");
    }
}
