package dev.mawm.tests.runtime;

import static dev.mawm.cli.CliRun.mawm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mawm.cli.CliRun;
import dev.mawm.envs.Seeds;
import dev.mawm.envs.grid2.Grid2Env;
import dev.mawm.envs.grid2.Grid2Scenarios;
import dev.mawm.envs.grid2.program.MessageCodec;
import dev.mawm.envs.grid2.program.MessageCodecs;
import dev.mawm.envs.grid2.program.ProgramSpace;
import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.config.Grid2Config;
import dev.mawm.models.config.Jepa2Config;
import dev.mawm.models.nn.jepa2.Jepa2Dims;
import dev.mawm.models.nn.jepa2.Jepa2Names;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A jepa2 checkpoint whose message encoder has the unknown cell's channel (docs/program-messages.md) through
 * {@code mawm export}, {@code mawm verify} and {@code mawm eval --codec}; and the refusals of codecs a bundle cannot read.
 */
class Jepa2CodecEvalTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EPISODES = 2;
    private static final Jepa2Dims DIMS = new Jepa2Dims(11, 11, 7, 4, 5, 5, true, 0.1, true);
    @TempDir
    static Path dir;

    @BeforeAll
    static void export() {
        Jepa2Bundles.checkpoint(Jepa2Config.MESSAGE_VECTOR, 31, DIMS).save(dir.resolve("ckpt6"));
        CliRun r = mawm("export", "--checkpoint", dir.resolve("ckpt6").toString(), "--out", dir.resolve("bundle6").toString(), "--json");
        assertEquals(0, r.code(), r.err());
        Jepa2Bundles.checkpoint(Jepa2Config.MESSAGE_VECTOR, 32, new Jepa2Dims(11, 11, 7, 4, 5, 5, true, 0.1, false))
                .save(dir.resolve("ckpt5"));
        CliRun r5 = mawm("export", "--checkpoint", dir.resolve("ckpt5").toString(), "--out", dir.resolve("bundle5").toString(), "--json");
        assertEquals(0, r5.code(), r5.err());
    }

    @Test
    void aSixChannelBundleRecordsTheUnknownCellAndVerifies() throws Exception {
        BundleManifest m = BundleManifest.read(dir.resolve("bundle6"));
        assertEquals(6, m.messageFormat().symbols());
        assertEquals(1, m.dims().extra().get(Jepa2Names.DIM_MESSAGE_UNKNOWN));
        BundleManifest five = BundleManifest.read(dir.resolve("bundle5"));
        assertEquals(5, five.messageFormat().symbols());
        assertTrue(!five.dims().extra().containsKey(Jepa2Names.DIM_MESSAGE_UNKNOWN), "a 5-channel bundle is written as before");
        CliRun v = mawm("verify", dir.resolve("bundle6").toString(), "--json");
        assertEquals(0, v.code(), v.err());
        assertTrue(JSON.readTree(v.out()).get("passed").asBoolean(), v.out());
    }

    @Test
    void evalPerCodecCountsTheRealBitsOfEveryMessage() throws Exception {
        Path out = dir.resolve("eval");
        CliRun r = mawm("eval", "--env", "grid2", "--bundle", dir.resolve("bundle6").toString(), "--episodes", String.valueOf(EPISODES),
                "--comm", "first", "--codec", "raw,program,program:2", "--out", out.toString(), "--quiet", "--json",
                "--set", "cem.samples=16", "--set", "cem.elites=4", "--set", "cem.iterations=1");
        assertEquals(0, r.code(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        JsonNode rows = doc.get("codecs");
        assertEquals(3, rows.size(), doc.toString());
        Grid2Config cfg = Grid2Config.defaults();
        ProgramSpace space = ProgramSpace.of(cfg);
        for (JsonNode row : rows) {
            MessageCodec codec = MessageCodecs.parse(row.get("codec").asText(), space);
            double expected = 0;
            for (int e = 0; e < EPISODES; e++) { // `first`: each agent sends its message once, at t = 0
                Grid2Env env = new Grid2Env(Grid2Scenarios.goalSeenByExactlyOne(cfg, Seeds.mix(0, e)).world(), cfg);
                for (int a = 0; a < 2; a++) {
                    expected += codec.encode(env.outgoingMessage(a)).bits();
                }
            }
            assertEquals(expected / EPISODES, row.get("messageBitsPerEpisode").asDouble(), 1e-9, row.toString());
            assertEquals("first", row.get("comm").asText());
        }
        // the lossless program delivers the raw message itself: the same decisions, other bits
        assertEquals(rows.get(0).get("teamSuccess"), rows.get(1).get("teamSuccess"));
        assertEquals(rows.get(0).get("arrivalBlind"), rows.get(1).get("arrivalBlind"));
        assertEquals(121.0 * 2, rows.get(0).get("messageBitsPerEpisode").asDouble(), 1e-9); // raw: 121 bits on 11x11
        assertTrue(Files.isRegularFile(out.resolve("grid2-comm-codecs.png")));
        assertTrue(doc.get("results").toString().contains("planner:first@program:2"), doc.get("results").toString());
    }

    @Test
    void codecsABundleCannotReadAreRefusedByName() {
        CliRun limited = mawm("eval", "--env", "grid2", "--bundle", dir.resolve("bundle5").toString(), "--episodes", "1",
                "--comm", "first", "--codec", "raw,program:5", "--quiet");
        assertEquals(1, limited.code());
        assertTrue(limited.err().contains("message codec program:5 leaves cells unknown (5)"), limited.err());
        CliRun unknown = mawm("eval", "--env", "grid2", "--bundle", dir.resolve("bundle6").toString(), "--episodes", "1",
                "--codec", "raw,zip", "--quiet");
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("unknown message codec 'zip', expected raw, program or program:L"), unknown.err());
        CliRun zero = mawm("eval", "--env", "grid2", "--bundle", dir.resolve("bundle6").toString(), "--episodes", "1",
                "--codec", "program:0", "--quiet");
        assertEquals(1, zero.code());
        assertTrue(zero.err().contains("message codec 'program:0': L must be in [1, 49]"), zero.err());
    }
}
