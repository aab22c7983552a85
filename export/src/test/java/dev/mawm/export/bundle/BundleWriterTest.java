package dev.mawm.export.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import dev.mawm.export.OrtRunner;
import dev.mawm.export.Tensors;
import dev.mawm.export.TestNets;
import dev.mawm.export.graphs.ComponentGraph;
import dev.mawm.export.onnx.OnnxChecker;
import dev.mawm.models.Names;
import dev.mawm.models.bundle.BundleException;
import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.bundle.ComponentSpec;
import dev.mawm.models.bundle.GoldenSpec;
import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.models.checkpoint.Checkpoint;
import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.nn.gru.GruNames;
import dev.mawm.models.nn.mlp.MlpFamily;
import dev.mawm.models.ops.RefTensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bundle layout, golden replay in ONNX Runtime, and the atomic replace. */
class BundleWriterTest {
    @TempDir
    Path dir;

    @Test
    void mlpBundleIsCompleteAndItsGoldenFilesReplayInOrt() throws Exception {
        Path b = dir.resolve("cartpole-mlp");
        BundleManifest m = BundleWriter.write(TestNets.mlpCheckpoint(2, 7), b, ExportOptions.defaults("cartpole-mlp", "1").withHorizon(5),
                new RefGoldenReference(), Map.of("steps", 123));
        assertEquals(MlpFamily.INSTANCE.components(5), m.components().stream().map(ComponentSpec::name).toList());
        assertEquals(2, m.dims().ensembleSize());
        assertEquals(TestNets.S + 6, m.dims().latentSize());
        assertEquals(123, m.provenance().get("steps"));
        assertEquals(m, BundleManifest.read(b));
        replayAll(b, m);
    }

    @Test
    void gruBundleIsCompleteAndItsGoldenFilesReplayInOrt() throws Exception {
        Path b = dir.resolve("cartpole-gru");
        BundleManifest m = BundleWriter.write(TestNets.gruCheckpoint(8), b, ExportOptions.defaults("cartpole-gru", "1"),
                new RefGoldenReference(), Map.of());
        assertEquals(List.of(GruNames.GRU_STEP, Names.rollout(12)), m.components().stream().map(ComponentSpec::name).toList());
        assertEquals(12, m.planningDefaults().horizon());
        replayAll(b, m);
    }

