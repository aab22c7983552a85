package dev.mawm.envs.grid2.program;

/** Reads fixed-width unsigned fields, most significant bit first, refusing to read past the end. */
final class BitReader {
    private final BitMessage message;
    private int position;

    BitReader(BitMessage message) {
        this.message = message;
    }

    /**
     * @param width the field width, 0..31
     * @param what  the field, for the error
     * @return the value
     * @throws IllegalArgumentException when fewer than {@code width} bits are left
     */
    int read(int width, String what) {
        if (position + width > message.bits()) {
            throw new IllegalArgumentException("bit message ends at bit " + message.bits() + " inside " + what + " (bits " + position
                    + ".." + (position + width - 1) + "), expected " + width + " bits there");
        }
        int v = 0;
        for (int i = 0; i < width; i++) {
            v = (v << 1) | message.bit(position++);
        }
        return v;
    }

    /** @return the index of the next bit */
    int position() {
        return position;
    }

    /** @throws IllegalArgumentException when bits are left after the last field */
    void requireEnd(String what) {
        if (position != message.bits()) {
            throw new IllegalArgumentException("bit message has " + (message.bits() - position) + " bits after " + what
                    + " (bit " + position + " of " + message.bits() + "), expected none");
        }
    }
}
