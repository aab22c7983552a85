package dev.mawm.envs.grid2.program;

import dev.mawm.envs.grid2.GridPos;
import java.util.Objects;

/**
 * The {@code raw} codec: today's message unchanged. Bit format: {@code [x : bitsFor(W)] [y : bitsFor(H)]}
 * (with a position), then the {@code V·V} cells row-major, 3 bits each ({@code bitsFor(5)}):
 * {@link ProgramSpace#rawBits()} = 155 bits for 7×7 on 11×11, 157 on 21×21. Decoding gives the
 * message back exactly; cell values 5..7 are refused.
 *
 * @param space the window and grid
 */
public record RawCodec(ProgramSpace space) implements MessageCodec {
    /** The codec's name. */
    public static final String NAME = "raw";

    /** Checks the space is present. */
    public RawCodec {
        Objects.requireNonNull(space, "raw codec space");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BitMessage encode(int[] message) {
        GridPos sender = space.requireMessage(message);
        BitWriter w = new BitWriter();
        if (sender != null) {
            w.write(sender.x(), space.xBits());
            w.write(sender.y(), space.yBits());
        }
        for (int i = 0; i < space.cells(); i++) {
            w.write(message[i], space.rawCellBits());
        }
        return w.finish();
    }

    @Override
    public int[] decode(BitMessage bits) {
        BitReader r = new BitReader(bits);
        int[] out = new int[space.messageLength()];
        if (space.withPosition()) {
            out[space.cells()] = r.read(space.xBits(), "the sender's x");
            out[space.cells() + 1] = r.read(space.yBits(), "the sender's y");
        }
        for (int i = 0; i < space.cells(); i++) {
            out[i] = r.read(space.rawCellBits(), "raw cell " + i);
        }
        r.requireEnd("the last raw cell");
        space.requireMessage(out);
        return out;
    }
}
