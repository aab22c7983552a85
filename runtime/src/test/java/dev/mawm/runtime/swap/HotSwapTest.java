package dev.mawm.runtime.swap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.models.config.CemConfig;
import dev.mawm.planner.MpcPlanner;
import dev.mawm.runtime.Bundle;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mawm.models.Names;
import dev.mawm.models.bundle.GoldenSpec;
import dev.mawm.runtime.EngineOptions;
import dev.mawm.runtime.RandomInputs;
import dev.mawm.runtime.Shipped;
import dev.mawm.runtime.Tamper;
import dev.mawm.runtime.engine.FusedRollout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Planning threads keep calling while good and bad bundles are swapped in: zero failed calls. The bundles are copies
 * of the shipped {@code models/bundles/cartpole-mlp}: three good ones whose fused rollouts differ (one weight rescaled,
 * its golden outputs rewritten: {@link Tamper#reweigh}), three damaged ones and one without a fused rollout.
 */
class HotSwapTest {
    private static final int N = 16;
    private static final int S = 4;
    private static final int A = 2;
    private static final int H = 12;
    private static final String ROLLOUT = Names.rollout(H) + ".onnx";
    @TempDir
    static Path dir;
    private static final Map<String, float[]> EXPECTED = new HashMap<>(); // bundle name -> returns on the fixed inputs
    private static float[] starts;
    private static int[] actions;

    @BeforeAll
    static void prepare() throws Exception {
        float[] factor = {1f, 0.5f, 2f};
        for (int k = 1; k <= 3; k++) {
            Path good = Tamper.copy(Shipped.cartPole(), dir.resolve("good" + k));
            if (factor[k - 1] != 1f) {
                Tamper.reweigh(good, Names.rollout(H), factor[k - 1]);
            }
            ObjectNode tree = Tamper.manifest(good);
            tree.put("name", "good" + k);
            Tamper.saveManifest(good, tree);
        }
        Path checksum = Tamper.copy(dir.resolve("good2"), dir.resolve("bad-checksum"));
        byte[] g = Files.readAllBytes(checksum.resolve("golden/reward.safetensors"));
        g[g.length - 2] ^= 4;
        Files.write(checksum.resolve("golden/reward.safetensors"), g);
        Path missing = Tamper.copy(dir.resolve("good3"), dir.resolve("bad-missing"));
        Files.delete(missing.resolve(ROLLOUT));
        Path weight = Tamper.copy(dir.resolve("good1"), dir.resolve("bad-weight"));
        Tamper.flipWeightByte(weight.resolve(ROLLOUT));
        Tamper.refreshChecksum(weight, ROLLOUT);
        withoutRollout(Tamper.copy(Shipped.cartPole(), dir.resolve("incompatible")));

        SplittableRandom rng = new SplittableRandom(17);
        starts = new float[N * S];
        float[] one = RandomInputs.states(rng, S);
        for (int i = 0; i < N; i++) {
            System.arraycopy(one, 0, starts, i * S, S);
        }
        actions = RandomInputs.ints(rng, N * H, A);
        for (int k = 1; k <= 3; k++) {
            try (Bundle b = Bundle.load(dir.resolve("good" + k))) {
                EXPECTED.put(b.manifest().name(), new FusedRollout(b).rollout(starts, actions, N, 0.9f).returns());
            }
        }
        for (int k = 2; k <= 3; k++) {
            assertFalse(Arrays.equals(EXPECTED.get("good1"), EXPECTED.get("good" + k)), "good" + k + " plans differently");
        }
    }

    /** A valid bundle of the same family without a fused rollout ({@code dims.horizon} 0). */
    private static void withoutRollout(Path b) throws Exception {
        ObjectNode tree = Tamper.manifest(b);
        ((ObjectNode) tree.get("dims")).put("horizon", 0);
        for (String list : new String[] {"components", "golden"}) {
            ArrayNode entries = (ArrayNode) tree.get(list);
            for (int i = entries.size() - 1; i >= 0; i--) {
                if (entries.get(i).path(list.equals("golden") ? "component" : "name").asText().equals(Names.rollout(H))) {
                    entries.remove(i);
                }
            }
        }
        Tamper.saveManifest(b, tree);
        Files.delete(b.resolve(ROLLOUT));
        Files.delete(b.resolve(GoldenSpec.defaultFile(Names.rollout(H))));
    }

    @Test
    void swapsUnderLoadNeverFailACall() throws Exception {
        List<String> offers = List.of("good2", "bad-checksum", "good3", "bad-missing", "good1", "incompatible",
                "bad-weight", "good2", "good1", "bad-checksum", "good3", "good2");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong calls = new AtomicLong();
        AtomicLong plans = new AtomicLong();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        Set<Bundle> seen = ConcurrentHashMap.newKeySet();
        Set<Long> generations = ConcurrentHashMap.newKeySet();
        CemConfig cem = new CemConfig(H, 32, 4, 2, 0.7, 0.01, 0.9, 2, true, 0.0, 5L);

        try (BundleHolder holder = BundleHolder.open(dir.resolve("good1"), EngineOptions.defaults())) {
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                workers.add(new Thread(() -> {
                    while (!stop.get()) {
                        try (BundleLease lease = holder.acquire()) {
                            Bundle b = lease.bundle();
                            seen.add(b);
                            generations.add(lease.generation());
                            FusedRollout f = new FusedRollout(b);
                            float[] first = f.rollout(starts, actions, N, 0.9f).returns();
                            float[] second = f.rollout(starts, actions, N, 0.9f).returns();
                            float[] expected = EXPECTED.get(b.manifest().name());
                            assertArrayEquals(expected, first, "generation " + lease.generation());
                            assertArrayEquals(expected, second, "same lease, same bundle");
                            calls.addAndGet(2);
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }
                }, "rollout-" + t));
            }
            workers.add(new Thread(() -> {
                try (SwappingSequenceModel model = new SwappingSequenceModel(holder, cem)) {
                    MpcPlanner planner = new MpcPlanner(cem, model);
                    float[] obs = {0.02f, 0.1f, -0.03f, 0.2f};
                    while (!stop.get()) {
                        int a = planner.act(obs);
                        assertTrue(a >= 0 && a < A);
                        plans.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "planner"));
            workers.forEach(Thread::start);

            List<SwapResult> results = new ArrayList<>();
            for (String offer : offers) {
                Thread.sleep(40);
                results.add(holder.swap(dir.resolve(offer)));
            }
            Thread.sleep(40);
            stop.set(true);
            for (Thread w : workers) {
                w.join();
            }

            assertEquals(List.of(), new ArrayList<>(failures), "failed calls");
            long generation = 1;
            for (int i = 0; i < offers.size(); i++) {
                SwapResult r = results.get(i);
                boolean good = offers.get(i).startsWith("good");
                assertEquals(good, r.accepted(), offers.get(i) + ": " + r.reason());
                generation += good ? 1 : 0;
                assertEquals(generation, r.generation());
                if (!good) {
                    assertTrue(r.reason().startsWith(dir.resolve(offers.get(i)).toString()), r.reason());
                }
            }
            assertTrue(results.get(1).reason().contains("SHA-256"), results.get(1).reason());
            assertTrue(results.get(3).reason().contains(ROLLOUT + ": missing"), results.get(3).reason());
            assertTrue(results.get(5).reason().contains("incompatible with the serving bundle: it lacks component '" + Names.rollout(H) + "'"),
                    results.get(5).reason());
            assertTrue(results.get(6).reason().contains("differs from the golden output"), results.get(6).reason());
            assertEquals(generation, holder.generation());
            assertTrue(calls.get() > 0 && plans.get() > 0, calls + " calls, " + plans + " plans");
            assertTrue(generations.size() >= 4, "workers ran on " + generations.size() + " generations");

            // no lease is open any more: every replaced bundle is closed, the serving one is not
            Bundle serving;
            try (BundleLease lease = holder.acquire()) {
                serving = lease.bundle();
            }
            for (Bundle b : seen) {
                assertEquals(b != serving, b.isClosed(), b.toString());
            }
            assertFalse(serving.isClosed());
            Collections.addAll(seen, serving);
        }
        for (Bundle b : seen) {
            assertTrue(b.isClosed(), "closing the holder closes the serving bundle");
        }
    }
}
