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
 */
public final class DecisionStates {
    /** Candidate states per export. */
    static final int POOL = 1024;
    /** The farthest candidate, in standard deviations from the mean. */
    static final double FAR = 40;

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
        List<ArrayTensor> latent = reference.run(encoder, weights, List.of(ArrayTensor.ofFloats(pool, POOL, s)));
        float[] p = reference.run(done, weights, latent).get(0).floats();
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
        return Optional.of(ArrayTensor.ofFloats(out, batch, s));
    }

    private static ComponentGraph find(List<ComponentGraph> graphs, String name) {
        return graphs.stream().filter(g -> g.name().equals(name)).findFirst().orElse(null);
    }
}
