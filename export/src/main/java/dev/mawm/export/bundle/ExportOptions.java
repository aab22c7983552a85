package dev.mawm.export.bundle;

import dev.mawm.models.config.CemConfig;
import java.util.regex.Pattern;

/**
 * What {@link BundleWriter} writes besides the checkpoint's graphs.
 *
 * @param name bundle name, {@code [A-Za-z0-9_.-]+}
 * @param version bundle version, {@code [A-Za-z0-9_.-]+}
 * @param horizon H of the fused rollout {@code rollout_h{H}}, 1..1000
 * @param goldenBatch batch size of the golden inputs, 2..4096
 * @param goldenSeed seed of the golden inputs
 * @param goldenTolerance allowed golden error per element (absolute up to 1, relative above; see
 *     {@link dev.mawm.models.bundle.GoldenSpec}), in (0, 1]
 * @param planningDefaults the planner settings written to the manifest; its discount is the golden rollout discount
 */
public record ExportOptions(String name, String version, int horizon, int goldenBatch, long goldenSeed, double goldenTolerance,
                            CemConfig planningDefaults) {
    private static final Pattern IDENT = Pattern.compile("[A-Za-z0-9_.-]+");

    /** Validates every field. */
    public ExportOptions {
        if (name == null || !IDENT.matcher(name).matches()) {
            throw new IllegalArgumentException("bundle name must match [A-Za-z0-9_.-]+, got '" + name + "'");
        }
        if (version == null || !IDENT.matcher(version).matches()) {
            throw new IllegalArgumentException("bundle version must match [A-Za-z0-9_.-]+, got '" + version + "'");
        }
        if (horizon < 1 || horizon > 1000) {
            throw new IllegalArgumentException("export horizon must be in [1, 1000], got " + horizon);
        }
        if (goldenBatch < 2 || goldenBatch > 4096) {
            throw new IllegalArgumentException("golden batch must be in [2, 4096] (a decision needs samples on both "
                    + "sides), got " + goldenBatch);
        }
        if (!(goldenTolerance > 0 && goldenTolerance <= 1)) {
            throw new IllegalArgumentException("golden tolerance must be in (0, 1], got " + goldenTolerance);
        }
        if (planningDefaults == null) {
            throw new IllegalArgumentException("planning defaults must be given");
        }
        if (planningDefaults.horizon() != horizon) {
            throw new IllegalArgumentException("planning defaults' horizon (cem.horizon " + planningDefaults.horizon()
                    + ") must equal the export horizon " + horizon + " (the rollout graph rollout_h" + horizon + ")");
        }
    }

    /**
     * The golden batch {@code mawm export} writes unless told otherwise: 32 samples. With 8, a relu network's hidden unit
     * can be inactive on every golden sample, so a damaged weight into it replays clean (measured on a relu CartPole
     * bundle: one flipped exponent bit of a reward weight passed 8 samples; 32 caught it at sample 19).
     */
    public static final int DEFAULT_GOLDEN_BATCH = 32;

    /**
     * @param name bundle name
     * @param version bundle version
     * @return H from {@link CemConfig#defaults()} (12), golden batch {@link #DEFAULT_GOLDEN_BATCH}, seed 0, tolerance 1e-4,
     *     default planning settings
     */
    public static ExportOptions defaults(String name, String version) {
        CemConfig cem = CemConfig.defaults();
        return new ExportOptions(name, version, cem.horizon(), DEFAULT_GOLDEN_BATCH, 0L, 1e-4, cem);
    }

    /**
     * @param h the fused rollout horizon
     * @return a copy with {@code horizon} (and the planning defaults' horizon) replaced
     */
    public ExportOptions withHorizon(int h) {
        CemConfig c = planningDefaults;
        CemConfig cem = new CemConfig(h, c.samples(), c.elites(), c.iterations(), c.alpha(), c.pMin(), c.discount(), c.keepElites(),
                c.includeMode(), c.beta(), c.seed());
        return new ExportOptions(name, version, h, goldenBatch, goldenSeed, goldenTolerance, cem);
    }
}
