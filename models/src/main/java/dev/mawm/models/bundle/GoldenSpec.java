package dev.mawm.models.bundle;

/**
 * Golden inputs and expected outputs of one component, replayed by {@code Bundle.load} and {@code mawm verify}.
 *
 * <p>The file is a safetensors file holding one tensor per graph input, named {@code in.<input>}, and one per
 * graph output, named {@code out.<output>}, with the dtypes and (concrete) shapes of the component's specs. An
 * output element matches when {@code |actual − expected| ≤ tolerance · max(1, |expected|)}, i.e. the tolerance is
 * absolute for values up to 1 and relative above; NaN never matches.
 *
 * @param component the component this golden file belongs to
 * @param file      path relative to the bundle directory, by convention {@code golden/<component>.safetensors}
 * @param sha256    SHA-256 of the file, 64 lowercase hex digits
 * @param tolerance allowed error per output element (see above), finite and in [0, 1]
 */
public record GoldenSpec(String component, String file, String sha256, double tolerance) {
    /** Directory of the golden files inside a bundle. */
    public static final String DIRECTORY = "golden";
    /** Prefix of the tensors holding a component's inputs. */
    public static final String INPUT_PREFIX = "in.";
    /** Prefix of the tensors holding a component's expected outputs. */
    public static final String OUTPUT_PREFIX = "out.";

    /** Validates every field. */
    public GoldenSpec {
        Checks.ident("golden component", component);
        Checks.relativeFile("golden '" + component + "' file", file, ".safetensors");
        Checks.sha256("golden '" + component + "' sha256", sha256);
        if (!(tolerance >= 0.0 && tolerance <= 1.0)) {
            throw new IllegalArgumentException("golden '" + component + "' tolerance must be in [0, 1], got "
                    + tolerance);
        }
    }

    /**
     * @param component a component name
     * @return the conventional golden file path, {@code golden/<component>.safetensors}
     */
    public static String defaultFile(String component) {
        return DIRECTORY + "/" + component + ".safetensors";
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
     * @return the element's error {@code |actual − expected| / max(1, |expected|)}; infinite when either is NaN
     */
    public static double error(double actual, double expected) {
        if (Double.isNaN(actual) || Double.isNaN(expected)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.abs(actual - expected) / Math.max(1.0, Math.abs(expected));
    }
}
