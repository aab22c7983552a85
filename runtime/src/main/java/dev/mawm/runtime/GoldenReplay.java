package dev.mawm.runtime;

import dev.mawm.models.bundle.BundleException;
import dev.mawm.models.bundle.BundleRule;
import dev.mawm.models.bundle.ComponentSpec;
import dev.mawm.models.bundle.GoldenSpec;
import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.io.IntTensor;
import dev.mawm.models.io.Safetensors;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads golden files and replays them through any runner of a component (the bundle's own ONNX Runtime session,
 * or another engine such as DJL): step 5 of loading, {@code mawm verify}, and parity checks.
 */
public final class GoldenReplay {
    private GoldenReplay() {
    }

    /**
     * Decodes a golden file into heap tensors by name.
     *
     * @param bytes  the file content
     * @param source the file, for messages
     * @return tensors by name ({@code in.*} and {@code out.*})
     * @throws BundleException when the file is not valid safetensors
     */
    public static Map<String, HostTensor> decode(byte[] bytes, Path source) {
        Safetensors.TypedContents c;
        try {
            c = Safetensors.decodeTyped(bytes, source.toString());
        } catch (IllegalArgumentException e) {
            throw new BundleException(BundleRule.GOLDEN_FORMAT, source + ": not a valid golden safetensors file: "
                    + e.getMessage(), e);
        }
        Map<String, HostTensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, FloatTensor> e : c.floats().entrySet()) {
            out.put(e.getKey(), HostTensor.f32(e.getValue().shape(), e.getValue().data()));
        }
        for (Map.Entry<String, IntTensor> e : c.ints().entrySet()) {
            out.put(e.getKey(), HostTensor.i32(e.getValue().shape(), e.getValue().data()));
        }
        return out;
    }

    /**
     * Checks a golden file against its manifest entries and replays it: every tensor the component needs and no
     * other, with its dtype and shape; the batch dimension equal to {@code g.samples()}; every float finite; then
     * decision outputs ({@link GoldenSpec#decisionOutput}) on both sides of their threshold; then the runner's
     * outputs compared element by element ({@link GoldenSpec#error(double, double, double)}, relative down to
     * {@link GoldenSpec#PROBABILITY_SCALE} for the family's probabilities, {@link GoldenSpec#scale}).
     *
     * @param family the bundle's family (decides which outputs are decisions)
     * @param spec   the component's manifest entry
     * @param g      its golden entry
     * @param bytes  the golden file's content
     * @param file   the golden file's path, for messages
     * @param runner runs the component: graph inputs by name to graph outputs by name
     * @return the largest error over all outputs
     * @throws BundleException when the file lacks a tensor, has a wrong dtype/shape/sample count, holds NaN or an
     *     infinity, leaves a decision one-sided, or the runner fails on it
     */
    public static ComponentCheck replay(String family, ComponentSpec spec, GoldenSpec g, byte[] bytes, Path file,
                                        Function<Map<String, HostTensor>, Map<String, HostTensor>> runner) {
        Map<String, HostTensor> tensors = decode(bytes, file);
        Set<String> expectedKeys = new LinkedHashSet<>();
        Map<String, HostTensor> inputs = new LinkedHashMap<>();
        for (TensorSpec in : spec.inputs()) {
            String key = GoldenSpec.inputKey(in.name());
            expectedKeys.add(key);
            inputs.put(in.name(), require(tensors, key, in, file, g));
        }
        Map<String, HostTensor> expected = new LinkedHashMap<>();
        for (TensorSpec out : spec.outputs()) {
            String key = GoldenSpec.outputKey(out.name());
            expectedKeys.add(key);
            expected.put(out.name(), require(tensors, key, out, file, g));
        }
        for (String k : tensors.keySet()) {
            if (!expectedKeys.contains(k)) {
                throw new BundleException(BundleRule.GOLDEN_FORMAT, file + ": unexpected tensor '" + k + "'; a golden "
                        + "file of component '" + spec.name() + "' holds exactly " + expectedKeys);
            }
        }
        for (TensorSpec out : spec.outputs()) {
            if (GoldenSpec.decisionOutput(family, out.name())) {
                requireBothSides(expected.get(out.name()), GoldenSpec.outputKey(out.name()), file, spec.name());
            }
        }
        Map<String, HostTensor> actual;
        try {
            actual = runner.apply(inputs);
        } catch (RuntimeException e) {
            throw new BundleException(BundleRule.GOLDEN_REPLAY, file + ": replaying the golden inputs of component '"
                    + spec.name() + "' failed: " + e.getMessage(), e);
        }
        double max = 0;
        String worst = spec.outputs().get(0).name();
        long worstIndex = 0;
        double worstScale = GoldenSpec.scale(family, worst);
        for (TensorSpec out : spec.outputs()) {
            HostTensor a = actual.get(out.name());
            HostTensor e = expected.get(out.name());
            double scale = GoldenSpec.scale(family, out.name());
            if (a == null || !java.util.Arrays.equals(a.shape(), e.shape())) {
                return new ComponentCheck(spec.name(), spec.file(), g.file(), g.tolerance(), Double.POSITIVE_INFINITY, out.name(), 0,
                        scale);
            }
            for (int i = 0; i < a.size(); i++) {
                double err = GoldenSpec.error(a.get(i), e.get(i), scale);
                if (err > max) {
                    max = err;
                    worst = out.name();
                    worstIndex = i;
                    worstScale = scale;
                }
            }
        }
        return new ComponentCheck(spec.name(), spec.file(), g.file(), g.tolerance(), max, worst, worstIndex, worstScale);
    }

    private static void requireBothSides(HostTensor t, String key, Path file, String component) {
        int below = 0;
        for (int i = 0; i < t.size(); i++) {
            below += t.get(i) < GoldenSpec.DECISION_THRESHOLD ? 1 : 0;
        }
        if (below == 0 || below == t.size()) {
            throw new BundleException(BundleRule.GOLDEN_COVERAGE, file + ": every expected '" + key + "' of component '"
                    + component + "' is " + (below == 0 ? "at or above " : "below ") + GoldenSpec.DECISION_THRESHOLD
                    + "; golden inputs must exercise both sides of the decision (a head stuck on one answer would pass)");
        }
    }

    private static HostTensor require(Map<String, HostTensor> tensors, String key, TensorSpec spec, Path file,
                                      GoldenSpec g) {
        HostTensor t = tensors.get(key);
        if (t == null) {
            throw new BundleException(BundleRule.GOLDEN_FORMAT, file + ": missing tensor '" + key + "' (" + spec.dtype()
                    + spec.shape() + " of component '" + g.component() + "')");
        }
        if (!t.dtype().equals(spec.dtype()) || !spec.accepts(t.shape())) {
            throw new BundleException(BundleRule.GOLDEN_FORMAT, file + ": tensor '" + key + "' is " + t.describe()
                    + ", expected " + spec.dtype() + spec.shape() + " (-1: the batch) for component '" + g.component() + "'");
        }
        if (!spec.shape().isEmpty() && spec.shape().get(0) == TensorSpec.DYNAMIC && t.shape()[0] != g.samples()) {
            throw new BundleException(BundleRule.GOLDEN_SAMPLES, file + ": tensor '" + key + "' holds " + t.shape()[0]
                    + " samples, bundle.json says golden '" + g.component() + "' has samples " + g.samples());
        }
        if (t.floats() != null) {
            float[] v = t.floats();
            for (int i = 0; i < v.length; i++) {
                if (!Float.isFinite(v[i])) {
                    throw new BundleException(BundleRule.GOLDEN_NONFINITE, file + ": tensor '" + key + "' element " + i
                            + " is " + v[i] + "; golden inputs and expected outputs must be finite");
                }
            }
        }
        return t;
    }
}
