package dev.mawm.envs.grid2.program;

import dev.mawm.envs.grid2.GridPos;
import java.util.ArrayList;
import java.util.List;

/**
 * The bit format of a program message, a prefix code read front to back with every width from
 * {@link ProgramSpace}, fields unsigned, most significant bit first:
 * <pre>
 * [x : bitsFor(W)] [y : bitsFor(H)]          only when the space carries the sender's position
 * token*:  [id : 4] [param : width(kind)]*    id 0..12 = the primitive, its params in order:
 *                                             row, col: bitsFor(V) (3 for 7×7); direction: 2
 * end:     [13 : 4]
 * </pre>
 * The id fixes how many params follow, so no token needs a length and no code word is a prefix of
 * another; ids 14 and 15 are unused and refused. {@code bits = positionBits + Σ tokenBits + 4}
 * ({@link ProgramSpace#programBits}); the bytes are that, zero-padded to a whole byte.
 * Example, 7×7 on 11×11: {@code @(5, 5) GoalAt(2, 1)} = 4 + 4 + (4 + 3 + 3) + 4 = 22 bits.
 */
public final class ProgramBits {
    private ProgramBits() {
    }

    /**
     * Serializes a program message.
     *
     * @param message the position and program, valid for the space
     * @param space   the window and grid (field widths)
     * @return the packed bits; {@link BitMessage#bits()} equals {@link ProgramSpace#programBits}
     * @throws IllegalArgumentException for a position or parameter out of range
     */
    public static BitMessage write(ProgramMessage message, ProgramSpace space) {
        message.require(space);
        BitWriter w = new BitWriter();
        if (space.withPosition()) {
            w.write(message.sender().x(), space.xBits());
            w.write(message.sender().y(), space.yBits());
        }
        for (Token t : message.program().tokens()) {
            w.write(t.primitive().id(), space.idBits());
            for (int i = 0; i < t.params().size(); i++) {
                w.write(t.param(i), space.bits(t.primitive().params().get(i)));
            }
        }
        w.write(Primitive.END_ID, space.idBits());
        return w.finish();
    }

    /**
     * Reads a program message back.
     *
     * @param bits  what {@link #write} produced
     * @param space the same space
     * @return the position and program, exactly as written
     * @throws IllegalArgumentException for a stream that ends early, an unknown id, a position or parameter out of
     *                                  range, or bits after the end token, naming the token and bit at fault
     */
    public static ProgramMessage read(BitMessage bits, ProgramSpace space) {
        BitReader r = new BitReader(bits);
        GridPos sender = null;
        if (space.withPosition()) {
            int x = r.read(space.xBits(), "the sender's x");
            int y = r.read(space.yBits(), "the sender's y");
            sender = new GridPos(x, y);
            space.require(sender);
        }
        List<Token> tokens = new ArrayList<>();
        while (true) {
            int at = r.position();
            int id = r.read(space.idBits(), "the id of token " + tokens.size());
            if (id == Primitive.END_ID) {
                break;
            }
            if (id > Primitive.END_ID) {
                throw new IllegalArgumentException("bit message token " + tokens.size() + " at bit " + at + " has unknown primitive id "
                        + id + ", expected 0..12 or " + Primitive.END_ID + " (end)");
            }
            Primitive p = Primitive.byId(id);
            int[] params = new int[p.arity()];
            for (int i = 0; i < p.arity(); i++) {
                ParamKind k = p.params().get(i);
                params[i] = r.read(space.bits(k), "token " + tokens.size() + " " + p + " param '" + k.label() + "'");
            }
            Token t = Token.of(p, params);
            try {
                space.require(t);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bit message token " + tokens.size() + " at bit " + at + ": " + e.getMessage(), e);
            }
            tokens.add(t);
        }
        r.requireEnd("the end token");
        return new ProgramMessage(sender, new Program(tokens));
    }
}
