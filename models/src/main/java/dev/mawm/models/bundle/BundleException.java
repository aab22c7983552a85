package dev.mawm.models.bundle;

/**
 * The one unchecked exception of the bundle boundary: a manifest that does not parse or validate, a
 * missing or corrupt file, a checksum mismatch, a graph whose inputs or outputs differ from the manifest,
 * or golden outputs that no longer replay. The message names the file and what was expected; the cause
 * is kept.
 */
public final class BundleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the file and the expectation */
    public BundleException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, naming the file and the expectation
     * @param cause the underlying failure
     */
    public BundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
