package dev.mawm.export.bundle;

import dev.mawm.export.graphs.ComponentGraph;
import dev.mawm.models.Names;
import dev.mawm.models.bundle.BundleException;
import dev.mawm.models.bundle.BundleRule;
import dev.mawm.models.bundle.GoldenSpec;
import dev.mawm.models.checkpoint.Moments;
import dev.mawm.models.io.FloatTensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Golden states that exercise both sides of the done head's decision (family {@code mlp}): a seeded pool of
 * {@value #POOL} candidate raw states, the first quarter at {@code mean ± 2·std} of the training observations and the
 * rest out to {@code mean ± 40·std} per coordinate (where episodes end), is run through the reference's encoder and
 * done head; the golden states are the first {@code ceil(B/2)} candidates with {@code done_prob < 0.5} followed by the
 * first {@code floor(B/2)} with {@code done_prob ≥ 0.5}, in pool order. So a done head that always says "never" (or
 * "always") cannot replay the golden files ({@link GoldenSpec#decisionOutput}).
 *
 * <p>States near termination: a trained head is sharp, so pool states read ~1e-9 or ~1, values whose errors no
 * comparison against ONNX Runtime can resolve ({@link GoldenSpec#PROBABILITY_SCALE}). So, when the batch has room
 * ({@code B ≥ 5}: at least two rows left on each side), the last rows of the "never" side are replaced by states with
 * {@code done_prob} near {@link #LEVELS} 1e-3 and 0.2, and the last row of the "ends" side by one near 0.8: each found by
 * bisecting ({@value #STEPS} steps) the segment from the first "never" state below the level to the first "ends" state
 * above it (the head is continuous along it), keeping the end on the row's side. A head whose small probabilities read 0,
 * or are 100× off, cannot replay either.
 */
public final class DecisionStates {
    /** Candidate states per export. */
    static final int POOL = 1024;
    /** The farthest candidate, in standard deviations from the mean. */
    static final double FAR = 40;
    /** The {@code done_prob} levels of the states near the boundary: two below 0.5, one above. */
    static final double[] LEVELS = {1e-3, 0.2, 0.8};
    /** Bisection steps per boundary state. */
    static final int STEPS = 20;

    private DecisionStates() {
    }

    /**
     * @param graphs the bundle's component graphs
     * @param weights the trained parameters
     * @param reference computes the heads (TensorFlow in production)
     * @param obs the training observations' moments
     * @param batch the golden batch B, ≥ 2
     * @param seed the golden seed
     * @return B raw states [B, S], or empty when the bundle has no encoder + done head
     * @throws BundleException (rule {@link BundleRule#GOLDEN_COVERAGE}) when no candidate lies on one of the sides
     */
    public static Optional<ArrayTensor> select(List<ComponentGraph> graphs, Map<String, FloatTensor> weights, GoldenReference reference,
                                        Moments obs, int batch, long seed) {
        ComponentGraph encoder = find(graphs, Names.ENCODER);
        ComponentGraph done = find(graphs, Names.DONE);
        if (encoder == null || done == null) {
            return Optional.empty();
        }
        float[] mean = obs.mean();
        float[] std = obs.std();
        int s = mean.length;
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5eed_d0e5L);
        float[] pool = new float[POOL * s];
        for (int i = 0; i < pool.length; i++) {
            double z = i / s < POOL / 4 ? 4 * rng.nextDouble() - 2 : FAR * (2 * rng.nextDouble() - 1);
            pool[i] = (float) (mean[i % s] + std[i % s] * z);
        }
        Head head = new Head(encoder, done, weights, reference, s);
        float[] p = head.probabilities(pool, POOL);
        List<Integer> below = new ArrayList<>();
        List<Integer> above = new ArrayList<>();
        for (int i = 0; i < POOL; i++) {
            (p[i] < GoldenSpec.DECISION_THRESHOLD ? below : above).add(i);
        }
        int wantBelow = (batch + 1) / 2;
        int wantAbove = batch / 2;
        if (below.size() < wantBelow || above.size() < wantAbove) {
            throw new BundleException(BundleRule.GOLDEN_COVERAGE, "the checkpoint's done head gives done_prob >= 0.5 on "
                    + above.size() + " and < 0.5 on " + below.size() + " of " + POOL + " candidate states (mean +- up to "
                    + FAR + " std); golden files need " + wantAbove + " and " + wantBelow + " to exercise both sides of "
                    + "the decision (a done head that never fires is not a trained one)");
        }
        float[] out = new float[batch * s];
        List<Integer> rows = new ArrayList<>(below.subList(0, wantBelow));
        rows.addAll(above.subList(0, wantAbove));
        for (int r = 0; r < batch; r++) {
            System.arraycopy(pool, rows.get(r) * s, out, r * s, s);
        }
        if (batch >= 5) {
            int[] targetRows = {wantBelow - 2, wantBelow - 1, batch - 1};
            int[] from = new int[LEVELS.length];
            int[] to = new int[LEVELS.length];
            for (int k = 0; k < LEVELS.length; k++) {
                double level = LEVELS[k];
                from[k] = below.stream().filter(i -> p[i] < level).findFirst().orElse(below.get(0));
                to[k] = above.stream().filter(i -> p[i] > level).findFirst().orElse(-1);
            }
            float[][] near = head.bisect(pool, from, to);
            for (int k = 0; k < LEVELS.length; k++) {
                if (near[k] != null) {
                    System.arraycopy(near[k], 0, out, targetRows[k] * s, s);
                }
            }
        }
        return Optional.of(ArrayTensor.ofFloats(out, batch, s));
    }

    private static ComponentGraph find(List<ComponentGraph> graphs, String name) {
        return graphs.stream().filter(g -> g.name().equals(name)).findFirst().orElse(null);
    }

    /** The reference's done head on raw states. */
    private record Head(ComponentGraph encoder, ComponentGraph done, Map<String, FloatTensor> weights, GoldenReference reference,
                        int s) {

        float[] probabilities(float[] states, int n) {
            List<ArrayTensor> latent = reference.run(encoder, weights, List.of(ArrayTensor.ofFloats(states, n, s)));
            return reference.run(done, weights, latent).get(0).floats();
        }

        /**
         * Bisects every segment {@code from[k] → to[k]} for {@link #LEVELS}{@code [k]} at once (one reference call per
         * step).
         *
         * @return per level a state near it, at or above it for a level above 0.5 and below it otherwise (null where
         *     {@code to[k]} is −1: no candidate beyond the level)
         */
        float[][] bisect(float[] pool, int[] from, int[] to) {
            int n = LEVELS.length;
            double[] lo = new double[n];
            double[] hi = new double[n];
            java.util.Arrays.fill(hi, 1);
            float[] batch = new float[n * s];
            for (int step = 0; step < STEPS; step++) {
                for (int k = 0; k < n; k++) {
                    System.arraycopy(at(pool, from[k], Math.max(to[k], 0), (lo[k] + hi[k]) / 2), 0, batch, k * s, s);
                }
                float[] p = probabilities(batch, n);
                for (int k = 0; k < n; k++) {
                    double mid = (lo[k] + hi[k]) / 2;
                    if (p[k] < LEVELS[k]) {
                        lo[k] = mid;
                    } else {
                        hi[k] = mid;
                    }
                }
            }
            float[][] out = new float[n][];
            for (int k = 0; k < n; k++) {
                if (to[k] >= 0) {
                    out[k] = at(pool, from[k], to[k], LEVELS[k] > GoldenSpec.DECISION_THRESHOLD ? hi[k] : lo[k]);
                }
            }
            return out;
        }

        private float[] at(float[] pool, int from, int to, double t) {
            float[] x = new float[s];
            for (int j = 0; j < s; j++) {
                float a = pool[from * s + j];
                x[j] = (float) (a + t * (pool[to * s + j] - a));
            }
            return x;
        }
    }
}
