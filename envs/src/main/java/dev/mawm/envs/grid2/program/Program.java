package dev.mawm.envs.grid2.program;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A program message: seed 003's {@code Program}, an immutable list of (primitive, params) tokens
 * that a receiver reads up to the end token. A Java program is always finished: the end token
 * ({@link Primitive#END_ID}) is not a list element, it is what {@link ProgramBits} writes after the
 * last token, so the seed's {@code extend(EOS)} has no counterpart and {@link #append} always extends.
 *
 * <p>Text form (the seed's {@code __repr__}): tokens joined by {@code " | "}, each as
 * {@code Name(p1, p2)} with integer parameters ({@code "GoalAt(2, 1) | CanMove(3) | Near()"}),
 * {@code "<EMPTY>"} for no tokens. It differs from the seed's Python tuples in two spellings only:
 * a single parameter prints {@code (3)}, not {@code (3,)}, and parameters are integers, not floats.
 * {@link #parse} reads exactly this form back.
 *
 * @param tokens the tokens, in the order sent (copied, immutable; no nulls)
 */
public record Program(List<Token> tokens) {
    /** The program with no tokens (only the end token is sent). */
    public static final Program EMPTY = new Program(List.of());
    /** The text form of {@link #EMPTY}, as the seed prints it. */
    public static final String EMPTY_TEXT = "<EMPTY>";

    /** Copies the tokens. */
    public Program {
        Objects.requireNonNull(tokens, "program tokens");
        tokens = List.copyOf(tokens);
    }

    /**
     * @param tokens the tokens
     * @return the program
     */
    public static Program of(Token... tokens) {
        return new Program(List.of(tokens));
    }

    /**
     * Parses the text form.
     *
     * @param text {@code "<EMPTY>"} or tokens {@code Name(p, ...)} joined by {@code |}; spaces around names,
     *             parentheses, commas and bars are ignored
     * @return the program
     * @throws IllegalArgumentException naming the token at fault: an unknown primitive, a wrong arity, a parameter
     *                                  that is not a non-negative integer, a missing parenthesis
     */
    public static Program parse(String text) {
        return ProgramText.parse(text);
    }

    /** @return the number of tokens (the seed's {@code len}; the end token not counted) */
    public int size() {
        return tokens.size();
    }

    /**
     * @param i a token index
     * @return that token
     */
    public Token token(int i) {
        return tokens.get(i);
    }

    /**
     * @param token the token to add at the end
     * @return a new program with the token appended (the seed's {@code extend})
     */
    public Program append(Token token) {
        List<Token> out = new ArrayList<>(tokens);
        out.add(Objects.requireNonNull(token, "token"));
        return new Program(out);
    }

    /**
     * @param n the number of tokens to keep, ≥ 0
     * @return the first {@code min(n, size())} tokens
     */
    public Program limit(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("program limit must be ≥ 0, got " + n);
        }
        return n >= tokens.size() ? this : new Program(tokens.subList(0, n));
    }

    /** @return the seed's text form: {@code "GoalAt(2, 1) | CanMove(3)"}, or {@code "<EMPTY>"} */
    @Override
    public String toString() {
        if (tokens.isEmpty()) {
            return EMPTY_TEXT;
        }
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens) {
            sb.append(sb.length() == 0 ? "" : " | ").append(t);
        }
        return sb.toString();
    }
}
