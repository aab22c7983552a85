package dev.mawm.envs.grid2.program;

import java.util.ArrayList;
import java.util.List;

/** The parser of {@link Program}'s text form. */
final class ProgramText {
    private ProgramText() {
    }

    static Program parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("program text must not be null");
        }
        String trimmed = text.strip();
        if (trimmed.equals(Program.EMPTY_TEXT)) {
            return Program.EMPTY;
        }
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("program text is blank; the empty program is written '" + Program.EMPTY_TEXT + "'");
        }
        String[] parts = trimmed.split("\\|", -1);
        List<Token> tokens = new ArrayList<>(parts.length);
        for (int i = 0; i < parts.length; i++) {
            try {
                tokens.add(token(parts[i].strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("program text token " + i + " '" + parts[i].strip() + "': " + e.getMessage(), e);
            }
        }
        return new Program(tokens);
    }

    private static Token token(String s) {
        int open = s.indexOf('(');
        if (open < 0 || !s.endsWith(")")) {
            throw new IllegalArgumentException("expected Name(params), e.g. 'GoalAt(2, 1)' or 'Near()'");
        }
        Primitive p = Primitive.byName(s.substring(0, open).strip());
        String inner = s.substring(open + 1, s.length() - 1).strip();
        List<Integer> params = new ArrayList<>();
        if (!inner.isEmpty()) {
            for (String v : inner.split(",", -1)) {
                params.add(param(p, params.size(), v.strip()));
            }
        }
        return new Token(p, params);
    }

    private static int param(Primitive p, int index, String v) {
        String what = index < p.arity() ? "'" + p.params().get(index).label() + "'" : String.valueOf(index);
        if (v.isEmpty() || !v.chars().allMatch(Character::isDigit) || v.length() > 9) {
            throw new IllegalArgumentException(p + " param " + what + " must be a non-negative integer, got '" + v + "'");
        }
        return Integer.parseInt(v);
    }
}
