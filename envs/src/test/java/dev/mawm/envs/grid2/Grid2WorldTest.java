package dev.mawm.envs.grid2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.models.config.Grid2Config;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Grid2WorldTest {
    private static final Grid2Config CFG = new Grid2Config(11, 11, 0.15, 3, 40, 7, 4, 0.1, true);

    @Test
    void sameSeedSameMapDifferentSeedsDiffer() {
        assertEquals(Grid2World.generate(CFG, 5).toAscii(), Grid2World.generate(CFG, 5).toAscii());
        Set<String> maps = new HashSet<>();
        for (long s = 0; s < 50; s++) {
            maps.add(Grid2World.generate(CFG, s).toAscii());
        }
        assertTrue(maps.size() >= 49, "50 seeds gave only " + maps.size() + " distinct maps");
    }

    /** Pins the generator: a change in generation order would silently change every dataset. */
    @Test
    void generatorIsPinned() {
        assertEquals("""
                ###########
                #.#......##
                #.#.......#
                #...#....##
                #....#....#
                ##......###
                #i..AG.i#.#
                #.........#
                #...i....##
                #.B.......#
                ###########
                """, Grid2World.generate(CFG, 7).toAscii());
    }

    @Test
    void everyGeneratedMapIsSolvableWithBorderWalls() {
        for (double density : new double[] {0.0, 0.15, 0.35}) {
            Grid2Config cfg = new Grid2Config(11, 9, density, 2, 40, 7, 4, 0.1, true);
            for (long s = 0; s < 500; s++) {
                Grid2World w = Grid2World.generate(cfg, s);
                assertEquals(11, w.width());
                assertEquals(9, w.height());
                for (int x = 0; x < w.width(); x++) {
                    assertEquals(ObjectTypes.OBSTACLE, w.typeAt(x, 0));
                    assertEquals(ObjectTypes.OBSTACLE, w.typeAt(x, w.height() - 1));
                }
                assertEquals(ObjectTypes.GOAL, w.typeAt(w.goal().x(), w.goal().y()));
                assertNotEquals(w.start(0), w.start(1));
                int items = 0;
                for (int y = 0; y < w.height(); y++) {
                    for (int x = 0; x < w.width(); x++) {
                        items += w.typeAt(x, y) == ObjectTypes.ITEM ? 1 : 0;
                    }
                }
                assertEquals(2, items, "seed " + s);
                for (int a = 0; a < 2; a++) {
                    GridPos p = w.start(a);
                    assertEquals(ObjectTypes.EMPTY, w.typeAt(p.x(), p.y()), "start on empty floor");
                    assertTrue(w.distance(p.x(), p.y()) > 0, "seed " + s + " density " + density + ": agent " + a + " cannot reach the goal");
                    assertTrue(walkToGoal(w, p) == w.distance(p.x(), p.y()));
                }
            }
        }
    }

    /** Independent check of the BFS table: follow strictly decreasing distances to the goal. */
    private static int walkToGoal(Grid2World w, GridPos p) {
        int steps = 0;
        while (!p.equals(w.goal())) {
            int d = w.distance(p.x(), p.y());
            GridPos next = null;
            for (int[] dxy : new int[][] {{0, -1}, {0, 1}, {-1, 0}, {1, 0}}) {
                GridPos q = new GridPos(p.x() + dxy[0], p.y() + dxy[1]);
                if (w.walkable(q.x(), q.y()) && w.distance(q.x(), q.y()) == d - 1) {
                    next = q;
                }
            }
            assertTrue(next != null, "no downhill neighbour at " + p);
            p = next;
            steps++;
        }
        return steps;
    }

    @Test
    void asciiMapsRoundTripAndOutsideIsObstacle() {
        Grid2World w = Grid2World.fromAscii(
                "A..#",
                ".i.G",
                "B...");
        assertEquals("A..#\n.i.G\nB...\n", w.toAscii());
        assertEquals(ObjectTypes.OBSTACLE, w.typeAt(-1, 0));
        assertEquals(ObjectTypes.OBSTACLE, w.typeAt(4, 1));
        assertEquals(ObjectTypes.OBSTACLE, w.typeAt(0, 3));
        assertEquals(ObjectTypes.ITEM, w.typeAt(1, 1));
        assertEquals(4, w.distance(0, 0));
        assertEquals(4, w.distance(0, 2));
        assertEquals(-1, w.distance(3, 0));
        assertEquals(-1, w.distance(9, 9));
    }

    @Test
    void badAsciiMapsAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Grid2World.fromAscii("A.G", "B."))
                .getMessage().contains("row 1 has length 2, expected 3"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Grid2World.fromAscii("A.GX", "B..."))
                .getMessage().contains("unknown character 'X'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Grid2World.fromAscii("A.GG", "B..."))
                .getMessage().contains("second 'G'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Grid2World.fromAscii("A.G", "..."))
                .getMessage().contains("exactly one G, one A and one B"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Grid2World.fromAscii("A#G", "B#."))
                .getMessage().contains("not solvable"));
    }

    @Test
    void configValidationNamesTheField() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Grid2Config(11, 11, 0.15, 0, 40, 6, 4, 0.1, true))
                .getMessage().contains("grid2.viewSize must be odd"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Grid2Config(3, 11, 0.15, 0, 40, 7, 4, 0.1, true))
                .getMessage().contains("grid2.width must be in [5, 64]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Grid2Config(11, 11, Double.NaN, 0, 40, 7, 4, 0.1, true))
                .getMessage().contains("grid2.wallDensity"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Grid2Config(5, 5, 0.1, 7, 40, 7, 4, 0.1, true))
                .getMessage().contains("grid2.items"));
    }
}
