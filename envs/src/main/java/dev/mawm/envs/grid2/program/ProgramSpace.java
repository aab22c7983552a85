package dev.mawm.envs.grid2.program;

import dev.mawm.envs.grid2.Grid2Message;
import dev.mawm.envs.grid2.GridPos;
import dev.mawm.envs.grid2.ObjectTypes;
import dev.mawm.models.config.Grid2Config;
import java.math.BigInteger;

/**
 * The window and grid a program talks about: the ranges of its parameters and the field widths of
 * the bit format ({@link ProgramBits}). Every width is {@code bitsFor(n) = ⌈log₂ n⌉} for a field of
 * {@code n} values (0 bits for {@code n = 1}).
 *
 * @param viewSize     the window side V, odd, 3..15; rows and columns are in {@code [0, V)}
 * @param width        grid width W, 1..64: the sender's x is in {@code [0, W)}
 * @param height       grid height H, 1..64: the sender's y is in {@code [0, H)}
 * @param withPosition whether messages carry the sender's absolute (x, y) ({@code grid2.messagePosition})
 */
public record ProgramSpace(int viewSize, int width, int height, boolean withPosition) {
    /** Values a raw cell can take: the five object types. */
    public static final int RAW_CELL_VALUES = ObjectTypes.COUNT;

    /** Validates every field. */
    public ProgramSpace {
        if (viewSize < 3 || viewSize > 15 || viewSize % 2 == 0) {
            throw new IllegalArgumentException("program space viewSize must be odd in [3, 15], got " + viewSize);
        }
        if (width < 1 || width > 64) {
            throw new IllegalArgumentException("program space width must be in [1, 64], got " + width);
        }
        if (height < 1 || height > 64) {
            throw new IllegalArgumentException("program space height must be in [1, 64], got " + height);
        }
    }

    /**
     * @param cfg the environment config
     * @return its view size, grid size and message form
     */
    public static ProgramSpace of(Grid2Config cfg) {
        return new ProgramSpace(cfg.viewSize(), cfg.width(), cfg.height(), cfg.messagePosition());
    }

