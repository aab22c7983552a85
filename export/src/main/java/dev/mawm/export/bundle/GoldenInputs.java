package dev.mawm.export.bundle;

import dev.mawm.export.graphs.ComponentGraph;
import dev.mawm.models.Names;
import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.models.checkpoint.Checkpoint;
import dev.mawm.models.checkpoint.ModelSpec;
import dev.mawm.models.checkpoint.Moments;
import dev.mawm.models.checkpoint.Normalization;
import dev.mawm.models.nn.gru.GruNames;
import dev.mawm.models.ops.ParamSpec;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded golden inputs in the range a deployed model sees: raw states at {@code mean ± 2·std} of the
 * training observations, latents as the encoder's outputs on such states (when an encoder's golden
 * outputs are given), GRU hidden states in (−1, 1), actions in {@code [0, A)} with every action taken at least once
 * when the tensor has at least A elements ({@link #everyValue}), the discount of the planning defaults.
 *
 * @param batch the concrete batch size, ≥ 1
 * @param actionCount A
 * @param discount γ for {@code discount} inputs
 * @param obs observation moments (raw state ranges)
 */
public record GoldenInputs(int batch, int actionCount, float discount, Moments obs) implements GoldenInputSource {

    /** Validates the sizes. */
    public GoldenInputs {
        if (batch < 1 || actionCount < 1) {
            throw new IllegalArgumentException("golden inputs need batch >= 1 and actionCount >= 1, got " + batch + ", " + actionCount);
        }
    }

    /**
     * @param checkpoint the checkpoint (action count A, observation moments)
     * @param options    golden batch and the planning defaults' discount
     * @return the golden inputs of a state family's bundle
     */
    public static GoldenInputs of(Checkpoint checkpoint, ExportOptions options) {
        ModelSpec spec = checkpoint.spec();
        return new GoldenInputs(options.goldenBatch(), spec.actionCount(), (float) options.planningDefaults().discount(),
                spec.normalization().get(Normalization.OBS));
    }

    /**
     * @param component the component
     * @param known tensors already computed by name (e.g. {@code latent} from the encoder's golden outputs), reused when they fit
     * @param seed the seed for this component
     * @return one tensor per input, in order
     */
    @Override
    public List<ArrayTensor> generate(ComponentGraph component, Map<String, ArrayTensor> known, long seed) {
        return GoldenInputSource.generate(component, batch, seed, spec -> known.get(spec.name()), this::draw);
    }

    private ArrayTensor draw(TensorSpec spec, long[] shape, SplittableRandom rng) {
        int n = Math.toIntExact(ParamSpec.size(shape));
        if (TensorSpec.INT32.equals(spec.dtype())) {
            return ArrayTensor.ofInts(everyValue(n, actionCount, rng), shape);
        }
        float[] v = new float[n];
        switch (spec.name()) {
            case Names.DISCOUNT -> java.util.Arrays.fill(v, discount);
            case Names.STATE, Names.START_STATE -> {
                float[] mean = obs.mean();
                float[] std = obs.std();
                int s = mean.length;
                for (int i = 0; i < n; i++) {
                    v[i] = (float) (mean[i % s] + std[i % s] * (4 * rng.nextDouble() - 2));
                }
            }
            case GruNames.HIDDEN -> {
                for (int i = 0; i < n; i++) {
                    v[i] = (float) (2 * rng.nextDouble() - 1);
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    v[i] = (float) (4 * rng.nextDouble() - 2);
                }
            }
        }
        return ArrayTensor.ofFloats(v, shape);
    }

    /**
     * @param n     how many values
     * @param bound values lie in {@code [0, bound)}
     * @param rng   the shuffle
     * @return {@code i mod bound} for i &lt; n, shuffled: every value in {@code [0, bound)} when {@code n ≥ bound} (so a
     *     golden file exercises every action: a weight of an action that no golden sample takes could change unseen)
     */
    static int[] everyValue(int n, int bound, SplittableRandom rng) {
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = i % bound;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
        return v;
    }
}
