package dev.mawm.models.bundle;

import java.util.Locale;

/**
 * The rules {@code Bundle.load} checks, in the order it checks them ({@code docs/bundle-format.md}), each with a
 * stable code that {@code mawm verify --json} prints so scripts can react to the rule that failed. A
 * {@link BundleException} carries the rule it reports.
 */
public enum BundleRule {
    /** The bundle directory or its {@code bundle.json} is missing or unreadable. */
    MANIFEST_MISSING,
    /** {@code bundle.json} is not one JSON object (syntax, duplicate keys, trailing tokens). */
    MANIFEST_JSON,
    /** {@code formatVersion} is missing or not the version this library reads. */
    MANIFEST_VERSION,
    /** A field is unknown, missing, of the wrong type or out of range; names and files are not unique. */
    MANIFEST_SCHEMA,
    /** The family is unknown, or a component it needs is missing. */
    MANIFEST_COMPONENTS,
    /** A tensor's name, dtype or shape disagrees with the family and {@code dims}. */
    MANIFEST_TENSORS,
    /** The horizon of {@code dims}, {@code planningDefaults} and the {@code rollout_h{H}} graph disagree. */
    MANIFEST_HORIZON,
    /** Family-specific {@code dims.extra} and {@code messageFormat} rules (jepa2). */
    MANIFEST_FAMILY,
    /** A file the manifest lists is missing or unreadable. */
    FILE_MISSING,
    /** A file's SHA-256 differs from the manifest's. */
    FILE_SHA256,
    /** ONNX Runtime cannot load a graph. */
    GRAPH_LOAD,
    /** A graph's inputs or outputs differ from the manifest's names, dtypes or shapes. */
    GRAPH_INTERFACE,
    /** A golden file is not valid safetensors, or its tensors' names, dtypes or shapes are wrong. */
    GOLDEN_FORMAT,
    /** A golden file's sample count differs from the manifest's {@code samples}, or is zero. */
    GOLDEN_SAMPLES,
    /** A golden input or expected output holds NaN or an infinity. */
    GOLDEN_NONFINITE,
    /** A decision output's golden values lie on one side of its threshold (e.g. every {@code done_prob} below 0.5). */
    GOLDEN_COVERAGE,
    /** Running a component on its golden inputs fails (e.g. an action out of range). */
    GOLDEN_REPLAY,
    /** An output differs from its golden value by more than the tolerance. */
    GOLDEN_MISMATCH,
    /** Not a loading rule: writing a bundle, or a failure outside the rules above. */
    OTHER;

    /** @return the stable code, lower-case with dashes (e.g. {@code golden-nonfinite}) */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
