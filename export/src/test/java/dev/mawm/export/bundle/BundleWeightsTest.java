package dev.mawm.export.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.export.Exporter;
import dev.mawm.export.OrtRunner;
import dev.mawm.export.Tensors;
import dev.mawm.models.bundle.BundleException;
import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.bundle.ComponentSpec;
import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.ops.RefTensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a shipped bundle's weights back ({@link BundleWeights}) and exporting them again ({@link Exporter#reexport}). */
class BundleWeightsTest {
    private static final Path BUNDLES = Path.of("..", "models", "bundles");
    /** What vector mode's lowered one-token attention does not read (its softmax weight is 1 whatever they are). */
    private static final Set<String> UNREAD_WHEN_LOWERED = Set.of("predictor.query.weight", "predictor.key.weight");

    @Test
    void aReexportedJepa2BundleHasTheSameWeightsAndComputesTheSameOutputs(@TempDir Path tmp) throws Exception {
        Path src = BUNDLES.resolve("grid2-jepa2");
        BundleWeights.Read before = BundleWeights.read(src);
        assertTrue(before.absent().contains("projimg.l0.weight") && before.absent().contains("projmsg.l1.bias"),
                "the LeJEPA projectors are in no graph: " + before.absent());
        assertTrue(before.absent().stream().allMatch(n -> n.startsWith("proj") || UNREAD_WHEN_LOWERED.contains(n)), before.absent().toString());
        for (String n : before.absent()) {
            FloatTensor t = before.checkpoint().tensor(n);
            for (float v : t.data()) {
                assertEquals(0f, v, n + " is zero-filled");
            }
        }

        Path out = tmp.resolve("again");
        BundleManifest m = Exporter.reexport(src, out, ExportOptions.defaults("again", "2").withHorizon(before.manifest().dims().horizon()));
        assertEquals(before.manifest().components().size(), m.components().size());
        @SuppressWarnings("unchecked")
        Map<String, Object> from = (Map<String, Object>) m.provenance().get("reexportedFrom");
        assertEquals(before.manifest().version(), from.get("version"));
        assertEquals(before.manifest().provenance().get("training"), m.provenance().get("training"));

        BundleWeights.Read after = BundleWeights.read(out);
        assertEquals(before.checkpoint().tensors().keySet(), after.checkpoint().tensors().keySet());
        before.checkpoint().tensors().forEach((name, t) ->
                assertArrayEquals(t.data(), after.checkpoint().tensor(name).data(), name + " comes back bit for bit"));

        // same inputs into the source's and the re-exported graphs: the same outputs (the lowering is exact)
        SplittableRandom rng = new SplittableRandom(7);
        for (ComponentSpec c : before.manifest().components()) {
            Map<String, RefTensor> in = new LinkedHashMap<>();
            for (TensorSpec s : c.inputs()) {
                long[] shape = s.shape().stream().mapToLong(d -> d == TensorSpec.DYNAMIC ? 16 : d).toArray();
                in.put(s.name(), TensorSpec.INT32.equals(s.dtype()) ? Tensors.ints(rng, 2, shape) : Tensors.uniform(rng, 0, 1, shape));
            }
            try (OrtRunner a = new OrtRunner(Files.readAllBytes(src.resolve(c.file())));
                 OrtRunner b = new OrtRunner(Files.readAllBytes(out.resolve(c.file())))) {
                Map<String, RefTensor> ya = a.run(in);
                Map<String, RefTensor> yb = b.run(in);
                for (String k : ya.keySet()) {
                    assertEquals(0.0, Tensors.maxAbsDiff(ya.get(k), yb.get(k)), 1e-6, c.name() + "." + k);
                }
            }
        }
    }

    @Test
    void anMlpBundleIsRefusedForItsFoldedNormalization() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BundleWeights.read(BUNDLES.resolve("cartpole-mlp")));
        assertTrue(e.getMessage().contains("mlp") && e.getMessage().contains("normalization") && e.getMessage().contains("checkpoint"),
                e.getMessage());
    }

    @Test
    void aDamagedGraphIsRefusedByItsHash(@TempDir Path tmp) throws Exception {
        Path copy = tmp.resolve("b");
        Files.createDirectories(copy.resolve("golden"));
        try (Stream<Path> files = Files.walk(BUNDLES.resolve("grid2-jepa2"))) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Files.copy(f, copy.resolve(BUNDLES.resolve("grid2-jepa2").relativize(f).toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path g = copy.resolve("predictor.onnx");
        byte[] b = Files.readAllBytes(g);
        b[b.length - 5] ^= 0x40;
        Files.write(g, b);
        BundleException e = assertThrows(BundleException.class, () -> BundleWeights.read(copy));
        assertTrue(e.getMessage().contains("predictor.onnx"), e.getMessage());
    }
}
