package dev.mawm.models.bundle;

import dev.mawm.models.family.ModelFamilies;
import dev.mawm.models.family.ModelFamily;

/**
 * Golden inputs and expected outputs of one component, replayed by {@code Bundle.load} and {@code mawm verify}.
 *
 * <p>The file is a safetensors file holding one tensor per graph input, named {@code in.<input>}, and one per
 * graph output, named {@code out.<output>}, with the dtypes and (concrete) shapes of the component's specs, the
 * batch dimension fixed to {@code samples}. An output element matches when its {@link #error(double, double, double)
 * error} is at most the tolerance: {@code |actual − expected| / max(scale, |expected|)}, with scale 1 (absolute up to
 * 1, relative above) except for probabilities ({@link #probabilityOutput}: sigmoid heads), whose scale is
 * {@value #PROBABILITY_SCALE}: relative down to 0.01, absolute below (at the default tolerance 1e-4, within 1e-6). So a
 * head whose probabilities of 1e-4 read 0, or 1e-6, cannot replay, while ONNX Runtime's own Sigmoid (within about
 * 2e-7 of the exact value, and exactly 0 for logits below about −16, where TensorFlow still gives 1e-7 down to 1e-9)
 * always does. NaN and infinities never match. The golden values of a decision output ({@link #decisionOutput}) lie on both sides of
 * {@value #DECISION_THRESHOLD}, so a head that always says "never" cannot replay within the tolerance.
 *
 * @param component the component this golden file belongs to
 * @param file      path relative to the bundle directory, by convention {@code golden/<component>.safetensors}
 * @param sha256    SHA-256 of the file, 64 lowercase hex digits
 * @param tolerance allowed error per output element (see above), finite and in [0, 1]
 * @param samples   the golden batch size: every tensor's leading (batch) dimension, ≥ 1
 */
public record GoldenSpec(String component, String file, String sha256, double tolerance, int samples) {
    /** Directory of the golden files inside a bundle. */
    public static final String DIRECTORY = "golden";
    /** File extension of a golden file. */
    public static final String EXTENSION = ".safetensors";
    /** Prefix of the tensors holding a component's inputs. */
    public static final String INPUT_PREFIX = "in.";
    /** Prefix of the tensors holding a component's expected outputs. */
    public static final String OUTPUT_PREFIX = "out.";
    /** The threshold of a decision output ({@link #decisionOutput}): golden values must lie on both sides of it. */
    public static final double DECISION_THRESHOLD = 0.5;
    /**
     * The scale below which a probability's error is absolute ({@link #error(double, double, double)}): at the
     * default tolerance 1e-4 an element within 1e-6 matches. Not smaller: ONNX Runtime's Sigmoid differs from the exact
     * sigmoid by up to 1.8e-7 (measured over logits in [−40, 5], ORT 1.29) and returns exactly 0 for logits below about
     * −16 ({@code SigmoidToleranceTest} in {@code export}).
     */
    public static final double PROBABILITY_SCALE = 1e-2;

    /** Validates every field. */
    public GoldenSpec {
        Checks.ident("golden component", component);
        Checks.relativeFile("golden '" + component + "' file", file, EXTENSION);
        Checks.sha256("golden '" + component + "' sha256", sha256);
        if (!(tolerance >= 0.0 && tolerance <= 1.0)) {
            throw new IllegalArgumentException("golden '" + component + "' tolerance must be in [0, 1], got "
                    + tolerance);
        }
        if (samples < 1) {
            throw new IllegalArgumentException("golden '" + component + "' samples must be >= 1 (a golden file that "
                    + "compares nothing proves nothing), got " + samples);
        }
    }

    /**
     * @param component a component name
     * @return the conventional golden file path, {@code golden/<component>.safetensors}
     */
    public static String defaultFile(String component) {
        return DIRECTORY + "/" + component + EXTENSION;
    }

    /**
     * @param input a graph input name
     * @return the name of the golden tensor holding it, {@code in.<input>}
     */
    public static String inputKey(String input) {
        return INPUT_PREFIX + input;
    }

    /**
     * @param output a graph output name
     * @return the name of the golden tensor holding it, {@code out.<output>}
     */
    public static String outputKey(String output) {
        return OUTPUT_PREFIX + output;
    }

    /**
     * @param actual   the value a graph produced
     * @param expected the golden value
     * @return the element's error at scale 1, {@code |actual − expected| / max(1, |expected|)}; infinite when either is
     *     NaN or infinite
     */
    public static double error(double actual, double expected) {
        return error(actual, expected, 1.0);
    }

    /**
     * @param actual   the value a graph produced
     * @param expected the golden value
     * @param scale    where the error turns from relative to absolute: 1, or {@link #PROBABILITY_SCALE} for a
     *                 probability ({@link #scale})
     * @return the element's error {@code |actual − expected| / max(scale, |expected|)}; infinite when either is NaN or
     *     infinite
     */
    public static double error(double actual, double expected, double scale) {
        if (!Double.isFinite(actual) || !Double.isFinite(expected)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.abs(actual - expected) / Math.max(scale, Math.abs(expected));
    }

    /**
     * @param family the bundle's family
     * @param output a graph output name
     * @return the error scale of the output: {@link #PROBABILITY_SCALE} for a {@link #probabilityOutput}, else 1
     */
    public static double scale(String family, String output) {
        return probabilityOutput(family, output) ? PROBABILITY_SCALE : 1.0;
    }

    /**
     * Whether an output is a probability (a sigmoid head): the family's {@link ModelFamily#probabilityOutputs()}
     * ({@code done_prob} of family {@code mlp}; {@code reward} and {@code done_prob} of family {@code jepa2}).
     *
     * @param family the bundle's family
     * @param output a graph output name
     * @return whether its error is relative down to {@link #PROBABILITY_SCALE} (false for an unregistered family)
     */
    public static boolean probabilityOutput(String family, String output) {
        return ModelFamilies.find(family).map(f -> f.probabilityOutputs().contains(output)).orElse(false);
    }

    /**
     * Whether an output is a decision (a probability a planner thresholds or weighs: termination), whose golden
     * expected values must lie on both sides of 0.5 so that a head stuck on one answer cannot replay: the family's
     * {@link ModelFamily#decisionOutputs()} ({@code done_prob} of family {@code mlp}, the arrival head's {@code reward}
     * of family {@code jepa2}; jepa2's {@code done} head cannot reach 0.5 from one agent's view,
     * {@code docs/bundle-format.md}).
     *
     * @param family the bundle's family
     * @param output a graph output name
     * @return whether the golden file must cover both sides of the decision (false for an unregistered family)
     */
    public static boolean decisionOutput(String family, String output) {
        return ModelFamilies.find(family).map(f -> f.decisionOutputs().contains(output)).orElse(false);
    }
}
