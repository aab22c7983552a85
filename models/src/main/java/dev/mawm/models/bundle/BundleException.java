package dev.mawm.models.bundle;

import java.util.Objects;

/**
 * The one unchecked exception of the bundle boundary: a manifest that does not parse or validate, a
 * missing or corrupt file, a checksum mismatch, a graph whose inputs or outputs differ from the manifest,
 * or golden outputs that no longer replay. The message names the file and what was expected; the cause
 * is kept; {@link #rule()} says which loading rule failed.
 */
public final class BundleException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final BundleRule rule;

    /**
     * A bundle error under no particular rule ({@link BundleRule#OTHER}).
     *
     * @param message what is wrong, naming the file and the expectation
     */
    public BundleException(String message) {
        this(BundleRule.OTHER, message);
    }

    /**
     * @param message what is wrong, naming the file and the expectation (rule {@link BundleRule#OTHER})
     * @param cause the underlying failure
     */
    public BundleException(String message, Throwable cause) {
        this(BundleRule.OTHER, message, cause);
    }

    /**
     * @param rule the rule that failed
     * @param message what is wrong, naming the file and the expectation
     */
    public BundleException(BundleRule rule, String message) {
        super(message);
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    /**
     * @param rule the rule that failed
     * @param message what is wrong, naming the file and the expectation
     * @param cause the underlying failure
     */
    public BundleException(BundleRule rule, String message, Throwable cause) {
        super(message, cause);
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    /** @return the loading rule that failed ({@link BundleRule#OTHER} outside loading) */
    public BundleRule rule() {
        return rule;
    }
}
