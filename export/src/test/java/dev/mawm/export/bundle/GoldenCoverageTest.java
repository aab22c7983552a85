package dev.mawm.export.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.envs.grid2.Grid2Palette;
import dev.mawm.envs.grid2.ObjectTypes;
import dev.mawm.export.Jepa2Nets;
import dev.mawm.export.TestNets;
import dev.mawm.export.graphs.ComponentGraph;
import dev.mawm.export.graphs.Jepa2Graphs;
import dev.mawm.export.graphs.MlpGraphs;
import dev.mawm.models.Names;
import dev.mawm.models.bundle.BundleException;
import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.bundle.BundleRule;
import dev.mawm.models.bundle.GoldenSpec;
import dev.mawm.models.checkpoint.Checkpoint;
import dev.mawm.models.checkpoint.Normalization;
import dev.mawm.models.config.Jepa2Config;
import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.nn.jepa2.Jepa2Model;
import dev.mawm.models.nn.jepa2.Jepa2Names;
import dev.mawm.models.nn.mlp.MlpEnsemble;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the golden files of a freshly exported bundle exercise: every action, and each binary head on both sides of
 * its decision, with states near the boundary where a trained head is sharp.
 */
class GoldenCoverageTest {
    @TempDir
    Path dir;

    @Test
    void everyActionInputOfTheGoldenBatchTakesEveryAction() {
        MlpEnsemble mlp = TestNets.mlp(1);
        GoldenInputs mlpInputs = new GoldenInputs(8, TestNets.A, 0.9f, TestNets.normalization(TestNets.S).get(Normalization.OBS));
        assertEveryAction(new MlpGraphs(mlp, 3).components(), mlpInputs, TestNets.A);
        Jepa2Model jepa2 = Jepa2Nets.model(Jepa2Nets.small(Jepa2Config.MESSAGE_VECTOR));
        assertEveryAction(new Jepa2Graphs(jepa2, 3).components(), new Jepa2GoldenInputs(8, 5, 0.9f, Jepa2Nets.DIMS), 5);
    }

    /** Every action input (action, actions, other_actions) of every component, for 20 golden seeds, holds every action. */
    private static void assertEveryAction(List<ComponentGraph> graphs, GoldenInputSource inputs, int actions) {
        Set<Integer> all = new TreeSet<>();
        for (int a = 0; a < actions; a++) {
            all.add(a);
        }
        for (ComponentGraph c : graphs) {
            for (long seed = 0; seed < 20; seed++) {
                List<ArrayTensor> generated = inputs.generate(c, Map.of(), seed);
                for (int i = 0; i < c.inputs().size(); i++) {
                    String name = c.inputs().get(i).name();
                    if (name.equals(Names.ACTION) || name.equals(Names.ACTIONS) || name.equals(Jepa2Names.OTHER_ACTIONS)) {
                        Set<Integer> seen = new TreeSet<>();
                        for (int a : generated.get(i).ints()) {
                            seen.add(a);
                        }
                        assertEquals(all, seen, c.name() + "." + name + " seed " + seed);
                    }
                }
            }
        }
    }

    @Test
    void aSharpDoneHeadStillHasGoldenStatesNearItsBoundary() throws Exception {
        Checkpoint ckpt = TestNets.mlpCheckpoint(1, 5);
        Map<String, FloatTensor> w = new LinkedHashMap<>(ckpt.tensors());
        // a trained done head is sharp: its logits are far from 0 on almost every state
        w.replaceAll((name, t) -> name.contains(".done.l1.") ? scaled(t, 60) : t);
        Path b = dir.resolve("sharp");
        BundleWriter.write(new Checkpoint(ckpt.spec(), w), b, ExportOptions.defaults("sharp", "1").withHorizon(3),
                new RefGoldenReference(), Map.of());
        float[] p = golden(b, "done").get(GoldenSpec.outputKey("done_prob")).floats();
        int half = ExportOptions.DEFAULT_GOLDEN_BATCH / 2;
        assertEquals(2 * half, p.length);
        assertTrue(count(p, 0, 0.5) == half && count(p, 0.5, 1.01) == half, half + " rows on each side: " + Arrays.toString(p));
        assertTrue(count(p, 1e-4, 1e-2) >= 1, "a small but resolvable probability: " + Arrays.toString(p));
        assertTrue(count(p, 0.05, 0.5) >= 1, "a state just inside: " + Arrays.toString(p));
        assertTrue(count(p, 0.5, 0.95) >= 1, "a state just beyond: " + Arrays.toString(p));
        assertTrue(count(p, 0, 1e-6) + count(p, 1 - 1e-6, 1.01) >= 2, "deep states stay: " + Arrays.toString(p));
    }

