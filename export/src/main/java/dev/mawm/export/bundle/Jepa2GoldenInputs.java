package dev.mawm.export.bundle;

import dev.mawm.export.graphs.ComponentGraph;
import dev.mawm.models.Names;
import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.models.nn.jepa2.Jepa2Dims;
import dev.mawm.models.nn.jepa2.Jepa2Names;
import dev.mawm.models.ops.ParamSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded golden inputs of the {@code jepa2} family in the range the gridworld produces. The exporter presets the
 * images, positions, actions and messages as rendered grid2 transitions ({@link ArrivalTransitions}); without them
 * (a generator used on its own): images with pixel values uniform in [0, 1], positions on inner cells
 * ({@code x ∈ [1, W−2]}, {@code y ∈ [1, H−2]} when the grid has an inside, raw cell coordinates as floats), messages of object types in {@code [0, K)} (then an inner-cell position
 * when messages carry it), cells-mode predictor messages in {@code [0, K]} (K = no information), actions in
 * {@code [0, A)}, the planning discount. Latents are the encoder's golden outputs and message latents the message
 * encoder's; the rollout's {@code z_self} / {@code h_self0} are those rows and {@code z_other} the same rows rotated
 * by one (another agent's real latent); {@code msg_mask} is 0 or 1, {@code agent} a context row in {@code [0, G)}.
 * Tensors not computed yet fall back to uniform values in [−2, 2).
 *
 * @param batch       the concrete batch size, ≥ 1
 * @param actionCount A
 * @param discount    γ for {@code discount}
 * @param dims        the environment's dimensions (grid, object types)
 */
public record Jepa2GoldenInputs(int batch, int actionCount, float discount, Jepa2Dims dims) implements GoldenInputSource {

    /** Validates the sizes. */
    public Jepa2GoldenInputs {
        if (batch < 1 || actionCount < 1) {
            throw new IllegalArgumentException("golden inputs need batch >= 1 and actionCount >= 1, got " + batch + ", " + actionCount);
        }
        if (dims == null) {
            throw new IllegalArgumentException("jepa2 golden inputs need the environment dimensions");
        }
    }

    @Override
    public List<ArrayTensor> generate(ComponentGraph component, Map<String, ArrayTensor> known, long seed) {
        return GoldenInputSource.generate(component, batch, seed, spec -> reuse(spec.name(), known),
                (spec, shape, rng) -> draw(component.name(), spec, shape, rng));
    }

    private static ArrayTensor reuse(String input, Map<String, ArrayTensor> known) {
        return switch (input) {
            case Jepa2Names.Z_SELF -> known.get(Names.LATENT);
            case Jepa2Names.H_SELF0 -> known.get(Jepa2Names.MSG_LATENT);
            case Jepa2Names.Z_OTHER -> rotate(known.get(Names.LATENT));
            default -> known.get(input);
        };
    }

    /** @return rows shifted by one ({@code row i ← row i+1}, the last from the first), or null */
    private static ArrayTensor rotate(ArrayTensor t) {
        if (t == null || t.isInt() || t.shape().length != 2) {
            return null;
        }
        int rows = (int) t.shape()[0];
        int w = (int) t.shape()[1];
        float[] v = new float[rows * w];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(t.floats(), ((i + 1) % rows) * w, v, i * w, w);
        }
        return ArrayTensor.ofFloats(v, t.shape());
    }

    private ArrayTensor draw(String component, TensorSpec spec, long[] shape, SplittableRandom rng) {
        int n = Math.toIntExact(ParamSpec.size(shape));
        if (TensorSpec.INT32.equals(spec.dtype())) {
            int bound = switch (spec.name()) {
                case Jepa2Names.MESSAGE_OTHER -> Jepa2Names.PREDICTOR.equals(component) ? dims.objectTypes() + 1 : dims.messageChannels();
                case Jepa2Names.MESSAGE -> dims.messageChannels();
                case Jepa2Names.AGENT -> (int) shape[0];
                default -> actionCount;
            };
            int[] v = GoldenInputs.everyValue(n, bound, rng);
            if (Jepa2Names.MESSAGE.equals(spec.name()) && dims.messagePosition()) {
                int len = dims.messageLength();
                for (int r = 0; r < n / len; r++) {
                    v[r * len + len - 2] = (int) cell(rng, dims.width());
                    v[r * len + len - 1] = (int) cell(rng, dims.height());
                }
            }
            return ArrayTensor.ofInts(v, shape);
        }
        float[] v = new float[n];
        switch (spec.name()) {
            case Names.DISCOUNT -> Arrays.fill(v, discount);
            case Jepa2Names.MSG_MASK -> {
                for (int i = 0; i < n; i++) {
                    v[i] = rng.nextInt(2);
                }
            }
            case Jepa2Names.IMAGE -> {
                for (int i = 0; i < n; i++) {
                    v[i] = (float) rng.nextDouble();
                }
            }
            case Jepa2Names.POS -> {
                for (int i = 0; i < n; i += 2) {
                    v[i] = cell(rng, dims.width());
                    v[i + 1] = cell(rng, dims.height());
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

    /** @return an inner cell coordinate of an axis of {@code size} cells (any cell when there is no inside) */
    private static float cell(SplittableRandom rng, int size) {
        return size > 2 ? 1 + rng.nextInt(size - 2) : rng.nextInt(size);
    }
}
