package dev.mawm.envs.grid2.program;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** Appends fixed-width unsigned fields, most significant bit first. */
final class BitWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int current;
    private int bits;

    /**
     * @param value a value in {@code [0, 2^width)}
     * @param width its width, 0..31
     */
    void write(int value, int width) {
        if (width < 0 || width > 31 || value < 0 || (width < 31 && value >= 1 << width)) {
            throw new IllegalArgumentException("value " + value + " does not fit in " + width + " bits");
        }
        for (int b = width - 1; b >= 0; b--) {
            current = (current << 1) | ((value >>> b) & 1);
            bits++;
            if ((bits & 7) == 0) {
                out.write(current);
                current = 0;
            }
        }
    }

    BitMessage finish() {
        byte[] body = out.toByteArray();
        int rest = bits & 7;
        if (rest == 0) {
            return new BitMessage(body, bits);
        }
        byte[] all = Arrays.copyOf(body, body.length + 1);
        all[body.length] = (byte) (current << (8 - rest));
        return new BitMessage(all, bits);
    }
}