    @Test
    void replacingKeepsTheOldBundleUntilTheNewOneIsCompleteAndLeavesNoTemporaries() throws Exception {
        Path b = dir.resolve("bundle");
        Checkpoint ckpt = TestNets.mlpCheckpoint(1, 3);
        BundleWriter.write(ckpt, b, ExportOptions.defaults("bundle", "1").withHorizon(2), new RefGoldenReference(), Map.of());
        GoldenReference failing = new GoldenReference() {
            private int calls;

            @Override
            public String description() {
                return "fails on the third component";
            }

            @Override
            public List<ArrayTensor> run(ComponentGraph c, Map<String, FloatTensor> w, List<ArrayTensor> in) {
                if (++calls == 3) {
                    throw new IllegalStateException("simulated failure while computing golden outputs");
                }
                return new RefGoldenReference().run(c, w, in);
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> BundleWriter.write(ckpt, b, ExportOptions.defaults("bundle", "2").withHorizon(2), failing, Map.of()));
        assertTrue(e.getMessage().contains("simulated"));
        assertEquals("1", BundleManifest.read(b).version(), "the previous bundle is intact");
        assertEquals(List.of("bundle"), listing(dir), "no temporary directories are left behind");

        BundleWriter.write(ckpt, b, ExportOptions.defaults("bundle", "2").withHorizon(2), new RefGoldenReference(), Map.of());
        assertEquals("2", BundleManifest.read(b).version());
        assertEquals(List.of("bundle"), listing(dir));
    }

    @Test
    void aBundleWhoseGoldenFilesDoNotReplayIsNotInstalled() throws Exception {
        Path b = dir.resolve("bundle");
        Checkpoint ckpt = TestNets.mlpCheckpoint(1, 3);
        BundleWriter.write(ckpt, b, ExportOptions.defaults("bundle", "1").withHorizon(2), new RefGoldenReference(), Map.of());
        GoldenReference wrong = new GoldenReference() {
            @Override
            public String description() {
                return "off by 0.01 on the decoder";
            }

            @Override
            public List<ArrayTensor> run(ComponentGraph c, Map<String, FloatTensor> w, List<ArrayTensor> in) {
                List<ArrayTensor> out = new RefGoldenReference().run(c, w, in);
                if (!c.name().equals("decoder")) {
                    return out;
                }
                float[] v = out.get(0).floats().clone();
                v[0] += 0.01f;
                return List.of(ArrayTensor.ofFloats(v, out.get(0).shape()));
            }
        };
        BundleException e = assertThrows(BundleException.class,
                () -> BundleWriter.write(ckpt, b, ExportOptions.defaults("bundle", "2").withHorizon(2), wrong, Map.of()));
        assertEquals(dev.mawm.models.bundle.BundleRule.GOLDEN_MISMATCH, e.rule());
        assertTrue(e.getMessage().startsWith("the exported bundle fails its own check, so it was not installed: ")
                && e.getMessage().contains("component 'decoder' (graph decoder.onnx) output 'state_pred' differs"), e.getMessage());
        assertEquals("1", BundleManifest.read(b).version(), "the previous bundle is intact");
        assertEquals(List.of("bundle"), listing(dir), "no temporary directories are left behind");
    }

    @Test
    void aDoneHeadThatNeverFiresCannotBeExported() throws Exception {
        Checkpoint ckpt = TestNets.mlpCheckpoint(1, 3);
        Map<String, FloatTensor> w = new java.util.LinkedHashMap<>(ckpt.tensors());
        w.replaceAll((name, t) -> name.endsWith(".done.l1.bias") ? new FloatTensor(t.shape(), new float[] {-1000f}) : t);
        Checkpoint never = new Checkpoint(ckpt.spec(), w);
        Path b = dir.resolve("never");
        BundleException e = assertThrows(BundleException.class, () -> BundleWriter.write(never, b,
                ExportOptions.defaults("never", "1").withHorizon(2), new RefGoldenReference(), Map.of()));
        assertEquals(dev.mawm.models.bundle.BundleRule.GOLDEN_COVERAGE, e.rule());
        assertTrue(e.getMessage().startsWith("the checkpoint's done head gives done_prob >= 0.5 on 0 and < 0.5 on 1024 of "
                + "1024 candidate states"), e.getMessage());
        assertTrue(Files.notExists(b));
        assertEquals(List.of(), listing(dir), "no temporary directories are left behind");
    }

    @Test
    void refusesToReplaceADirectoryThatIsNotABundle() throws Exception {
        Path b = Files.createDirectories(dir.resolve("data"));
        Files.writeString(b.resolve("notes.txt"), "keep me");
        BundleException e = assertThrows(BundleException.class, () -> BundleWriter.write(TestNets.mlpCheckpoint(1, 1), b,
                ExportOptions.defaults("x", "1").withHorizon(2), new RefGoldenReference(), Map.of()));
        assertTrue(e.getMessage().contains("not a bundle"), e.getMessage());
        assertEquals("keep me", Files.readString(b.resolve("notes.txt")));
    }

    /** Every graph passes the checker and carries pinned versions; every golden file replays in ORT within 1e-5. */
    static void replayAll(Path bundle, BundleManifest m) throws Exception {
        for (ComponentSpec c : m.components()) {
            byte[] bytes = Files.readAllBytes(bundle.resolve(c.file()));
            ModelProto model = ModelProto.parseFrom(bytes);
            assertEquals(List.of(), OnnxChecker.problems(model), c.name());
            assertEquals(Names.IR_VERSION, model.getIrVersion());
            assertEquals(Names.OPSET, model.getOpsetImport(0).getVersion());
            assertEquals(Names.PRODUCER_NAME, model.getProducerName());
            Map<String, String> meta = model.getMetadataPropsList().stream()
                    .collect(Collectors.toMap(StringStringEntryProto::getKey, StringStringEntryProto::getValue));
            assertEquals(c.name(), meta.get(Names.META_COMPONENT));
            assertEquals(m.family(), meta.get(Names.META_FAMILY));

            GoldenSpec g = m.goldenFor(c.name()).orElseThrow();
            Map<String, ArrayTensor> golden = GoldenFiles.decode(Files.readAllBytes(bundle.resolve(g.file())), g.file());
            Map<String, RefTensor> feed = new LinkedHashMap<>();
            for (TensorSpec s : c.inputs()) {
                ArrayTensor t = golden.get(GoldenSpec.inputKey(s.name()));
                assertTrue(s.accepts(t.shape()), s.name());
                feed.put(s.name(), new RefTensor(t.shape(), t.floats(), t.ints()));
            }
            try (OrtRunner ort = new OrtRunner(bytes)) {
                assertEquals(c.inputs().stream().map(TensorSpec::name).toList(), ort.inputNames());
                assertEquals(c.outputs().stream().map(TensorSpec::name).toList(), ort.outputNames());
                Map<String, RefTensor> out = ort.run(feed);
                for (TensorSpec s : c.outputs()) {
                    ArrayTensor want = golden.get(GoldenSpec.outputKey(s.name()));
                    double err = Tensors.maxAbsDiff(out.get(s.name()), new RefTensor(want.shape(), want.floats(), want.ints()));
                    assertTrue(err <= 1e-5, c.name() + "." + s.name() + ": golden error " + err);
                }
            }
        }
    }

    private static List<String> listing(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
