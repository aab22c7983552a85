package dev.mawm.envs.grid2.program;

import java.util.List;
import java.util.Objects;

/**
 * One token of a {@link Program}: a primitive and its parameters (the seed's {@code (prim_idx,
 * params)} pair, with integer parameters). The arity is checked here; the ranges depend on the
 * window and grid and are checked by {@link ProgramSpace#require(Token)}.
 *
 * @param primitive the primitive, not null
 * @param params    its parameters, exactly {@link Primitive#arity()} of them, each ≥ 0 (copied, immutable)
 */
public record Token(Primitive primitive, List<Integer> params) {
    /**
     * Validates the arity and the sign of every parameter.
     *
     * @throws IllegalArgumentException naming the primitive, its parameters and the count or value at fault
     */
    public Token {
        Objects.requireNonNull(primitive, "token primitive");
        Objects.requireNonNull(params, "token params");
        params = List.copyOf(params);
        if (params.size() != primitive.arity()) {
            throw new IllegalArgumentException(primitive + " takes " + primitive.arity() + " param" + (primitive.arity() == 1 ? "" : "s")
                    + " " + signature(primitive) + ", got " + params.size() + " " + params);
        }
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i) < 0) {
                throw new IllegalArgumentException(primitive + " param '" + primitive.params().get(i).label()
                        + "' must be ≥ 0, got " + params.get(i));
            }
        }
    }

    /**
     * @param primitive the primitive
     * @param params    its parameters
     * @return the token
     * @throws IllegalArgumentException for a wrong arity or a negative parameter
     */
    public static Token of(Primitive primitive, int... params) {
        Integer[] boxed = new Integer[params.length];
        for (int i = 0; i < params.length; i++) {
            boxed[i] = params[i];
        }
        return new Token(primitive, List.of(boxed));
    }

    /**
     * @param i a parameter index
     * @return that parameter
     */
    public int param(int i) {
        return params.get(i);
    }

    /** @return the seed's text form, {@code "GoalAt(2, 1)"}, {@code "CanMove(3)"}, {@code "Near()"} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(primitive.seedName()).append('(');
        for (int i = 0; i < params.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(params.get(i));
        }
        return sb.append(')').toString();
    }

    static String signature(Primitive p) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < p.arity(); i++) {
            sb.append(i == 0 ? "" : ", ").append(p.params().get(i).label());
        }
        return sb.append(')').toString();
    }
}
