package dev.mawm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.models.bundle.BundleException;
import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.bundle.BundleRule;
import dev.mawm.models.bundle.ComponentSpec;
import dev.mawm.models.bundle.GoldenSpec;
import dev.mawm.models.bundle.TensorSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeded mutations ({@link BundleMutations}) of a copy of the shipped mlp bundle ({@code models/bundles/cartpole-mlp}:
 * every component, an ensemble of 3, the fused rollout), each loaded with {@link Bundle#load}:
 * every one must be refused with a {@link BundleException} that names the damaged file and a loading rule, or be
 * provably harmless: a manifest change only in metadata or planner settings (name, version, provenance, the planner's
 * numbers other than the horizon, a golden tolerance that still passes), a golden file whose tensors are unchanged (its
 * metadata) or that still replays (the graph is checked as before), or a graph whose outputs on fresh inputs (the golden
 * inputs, perturbed) stay within the tolerance of the original's.
 */
class BundleMutationTest {
    private static final Logger LOG = LoggerFactory.getLogger(BundleMutationTest.class);
    private static final int MUTATIONS = 300;
    private static final long SEED = 9;

    @TempDir
    Path dir;

    @Test
    void everyMutationIsRefusedNamingTheFileOrIsHarmless() throws Exception {
        Path bundle = Tamper.copy(Shipped.cartPole(), dir.resolve("b"));
        Map<String, byte[]> files = read(bundle);
        Map<String, Integer> counts = new TreeMap<>();
        List<String> holes = new ArrayList<>();
        BundleMutations mutations = new BundleMutations(files, SEED);
        SplittableRandom noise = new SplittableRandom(SEED);
        long start = System.nanoTime();
        try (Bundle original = Bundle.load(bundle)) {
            for (int i = 0; i < MUTATIONS; i++) {
                BundleMutations.Mutation m = mutations.next();
                write(bundle, m.changed());
                try (Bundle b = Bundle.load(bundle)) {
                    String why = harmless(m, original, b, files, noise);
                    if (why == null) {
                        holes.add("accepted: " + m.what());
                    } else {
                        counts.merge("harmless: " + why, 1, Integer::sum);
                    }
                } catch (BundleException e) {
                    if (!e.getMessage().contains(m.target()) || e.rule() == BundleRule.OTHER) {
                        holes.add("refused without naming " + m.target() + " or a rule (" + e.rule() + "): " + m.what()
                                + " -> " + e.getMessage());
                    }
                    counts.merge("refused: " + e.rule().code(), 1, Integer::sum);
                } catch (RuntimeException e) {
                    holes.add("escaped as " + e + ": " + m.what());
                } finally {
                    write(bundle, Map.copyOf(restore(files, m.changed())));
                }
            }
        }
        int refused = counts.entrySet().stream().filter(e -> e.getKey().startsWith("refused")).mapToInt(Map.Entry::getValue).sum();
        LOG.info("{} mutations of the shipped mlp bundle in {} ms: {} refused, {} harmless, {} holes; by outcome {}", MUTATIONS,
                (System.nanoTime() - start) / 1_000_000, refused,
                MUTATIONS - refused - holes.size(), holes.size(), counts);
        assertEquals(List.of(), holes);
        assertTrue(refused > MUTATIONS / 2, "most mutations must be refused: " + counts);
    }

    /** @return why an accepted mutation is harmless, or null when it is not */
    private static String harmless(BundleMutations.Mutation m, Bundle original, Bundle b, Map<String, byte[]> files,
                                   SplittableRandom noise) {
        if (m.target().equals(BundleManifest.FILE_NAME)) {
            return ManifestDiff.harmless(original.manifest(), b.manifest());
        }
        if (!ManifestDiff.sameExceptChecksums(original.manifest(), b.manifest())) {
            return null;
        }
        String file = m.target();
        if (file.startsWith(GoldenSpec.DIRECTORY + "/")) {
            GoldenSpec g = b.manifest().golden().stream().filter(s -> s.file().equals(file)).findFirst().orElseThrow();
            Map<String, HostTensor> before = GoldenReplay.decode(files.get(file), Path.of(file));
            Map<String, HostTensor> after = GoldenReplay.decode(b.goldenBytes(g.component()), Path.of(file));
            return before.equals(after) ? "golden metadata" : "golden values still replay";
        }
        ComponentSpec c = b.manifest().components().stream().filter(s -> s.file().equals(file)).findFirst().orElseThrow();
        GoldenSpec g = b.manifest().goldenFor(c.name()).orElseThrow();
        Map<String, HostTensor> inputs = perturbed(GoldenReplay.decode(original.goldenBytes(c.name()), Path.of(g.file())), c,
                original.manifest().dims().actionCount(), noise);
        Map<String, HostTensor> want = original.component(c.name()).run(inputs);
        Map<String, HostTensor> got = b.component(c.name()).run(inputs);
        double max = 0;
        for (TensorSpec out : c.outputs()) {
            for (int i = 0; i < want.get(out.name()).size(); i++) {
                max = Math.max(max, GoldenSpec.error(got.get(out.name()).get(i), want.get(out.name()).get(i),
                        GoldenSpec.scale(b.manifest().family(), out.name())));
            }
        }
        return max == 0 ? "graph bytes without effect" : max <= g.tolerance() ? "graph outputs within tolerance on fresh inputs"
                : null;
    }

    /** The golden inputs with every float moved by up to 10 % (+ 0.1) and every action redrawn. */
    private static Map<String, HostTensor> perturbed(Map<String, HostTensor> golden, ComponentSpec c, int actions,
                                                     SplittableRandom rng) {
        Map<String, HostTensor> in = new LinkedHashMap<>();
        for (TensorSpec t : c.inputs()) {
            HostTensor g = golden.get(GoldenSpec.inputKey(t.name()));
            if (t.shape().get(0) != TensorSpec.DYNAMIC) {
                in.put(t.name(), g);
            } else if (g.floats() != null) {
                float[] v = g.floats().clone();
                for (int i = 0; i < v.length; i++) {
                    v[i] += (float) ((2 * rng.nextDouble() - 1) * (0.1 * Math.abs(v[i]) + 0.1));
                }
                in.put(t.name(), HostTensor.f32(g.shape(), v));
            } else {
                int[] v = new int[g.ints().length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = rng.nextInt(actions);
                }
                in.put(t.name(), HostTensor.i32(g.shape(), v));
            }
        }
        return in;
    }

    private static Map<String, byte[]> read(Path bundle) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(bundle)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isRegularFile(p)) {
                    out.put(bundle.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                }
            }
        }
        return out;
    }

    private static Map<String, byte[]> restore(Map<String, byte[]> files, Map<String, byte[]> changed) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        changed.keySet().forEach(f -> out.put(f, files.get(f)));
        return out;
    }

    private static void write(Path bundle, Map<String, byte[]> changed) throws IOException {
        for (Map.Entry<String, byte[]> e : changed.entrySet()) {
            Files.write(bundle.resolve(e.getKey()), e.getValue());
        }
    }
}
