package dev.mawm.envs.grid2.program;

import dev.mawm.envs.grid2.GridPos;
import java.math.BigInteger;
import java.util.Objects;

/**
 * The {@code raw} codec: today's message unchanged, packed as one mixed-radix integer so that it costs
 * what the message holds, not a byte per value:
 * <pre>
 * N = ((…((x·H + y)·5 + c₀)·5 + c₁)…)·5 + c_{V·V−1}        (without a position: N = (…(c₀·5 + c₁)…))
 * </pre>
 * written most significant bit first in {@link ProgramSpace#rawBits()} = {@code ⌈log₂(W·H·5^(V·V))⌉} bits:
 * 121 for 7×7 on 11×11, 123 on 21×21, 114 without a position (the ceiling of the planner's
 * {@code CommMode.messageBits}). Decoding gives the message back exactly; an integer of the right
 * width that no message maps to ({@code N ≥ W·H·5^(V·V)}) is refused.
 *
 * @param space the window and grid
 */
public record RawCodec(ProgramSpace space) implements MessageCodec {
    /** The codec's name. */
    public static final String NAME = "raw";
    private static final BigInteger TYPES = BigInteger.valueOf(ProgramSpace.RAW_CELL_VALUES);

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
        BigInteger n = BigInteger.ZERO;
        if (sender != null) {
            n = BigInteger.valueOf((long) sender.x() * space.height() + sender.y());
        }
        for (int i = 0; i < space.cells(); i++) {
            n = n.multiply(TYPES).add(BigInteger.valueOf(message[i]));
        }
        int bits = space.rawBits();
        byte[] out = new byte[(bits + 7) / 8];
        BigInteger aligned = n.shiftLeft(out.length * 8 - bits); // MSB first, zero padding at the end
        byte[] be = aligned.toByteArray();                        // big-endian, maybe a leading sign byte
        int copy = Math.min(be.length, out.length);
        System.arraycopy(be, be.length - copy, out, out.length - copy, copy);
        return new BitMessage(out, bits);
    }

    @Override
    public int[] decode(BitMessage bits) {
        if (bits.bits() != space.rawBits()) {
            throw new IllegalArgumentException("raw message must have " + space.rawBits() + " bits (⌈log2(" + (space.withPosition()
                    ? space.width() + "·" + space.height() + "·" : "") + "5^" + space.cells() + ")⌉), got " + bits.bits());
        }
        byte[] be = bits.bytes();
        BigInteger n = new BigInteger(1, be).shiftRight(be.length * 8 - bits.bits());
        if (n.compareTo(states()) >= 0) {
            throw new IllegalArgumentException("raw message integer " + n + " is not a message: it must be below "
                    + (space.withPosition() ? "W·H·" : "") + "5^" + space.cells() + " = " + states());
        }
        int[] out = new int[space.messageLength()];
        for (int i = space.cells() - 1; i >= 0; i--) {
            BigInteger[] qr = n.divideAndRemainder(TYPES);
            out[i] = qr[1].intValueExact();
            n = qr[0];
        }
        if (space.withPosition()) {
            int xy = n.intValueExact();
            out[space.cells()] = xy / space.height();
            out[space.cells() + 1] = xy % space.height();
        }
        space.requireMessage(out);
        return out;
    }

    /** @return the number of distinct raw messages: {@code W·H·5^(V·V)}, or {@code 5^(V·V)} without a position */
    public BigInteger states() {
        return space.rawStates();
    }
}
