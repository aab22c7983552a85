package dev.mawm.envs.grid2.program;

import dev.mawm.envs.grid2.GridPos;
import dev.mawm.envs.grid2.ObjectTypes;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Hand-made and random windows for the program tests. */
final class Windows {
    /** 7×7 windows on an 11×11 grid, with the sender's position. */
    static final ProgramSpace SPACE = new ProgramSpace(7, 11, 11, true);

    private Windows() {
    }

    /**
     * A window from rows of characters: {@code .} empty, {@code #} obstacle, {@code i} item, {@code G} goal,
     * {@code A} the other agent; spaces ignored.
     */
    static int[] window(String... rows) {
        int v = rows.length;
        int[] out = new int[v * v];
        for (int r = 0; r < v; r++) {
            String row = rows[r].replace(" ", "");
            if (row.length() != v) {
                throw new IllegalArgumentException("row " + r + " has " + row.length() + " cells, expected " + v);
            }
            for (int c = 0; c < v; c++) {
                out[r * v + c] = switch (row.charAt(c)) {
                    case '.' -> ObjectTypes.EMPTY;
                    case '#' -> ObjectTypes.OBSTACLE;
                    case 'i' -> ObjectTypes.ITEM;
                    case 'G' -> ObjectTypes.GOAL;
                    case 'A' -> ObjectTypes.AGENT;
                    default -> throw new IllegalArgumentException("unknown cell '" + row.charAt(c) + "'");
                };
            }
        }
        return out;
    }

    /**
     * @return the 7×7 window of a sender at (1, 1) of a map: rows 0..1 and cols 0..1 lie off the grid, row 2 and col 2
     *     are its border walls (all obstacles there), the rest empty
     */
    static int[] cornerWindow() {
        int[] w = new int[49];
        for (int i = 0; i < 49; i++) {
            w[i] = i / 7 <= 2 || i % 7 <= 2 ? ObjectTypes.OBSTACLE : ObjectTypes.EMPTY;
        }
        return w;
    }

    /** The window followed by the sender's position. */
    static int[] message(int[] window, int x, int y) {
        int[] out = Arrays.copyOf(window, window.length + 2);
        out[window.length] = x;
        out[window.length + 1] = y;
        return out;
    }

    /**
     * A random message for a space: cells uniform in 0..4 (with a density of non-empty cells drawn per message),
     * a random position, the cells off the grid obstacles.
     */
    static int[] random(ProgramSpace space, SplittableRandom rng) {
        int v = space.viewSize();
        double fill = rng.nextDouble();
        int[] w = new int[space.cells()];
        GridPos sender = space.withPosition() ? new GridPos(rng.nextInt(space.width()), rng.nextInt(space.height())) : null;
        for (int i = 0; i < w.length; i++) {
            w[i] = rng.nextDouble() < fill ? 1 + rng.nextInt(ObjectTypes.COUNT - 1) : ObjectTypes.EMPTY;
            if (!space.onGrid(sender, i / v, i % v)) {
                w[i] = ObjectTypes.OBSTACLE;
            }
        }
        return sender == null ? w : message(w, sender.x(), sender.y());
    }
}
