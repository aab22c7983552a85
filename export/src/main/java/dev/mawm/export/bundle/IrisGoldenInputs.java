package dev.mawm.export.bundle;

import dev.mawm.export.graphs.ComponentGraph;
import dev.mawm.models.Names;
import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.models.nn.iris.IrisDims;
import dev.mawm.models.nn.iris.IrisNames;
import dev.mawm.models.ops.ParamSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded golden inputs of the {@code iris} family, valid tokens of every kind: {@code cells} object types in
 * {@code [0, K)}; {@code pos} x in {@code [0, W)}, y in {@code [0, H)} (last axis 2); {@code message} cells in
 * {@code [0, K]} (K = no information), then x in {@code [0, W]} and y in {@code [0, H]} when messages carry the
 * position; {@code actions} in {@code [0, A)} with every action taken ({@link GoldenInputs#everyValue}); {@code steps}
 * consecutive per row from a random offset in {@code [1, maxSteps − T + 1]}; {@code discount} the planning discount;
 * {@code temperature} 0 (greedy: the goldens compare exact tokens across backends) and {@code noise} uniforms in (0, 1).
 *
 * @param batch    the concrete batch size, ≥ 1
 * @param discount γ for {@code discount}
 * @param dims     the environment's dimensions
 * @param maxSteps rows of the step embedding (step indices in {@code [1, maxSteps]})
 */
public record IrisGoldenInputs(int batch, float discount, IrisDims dims, int maxSteps) implements GoldenInputSource {

    /** Validates the sizes. */
    public IrisGoldenInputs {
        if (batch < 1 || maxSteps < 1) {
            throw new IllegalArgumentException("iris golden inputs need batch >= 1 and maxSteps >= 1, got " + batch + ", " + maxSteps);
        }
        if (dims == null) {
            throw new IllegalArgumentException("iris golden inputs need the environment dimensions");
        }
    }

    @Override
    public List<ArrayTensor> generate(ComponentGraph component, Map<String, ArrayTensor> known, long seed) {
        return GoldenInputSource.generate(component, batch, seed, spec -> null, this::draw);
    }

    private ArrayTensor draw(TensorSpec spec, long[] shape, SplittableRandom rng) {
        int n = Math.toIntExact(ParamSpec.size(shape));
        int last = (int) shape[shape.length - 1];
        int[] v = new int[n];
        switch (spec.name()) {
            case Names.DISCOUNT -> {
                float[] d = new float[n];
                Arrays.fill(d, discount);
                return ArrayTensor.ofFloats(d, shape);
            }
            case IrisNames.TEMPERATURE -> {
                return ArrayTensor.ofFloats(new float[n], shape); // 0: greedy, so goldens compare tokens across backends
            }
            case IrisNames.NOISE -> {
                float[] u = new float[n];
                for (int i = 0; i < n; i++) {
                    u[i] = (float) ((rng.nextInt(1 << 24) + 0.5) / (1 << 24)); // in (0, 1)
                }
                return ArrayTensor.ofFloats(u, shape);
            }
            case IrisNames.CELLS -> fill(v, rng, dims.objectTypes());
            case IrisNames.POS -> {
                for (int i = 0; i < n; i += 2) {
                    v[i] = rng.nextInt(dims.width());
                    v[i + 1] = rng.nextInt(dims.height());
                }
            }
            case IrisNames.MESSAGE -> {
                fill(v, rng, dims.objectTypes() + 1);
                if (dims.messagePosition()) {
                    for (int r = 0; r < n / last; r++) {
                        v[r * last + last - 2] = rng.nextInt(dims.width() + 1);
                        v[r * last + last - 1] = rng.nextInt(dims.height() + 1);
                    }
                }
            }
            case IrisNames.STEPS -> {
                if (last > maxSteps) {
                    throw new IllegalArgumentException("iris golden 'steps' of " + last + " blocks exceed maxSteps " + maxSteps);
                }
                for (int r = 0; r < n / last; r++) {
                    int offset = rng.nextInt(maxSteps - last + 1);
                    for (int k = 0; k < last; k++) {
                        v[r * last + k] = offset + k + 1;
                    }
                }
            }
            case Names.ACTIONS -> v = GoldenInputs.everyValue(n, dims.actions(), rng);
            default -> throw new IllegalArgumentException("no iris golden rule for input '" + spec.name() + "'");
        }
        return ArrayTensor.ofInts(v, shape);
    }

    private static void fill(int[] v, SplittableRandom rng, int bound) {
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextInt(bound);
        }
    }
}
