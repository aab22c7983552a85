package dev.mawm.envs.grid2.program;

/**
 * How a sender's raw message travels (DESIGN §7 "Programs ... are a compact message codec"): encoded
 * to bits, then decoded to the window a receiver encodes. Codecs are named ({@link MessageCodecs#parse}):
 * {@code raw}, {@code program}, {@code program:L}. Deterministic and stateless.
 */
public interface MessageCodec {
    /** @return the codec's name as {@link MessageCodecs#parse} reads it: {@code raw}, {@code program}, {@code program:5} */
    String name();

    /** @return the window and grid the codec serves */
    ProgramSpace space();

    /**
     * Encodes a sender's message.
     *
     * @param message the raw message: {@code V·V} object types (row-major), then x, y when the space carries a position
     * @return the bits sent ({@link BitMessage#bits()} is the real count)
     * @throws IllegalArgumentException for a malformed message
     */
    BitMessage encode(int[] message);

    /**
     * Decodes what arrived.
     *
     * @param bits what {@link #encode} produced
     * @return the receiver's window: {@code V·V} cells in 0..5 ({@link ProgramWindows#UNKNOWN} = 5 only from
     *         {@code program:L}), then the sender's x, y when the space carries a position
     * @throws IllegalArgumentException for a malformed bit stream
     */
    int[] decode(BitMessage bits);

    /**
     * @param message a raw message
     * @return {@code decode(encode(message))}: what the receiver gets
     */
    default int[] transmit(int[] message) {
        return decode(encode(message));
    }
}
