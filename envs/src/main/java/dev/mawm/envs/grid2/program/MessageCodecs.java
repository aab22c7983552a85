package dev.mawm.envs.grid2.program;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The codec names: {@code raw}, {@code program} and {@code program:L} (L a whole number in {@code [1, V·V]}). */
public final class MessageCodecs {
    /** What {@link #parse} accepts, for error messages and help texts. */
    public static final String EXPECTED = "raw, program or program:L (L a whole number of tokens in [1, V·V])";

    private MessageCodecs() {
    }

    /**
     * The codec with a name.
     *
     * @param name  {@code raw}, {@code program} or {@code program:L}, lower case, no spaces
     * @param space the window and grid
     * @return the codec
     * @throws IllegalArgumentException for any other name or an L out of range, naming it and the valid forms
     */
    public static MessageCodec parse(String name, ProgramSpace space) {
        if (RawCodec.NAME.equals(name)) {
            return new RawCodec(space);
        }
        if (ProgramCodec.NAME.equals(name)) {
            return ProgramCodec.lossless(space);
        }
        String prefix = ProgramCodec.NAME + ":";
        if (name != null && name.startsWith(prefix)) {
            String l = name.substring(prefix.length());
            if (l.isEmpty() || l.length() > 4 || !l.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("message codec '" + name + "': L must be a whole number in [1, " + space.cells()
                        + "], got '" + l + "'");
            }
            int limit = Integer.parseInt(l);
            if (limit < 1 || limit > space.cells()) {
                throw new IllegalArgumentException("message codec '" + name + "': L must be in [1, " + space.cells() + "] (one token per cell of the "
                        + space.viewSize() + "×" + space.viewSize() + " window at most), got " + limit);
            }
            return ProgramCodec.limited(space, limit);
        }
        throw new IllegalArgumentException("unknown message codec '" + name + "', expected " + EXPECTED);
    }

    /**
     * A comma-separated list of codec names, as {@code --codec raw,program,program:5} gives it.
     *
     * @param names one or more names separated by commas (spaces around them ignored)
     * @param space the window and grid
     * @return the codecs, in the order given
     * @throws IllegalArgumentException for an empty list, an empty or repeated entry, or a bad name
     */
    public static List<MessageCodec> parseList(String names, ProgramSpace space) {
        if (names == null || names.isBlank()) {
            throw new IllegalArgumentException("message codec list is empty, expected one or more of " + EXPECTED + ", comma-separated");
        }
        Set<String> seen = new LinkedHashSet<>();
        List<MessageCodec> out = new ArrayList<>();
        for (String raw : names.split(",", -1)) {
            String n = raw.strip();
            if (n.isEmpty()) {
                throw new IllegalArgumentException("message codec list '" + names + "' has an empty entry, expected " + EXPECTED);
            }
            MessageCodec c = parse(n, space);
            if (!seen.add(c.name())) {
                throw new IllegalArgumentException("message codec list '" + names + "' names " + c.name() + " twice");
            }
            out.add(c);
        }
        return out;
    }
}
