package dev.mawm.envs.grid2.program;

import java.util.Arrays;
import java.util.Objects;

/**
 * An encoded message as it is sent: {@link #bits()} bits packed most significant bit first into
 * {@code ⌈bits / 8⌉} bytes, the unused low bits of the last byte zero. "Bits sent" is {@link #bits()}.
 *
 * @param bytes the packed bits (copied; {@link #bytes()} returns a copy)
 * @param bits  the real length in bits, ≥ 0
 */
public record BitMessage(byte[] bytes, int bits) {
    /**
     * Validates the length and the zero padding.
     *
     * @throws IllegalArgumentException when {@code bytes} is not {@code ⌈bits / 8⌉} long or a padding bit is set
     */
    public BitMessage {
        Objects.requireNonNull(bytes, "bit message bytes");
        if (bits < 0) {
            throw new IllegalArgumentException("bit message length must be ≥ 0 bits, got " + bits);
        }
        int need = (bits + 7) / 8;
        if (bytes.length != need) {
            throw new IllegalArgumentException("bit message of " + bits + " bits must have " + need + " bytes, got " + bytes.length);
        }
        bytes = bytes.clone();
        int pad = need * 8 - bits;
        if (pad > 0 && (bytes[need - 1] & ((1 << pad) - 1)) != 0) {
            throw new IllegalArgumentException("bit message padding (the last " + pad + " bits of byte " + (need - 1) + ") must be zero");
        }
    }

    /** @return a copy of the packed bytes */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * @param i a bit index in {@code [0, bits)}
     * @return that bit, 0 or 1 (bit 0 is the most significant bit of byte 0)
     */
    public int bit(int i) {
        if (i < 0 || i >= bits) {
            throw new IndexOutOfBoundsException("bit " + i + " outside [0, " + bits + ")");
        }
        return (bytes[i >>> 3] >>> (7 - (i & 7))) & 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BitMessage m && m.bits == bits && Arrays.equals(m.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bytes) + bits;
    }

    /** @return the bits as a string of 0 and 1, e.g. {@code "0101 1100 0"} grouped by 4 */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bits; i++) {
            sb.append(i > 0 && i % 4 == 0 ? " " : "").append(bit(i));
        }
        return sb.toString();
    }
}
