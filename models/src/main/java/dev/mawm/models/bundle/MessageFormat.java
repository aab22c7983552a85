package dev.mawm.models.bundle;

/**
 * The inter-agent message a message-passing family exchanges (DESIGN §7): a vector of small integers,
 * one-hot encoded before the message encoder.
 *
 * @param length   number of integers in one message (49 for the 7×7 gridworld window), ≥ 1
 * @param symbols  number of distinct values each integer can take (its one-hot width), ≥ 2
 * @param encoding how the integers enter the graph; {@value #ONE_HOT} in format version 1
 */
public record MessageFormat(int length, int symbols, String encoding) {
    /** Each integer is one-hot encoded over {@code symbols} values. */
    public static final String ONE_HOT = "onehot";

    /** Validates every field. */
    public MessageFormat {
        if (length < 1) {
            throw new IllegalArgumentException("messageFormat.length must be >= 1, got " + length);
        }
        if (symbols < 2) {
            throw new IllegalArgumentException("messageFormat.symbols must be >= 2, got " + symbols);
        }
        if (!ONE_HOT.equals(encoding)) {
            throw new IllegalArgumentException("messageFormat.encoding must be \"" + ONE_HOT + "\", got "
                    + (encoding == null ? "null" : "\"" + encoding + "\""));
        }
    }
}
