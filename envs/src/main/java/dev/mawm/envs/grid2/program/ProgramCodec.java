package dev.mawm.envs.grid2.program;

import dev.mawm.envs.grid2.GridPos;
import dev.mawm.envs.grid2.ObjectTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The program codecs (DESIGN §7), both sent in the {@link ProgramBits} format:
 * <ul>
 *   <li>{@code program} (lossless): every non-empty cell of the window, row-major, as the Cell*
 *       primitive of its type ({@code CellObstacle}, {@code CellItem}, {@code CellGoal},
 *       {@code CellAgent}: primitive id = object type), the sender's position in the header. Cells off
 *       the grid are left out when the position is sent (they are obstacles by definition, and the
 *       receiver knows the grid's size). Decoded closed-world (unlisted cells are empty), it gives back
 *       exactly the raw message.</li>
 *   <li>{@code program:L}: the first L tokens of {@link DecisionOrder#rank}, decoded open-world
 *       (unlisted on-grid cells are {@link ProgramWindows#UNKNOWN}).</li>
 * </ul>
 *
 * @param space     the window and grid
 * @param maxTokens the most tokens sent: L for {@code program:L}, in {@code [1, V·V]}; 0 for the lossless codec
 */
public record ProgramCodec(ProgramSpace space, int maxTokens) implements MessageCodec {
    /** The lossless codec's name, and the prefix of {@code program:L}. */
    public static final String NAME = "program";

    /** Validates the limit. */
    public ProgramCodec {
        Objects.requireNonNull(space, "program codec space");
        if (maxTokens < 0 || maxTokens > space.cells()) {
            throw new IllegalArgumentException("program codec limit L must be in [1, " + space.cells() + "] (at most one token per cell of the "
                    + space.viewSize() + "×" + space.viewSize() + " window), or 0 for the lossless codec, got " + maxTokens);
        }
    }

    /**
     * @param space the window and grid
     * @return the lossless {@code program} codec
     */
    public static ProgramCodec lossless(ProgramSpace space) {
        return new ProgramCodec(space, 0);
    }

    /**
     * @param space     the window and grid
     * @param maxTokens L, in {@code [1, V·V]}
     * @return the {@code program:L} codec
     */
    public static ProgramCodec limited(ProgramSpace space, int maxTokens) {
        if (maxTokens < 1) {
            throw new IllegalArgumentException("program codec limit L must be in [1, " + space.cells() + "], got " + maxTokens);
        }
        return new ProgramCodec(space, maxTokens);
    }

    /** @return true for the lossless codec */
    public boolean lossless() {
        return maxTokens == 0;
    }

    @Override
    public String name() {
        return lossless() ? NAME : NAME + ":" + maxTokens;
    }

    /**
     * The program a sender sends.
     *
     * @param message the raw message ({@code V·V} object types, then x, y when the space carries a position)
     * @return its position and program
     * @throws IllegalArgumentException for a malformed message
     */
    public ProgramMessage program(int[] message) {
        GridPos sender = space.requireMessage(message);
        int v = space.viewSize();
        if (!lossless()) {
            List<Token> ranked = DecisionOrder.rank(Arrays.copyOf(message, space.cells()), sender, space);
            return new ProgramMessage(sender, new Program(ranked).limit(maxTokens));
        }
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < space.cells(); i++) {
            if (message[i] != ObjectTypes.EMPTY && space.onGrid(sender, i / v, i % v)) {
                tokens.add(Token.of(Primitive.byId(message[i]), i / v, i % v));
            }
        }
        return new ProgramMessage(sender, new Program(tokens));
    }

    /**
     * The window a receiver reads from a program message ({@link ProgramWindows#decode}, closed-world for the
     * lossless codec, open-world for {@code program:L}).
     *
     * @param message the position and program
     * @return {@code V·V} cells in 0..5, then x, y when the space carries a position
     */
    public int[] window(ProgramMessage message) {
        return ProgramWindows.decode(message, space, lossless());
    }

    @Override
    public BitMessage encode(int[] message) {
        return ProgramBits.write(program(message), space);
    }

    @Override
    public int[] decode(BitMessage bits) {
        return window(ProgramBits.read(bits, space));
    }
}