    /**
     * @param n the number of values a field takes, ≥ 1
     * @return {@code ⌈log₂ n⌉}, the fixed width that holds {@code 0..n−1}
     */
    public static int bitsFor(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a field must take at least 1 value, got " + n);
        }
        return n == 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1);
    }

    /** @return cells in a window, {@code V·V} */
    public int cells() {
        return viewSize * viewSize;
    }

    /** @return the index of the window's center (the sender's own cell) in each of row and col: {@code V / 2} */
    public int center() {
        return viewSize / 2;
    }

    /** @return integers in a raw message: {@code V·V}, plus 2 with a position */
    public int messageLength() {
        return cells() + (withPosition ? 2 : 0);
    }

    /**
     * @param kind a parameter kind
     * @return the number of values it takes: V for a row or column, 4 for a direction
     */
    public int range(ParamKind kind) {
        return kind == ParamKind.DIRECTION ? ParamKind.DIRECTIONS : viewSize;
    }

    /**
     * @param kind a parameter kind
     * @return its width in bits: {@code bitsFor(range(kind))} (3 for a row of a 7×7 window, 2 for a direction)
     */
    public int bits(ParamKind kind) {
        return bitsFor(range(kind));
    }

    /** @return the width of a token id: {@code bitsFor(14)} = 4 (13 primitives and the end token) */
    public int idBits() {
        return bitsFor(Primitive.SYMBOLS);
    }

    /** @return the width of the sender's x, {@code bitsFor(W)}, or 0 without a position */
    public int xBits() {
        return withPosition ? bitsFor(width) : 0;
    }

    /** @return the width of the sender's y, {@code bitsFor(H)}, or 0 without a position */
    public int yBits() {
        return withPosition ? bitsFor(height) : 0;
    }

    /** @return the number of distinct raw messages: {@code W·H·5^(V·V)} with a position, {@code 5^(V·V)} without */
    public BigInteger rawStates() {
        BigInteger n = BigInteger.valueOf(RAW_CELL_VALUES).pow(cells());
        return withPosition ? n.multiply(BigInteger.valueOf((long) width * height)) : n;
    }

    /**
     * @return the length of a raw message in bits, {@code ⌈log₂ rawStates()⌉}: the message as one mixed-radix integer
     *         ({@link RawCodec}); 121 for 7×7 on 11×11, 123 on 21×21, 114 without a position
     */
    public int rawBits() {
        return rawStates().subtract(BigInteger.ONE).bitLength();
    }

    /**
     * @param token a token
     * @return its length in bits: the id, then each parameter's width
     */
    public int tokenBits(Token token) {
        int bits = idBits();
        for (ParamKind k : token.primitive().params()) {
            bits += bits(k);
        }
        return bits;
    }

    /**
     * @param program a program
     * @return the length of the message that carries it, in bits: position, every token, the end token
     */
    public int programBits(Program program) {
        int bits = xBits() + yBits() + idBits();
        for (Token t : program.tokens()) {
            bits += tokenBits(t);
        }
        return bits;
    }

    /**
     * Checks a token's parameters against their ranges.
     *
     * @param token the token
     * @throws IllegalArgumentException naming the primitive, the parameter and its range
     */
    public void require(Token token) {
        Primitive p = token.primitive();
        for (int i = 0; i < p.arity(); i++) {
            ParamKind k = p.params().get(i);
            int v = token.param(i);
            if (v >= range(k)) {
                String of = k == ParamKind.DIRECTION ? "0 up, 1 down, 2 left, 3 right" : k.label() + "s of the " + viewSize + "×" + viewSize + " window";
                throw new IllegalArgumentException(p + " param '" + k.label() + "' must be in [0, " + range(k) + ") (" + of + "), got " + v);
            }
        }
    }

    /**
     * Checks every token of a program.
     *
     * @param program the program
     * @throws IllegalArgumentException naming the token index, the token and the parameter at fault
     */
    public void require(Program program) {
        for (int i = 0; i < program.size(); i++) {
            try {
                require(program.token(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("program token " + i + " " + program.token(i) + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Checks a sender position.
     *
     * @param sender the sender's cell
     * @throws IllegalArgumentException when outside the grid
     */
    public void require(GridPos sender) {
        if (sender.x() < 0 || sender.x() >= width || sender.y() < 0 || sender.y() >= height) {
            throw new IllegalArgumentException("sender position " + sender + " must lie in the " + width + "×" + height
                    + " grid (x in [0, " + width + "), y in [0, " + height + "))");
        }
    }

    /**
     * Whether a window cell lies on the grid (cells off the grid read as obstacle, DESIGN §4).
     *
     * @param sender the window's center, or null when unknown (then every cell counts as on the grid)
     * @param row    window row
     * @param col    window column
     * @return true when the absolute cell is inside {@code W × H}, or when {@code sender} is null
     */
    public boolean onGrid(GridPos sender, int row, int col) {
        if (sender == null) {
            return true;
        }
        int x = sender.x() - center() + col;
        int y = sender.y() - center() + row;
        return x >= 0 && x < width && y >= 0 && y < height;
    }

    /**
     * Checks a sender's raw message: the length, object types 0..4, the position inside the grid, and (with a
     * position) every cell off the grid an obstacle, as {@code Grid2View} draws it.
     *
     * @param message {@code V·V} object types, then x, y when the space carries a position
     * @return the sender's cell, or null without a position
     * @throws IllegalArgumentException naming the value at fault and what was expected
     */
    public GridPos requireMessage(int[] message) {
        Grid2Message.validate(message, viewSize, width, height, withPosition);
        if (!withPosition) {
            return null;
        }
        GridPos sender = Grid2Message.position(message);
        for (int i = 0; i < cells(); i++) {
            if (!onGrid(sender, i / viewSize, i % viewSize) && message[i] != ObjectTypes.OBSTACLE) {
                throw new IllegalArgumentException("grid2 message cell " + i + " (row " + i / viewSize + ", col " + i % viewSize
                        + ") lies off the " + width + "×" + height + " grid (sender at " + sender + ") and must be an obstacle (1), got "
                        + message[i]);
            }
        }
        return sender;
    }
}
