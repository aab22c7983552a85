package dev.mawm.models.config;

/**
 * The unchecked exception of the configuration boundary: an unknown key, a value of the wrong
 * type, an unreadable file or a value a config record rejects. The message names the key and
 * what was expected.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * A config error.
     *
     * @param message what is wrong, naming the key or file
     */
    public ConfigException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, naming the key or file
     * @param cause the underlying failure
     */
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
