package dev.mawm.cli.commands;

import static dev.mawm.cli.CliRun.mawm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mawm.cli.CliRun;
import dev.mawm.models.Names;
import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.checkpoint.Checkpoint;
import dev.mawm.models.checkpoint.ModelSpec;
import dev.mawm.models.checkpoint.Moments;
import dev.mawm.models.checkpoint.Normalization;
import dev.mawm.models.config.MlpConfig;
import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.nn.Networks;
import dev.mawm.models.nn.mlp.MlpEnsemble;
import dev.mawm.models.ops.ParamSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
    @TempDir
    Path dir;

    @Test
    void exportsACheckpointAsABundle() throws Exception {
        Path ckpt = checkpoint(dir.resolve("ckpt"));
        Files.writeString(ckpt.resolve("metrics.json"), "{\"steps\": 42, \"losses\": {\"total\": 0.5}}");
        Path out = dir.resolve("cp-bundle");
        CliRun r = mawm("export", "--checkpoint", ckpt.toString(), "--out", out.toString(), "--horizon", "3", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("mlp", json.path("family").asText());
        assertEquals(6, json.path("components").size());
        assertEquals(Names.rollout(3), json.path("components").get(5).path("name").asText());
        BundleManifest m = BundleManifest.read(out);
        assertEquals("cp-bundle", m.name());
        assertEquals(3, m.dims().horizon());
        assertTrue(m.provenance().get("training") instanceof Map<?, ?> t && Integer.valueOf(42).equals(t.get("steps")), m.provenance().toString());
        assertTrue(Files.isRegularFile(out.resolve("golden/rollout_h3.safetensors")));
    }

    @Test
    void planningDefaultsComeFromTheCemConfigWithTheExportHorizon() {
        Path ckpt = checkpoint(dir.resolve("ckpt"));
        CliRun r = mawm("export", "--checkpoint", ckpt.toString(), "--out", dir.resolve("b1").toString(),
            "--horizon", "4", "--set", "cem.beta=2.5", "--set", "cem.samples=128", "--set", "cem.horizon=9");
        assertEquals(0, r.code(), r.err());
        BundleManifest m = BundleManifest.read(dir.resolve("b1"));
        assertEquals(4, m.dims().horizon());
        assertEquals(4, m.planningDefaults().horizon(), "--horizon wins over cem.horizon");
        assertEquals(2.5, m.planningDefaults().beta());
        assertEquals(128, m.planningDefaults().samples());
        r = mawm("export", "--checkpoint", ckpt.toString(), "--out", dir.resolve("b2").toString(),
            "--set", "cem.horizon=6");
        assertEquals(0, r.code(), r.err());
        BundleManifest m2 = BundleManifest.read(dir.resolve("b2"));
        assertEquals(6, m2.dims().horizon(), "without --horizon the graph follows cem.horizon");
        assertEquals(6, m2.planningDefaults().horizon());
    }

    @Test
    void seedSeedsTheGoldenInputsAsGoldenSeedDid() throws Exception {
        Path ckpt = checkpoint(dir.resolve("ckpt"));
        CliRun a = mawm("export", "--checkpoint", ckpt.toString(), "--out", dir.resolve("a").toString(), "--horizon", "3",
                "--seed", "7");
        assertEquals(0, a.code(), a.err());
        CliRun b = mawm("export", "--checkpoint", ckpt.toString(), "--out", dir.resolve("b").toString(), "--horizon", "3",
                "--golden-seed", "7");
        assertEquals(0, b.code(), b.err());
        CliRun c = mawm("export", "--checkpoint", ckpt.toString(), "--out", dir.resolve("c").toString(), "--horizon", "3");
        assertEquals(0, c.code(), c.err());
        Path golden = Path.of("golden", "encoder.safetensors");
        assertEquals(-1L, Files.mismatch(dir.resolve("a").resolve(golden), dir.resolve("b").resolve(golden)));
        assertNotEquals(-1L, Files.mismatch(dir.resolve("a").resolve(golden), dir.resolve("c").resolve(golden)),
                "without --seed the golden inputs are seeded by 0");
        CliRun both = mawm("export", "--checkpoint", ckpt.toString(), "--out", dir.resolve("d").toString(), "--seed", "1",
                "--golden-seed", "2");
        assertEquals(1, both.code());
        assertTrue(both.err().contains("--golden-seed 2 and --seed 1 disagree"), both.err());
    }

    @Test
    void fromBundleTakesNoCheckpointAndNoConfig() {
        Path ckpt = checkpoint(dir.resolve("ckpt"));
        CliRun both = mawm("export", "--checkpoint", ckpt.toString(), "--from-bundle", dir.toString(), "--out", dir.resolve("x").toString());
        assertNotEquals(0, both.code());
        assertTrue(both.err().contains("exactly one of --checkpoint DIR and --from-bundle BUNDLE"), both.err());
        CliRun neither = mawm("export", "--out", dir.resolve("y").toString());
        assertNotEquals(0, neither.code());
        assertTrue(neither.err().contains("exactly one of"), neither.err());
        Path shipped = Path.of("..", "models", "bundles", "grid2-jepa2");
        CliRun config = mawm("export", "--from-bundle", shipped.toString(), "--out", dir.resolve("z").toString(), "--set", "cem.samples=64");
        assertNotEquals(0, config.code());
        assertTrue(config.err().contains("--config/--set do not apply with --from-bundle"), config.err());
        CliRun mlp = mawm("export", "--from-bundle", Path.of("..", "models", "bundles", "cartpole-mlp").toString(), "--out",
                dir.resolve("w").toString());
        assertNotEquals(0, mlp.code());
        assertTrue(mlp.err().contains("re-export it from its checkpoint"), mlp.err());
        assertTrue(Files.notExists(dir.resolve("x")) && Files.notExists(dir.resolve("z")) && Files.notExists(dir.resolve("w")));
    }

    @Test
    void missingCheckpointFailsWithAClearMessage() {
        CliRun r = mawm("export", "--checkpoint", dir.resolve("nope").toString(), "--out", dir.resolve("b").toString());
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("spec.json"), r.err());
        assertTrue(Files.notExists(dir.resolve("b")));
    }

    @Test
    void aCheckpointWithAFlippedWeightIsNotExported() throws Exception {
        Path ckpt = checkpoint(dir.resolve("ckpt"));
        Path w = ckpt.resolve(Checkpoint.WEIGHTS_FILE);
        byte[] bytes = Files.readAllBytes(w);
        bytes[bytes.length - 2] ^= 0x7c;    // exponent bits of the last weight: 0.07 becomes ~1e37
        Files.write(w, bytes);
        CliRun r = mawm("export", "--checkpoint", ckpt.toString(), "--out", dir.resolve("b").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains(w + " does not match spec.json: parameter '") && r.err().contains("has CRC-32"),
                r.err());
        assertTrue(Files.notExists(dir.resolve("b")));
    }

    private static Path checkpoint(Path dir) {
        Moments m = new Moments(new float[] {0, 0, 0, 0}, new float[] {1, 2, 0.5f, 1});
        Normalization norm = new Normalization(Map.of(Normalization.OBS, m, Normalization.DELTA, m));
        MlpConfig c = new MlpConfig(4, 8, 1, "relu", 2, 8, 8, 0.5, 0.1, 10.0, 1);
        MlpEnsemble net = new MlpEnsemble(4, 2, c, norm);
        SplittableRandom rng = new SplittableRandom(1);
        Map<String, FloatTensor> w = new LinkedHashMap<>();
        for (ParamSpec p : net.params()) {
            w.put(p.name(), new FloatTensor(p.shape(), p.init().sample(p.shape(), rng)));
        }
        ModelSpec spec = new ModelSpec(ModelSpec.FORMAT_VERSION, "mlp", "cartpole", 4, 2, ModelSpec.tree(c), norm,
                Networks.shapes(net.params()), "", null);
        new Checkpoint(spec, w).save(dir);
        return dir;
    }
}