    @Test
    void aJepa2BundlesGoldenTransitionsAreRenderedViewsOnBothSidesOfTheArrivalHead() throws Exception {
        Path b = dir.resolve("jepa2");
        Checkpoint ckpt = Jepa2Nets.centeredArrivalHead(Jepa2Nets.checkpoint(Jepa2Nets.small(Jepa2Config.MESSAGE_VECTOR), 21));
        BundleWriter.write(ckpt, b, ExportOptions.defaults("jepa2", "1").withHorizon(2), new RefGoldenReference(), Map.of());
        float[] p = golden(b, Names.REWARD).get(GoldenSpec.outputKey(Names.REWARD_OUT)).floats();
        int half = ExportOptions.DEFAULT_GOLDEN_BATCH / 2;
        assertTrue(p.length == 2 * half && count(p, 0, 0.5) == half && count(p, 0.5, 1.01) == half,
                half + " rows on each side: " + Arrays.toString(p));
        float[] image = golden(b, Names.ENCODER).get(GoldenSpec.inputKey(Jepa2Names.IMAGE)).floats();
        int v = Jepa2Nets.DIMS.viewSize();
        int px = Jepa2Nets.DIMS.pixelsPerCell();
        for (int r = 0; r < p.length; r++) {
            for (int y = 0; y < v * px; y++) {
                for (int x = 0; x < v * px; x++) {
                    type(image, r, v * px, y, x);   // every pixel is a palette color: a rendered view, not noise
                }
            }
        }
        int[] message = golden(b, Jepa2Names.MSG_ENCODER).get(GoldenSpec.inputKey(Jepa2Names.MESSAGE)).ints();
        assertEquals(p.length * v * v, message.length, "bare windows (the test dims carry no position)");
        for (int t : message) {
            assertTrue(t >= 0 && t < ObjectTypes.COUNT, "message cell " + t);
        }
    }

    @Test
    void aJepa2ArrivalHeadThatNeverFiresCannotBeExported() {
        Checkpoint ckpt = Jepa2Nets.checkpoint(Jepa2Nets.small(Jepa2Config.MESSAGE_VECTOR), 21);
        Map<String, FloatTensor> w = new LinkedHashMap<>(ckpt.tensors());
        w.replaceAll((name, t) -> name.equals("reward.l1.bias") ? new FloatTensor(t.shape(), new float[] {-1000f}) : t);
        Path b = dir.resolve("never");
        BundleException e = assertThrows(BundleException.class, () -> BundleWriter.write(new Checkpoint(ckpt.spec(), w), b,
                ExportOptions.defaults("never", "1").withHorizon(2), new RefGoldenReference(), Map.of()));
        assertEquals(BundleRule.GOLDEN_COVERAGE, e.rule());
        assertTrue(e.getMessage().startsWith("the checkpoint's reward (arrival) head gives reward >= 0.5 on 0 and < 0.5 on "),
                e.getMessage());
        assertTrue(e.getMessage().contains("first arrivals at the goal, on 64 generated 11x11 maps"), e.getMessage());
        assertTrue(Files.notExists(b));
    }

    /** @return the object type whose palette color the pixel (y, x) of image row r shows; fails on any other color */
    private static int type(float[] image, int r, int side, int y, int x) {
        int plane = side * side;
        int base = r * 3 * plane + y * side + x;
        int rgb = (Math.round(image[base] * 255) << 16) | (Math.round(image[base + plane] * 255) << 8)
                | Math.round(image[base + 2 * plane] * 255);
        for (int t = 0; t < ObjectTypes.COUNT; t++) {
            if (Grid2Palette.rgb(t) == rgb) {
                return t;
            }
        }
        throw new AssertionError(String.format("golden image row %d pixel (%d, %d) is #%06x, not a grid2 palette color", r, y, x, rgb));
    }

    private static int count(float[] p, double from, double to) {
        int n = 0;
        for (float v : p) {
            n += v >= from && v < to ? 1 : 0;
        }
        return n;
    }

    private static FloatTensor scaled(FloatTensor t, float k) {
        float[] v = t.data().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] *= k;
        }
        return new FloatTensor(t.shape(), v);
    }

    static Map<String, ArrayTensor> golden(Path bundle, String component) throws Exception {
        BundleManifest m = BundleManifest.read(bundle);
        GoldenSpec g = m.goldenFor(component).orElseThrow();
        return new HashMap<>(GoldenFiles.decode(Files.readAllBytes(bundle.resolve(g.file())), g.file()));
    }
}
