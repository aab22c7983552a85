package dev.mawm.envs.grid2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BeliefMapTest {
    @Test
    void startsUnknownAndTreatsUnknownAsFree() {
        BeliefMap b = new BeliefMap(5, 4);
        assertEquals(0, b.knownCells());
        assertNull(b.goal());
        assertEquals(BeliefMap.UNKNOWN, b.type(2, 2));
        assertFalse(b.known(2, 2));
        assertTrue(b.passable(2, 2));
        assertFalse(b.knownFree(2, 2));
        assertEquals(ObjectTypes.OBSTACLE, b.type(-1, 0));
        assertFalse(b.passable(5, 0));
        assertEquals(4 + 3, b.distancesTo(new GridPos(4, 3))[0], "unknown cells are free: Manhattan distance");
        assertThrows(IllegalArgumentException.class, () -> new BeliefMap(0, 3));
    }

    @Test
    void placesWindowsClippedToTheGrid() {
        BeliefMap b = new BeliefMap(6, 6);
        int[] w = {
            1, 1, 1,
            0, 0, 4,
            2, 3, 1};
        b.place(w, new GridPos(0, 1), 3); // column −1 is outside and ignored
        assertEquals(6, b.knownCells());
        assertEquals(ObjectTypes.OBSTACLE, b.type(0, 0));
        assertEquals(ObjectTypes.EMPTY, b.type(0, 1));
        assertEquals(ObjectTypes.EMPTY, b.type(1, 1), "the other agent stands on a walkable cell");
        assertEquals(ObjectTypes.GOAL, b.type(0, 2));
        assertEquals(new GridPos(0, 2), b.goal());
        assertEquals(ObjectTypes.OBSTACLE, b.type(1, 2));
        // an item seen earlier stays an item when the other agent stands on it later
        BeliefMap c = new BeliefMap(6, 6);
        c.place(new int[] {0, 0, 0, 0, 0, 2, 0, 0, 0}, new GridPos(2, 2), 3);
        c.place(new int[] {0, 0, 0, 0, 0, 4, 0, 0, 0}, new GridPos(2, 2), 3);
        assertEquals(ObjectTypes.ITEM, c.type(3, 2));
        assertEquals(9, c.knownCells());
        assertThrows(IllegalArgumentException.class, () -> c.place(new int[8], new GridPos(2, 2), 3));
        assertThrows(IllegalArgumentException.class, () -> c.place(new int[] {0, 0, 0, 0, 7, 0, 0, 0, 0}, new GridPos(2, 2), 3));
    }

    @Test
    void knownWallsBlockPathsAndFrontiersAreReachedThroughKnownFreeCells() {
        BeliefMap b = new BeliefMap(7, 3);
        // x = 1..5 known: row 1 is . . A . #  (A at (3, 1)) between walls; columns 0 and 6 unknown
        b.place(new int[] {
            1, 1, 1, 1, 1, // y = −1, outside
            1, 1, 1, 1, 1,
            0, 0, 0, 0, 1,
            1, 1, 1, 1, 1,
            1, 1, 1, 1, 1}, new GridPos(3, 1), 5);
        assertFalse(b.passable(5, 1));
        assertEquals(BeliefMap.UNKNOWN, b.type(0, 1));
        assertEquals(BeliefMap.UNKNOWN, b.type(6, 1));
        // (6, 1) is unknown but only reachable through the known wall (5, 1): the frontier is (0, 1)
        assertEquals(new GridPos(0, 1), b.nearestFrontier(new GridPos(3, 1)));
        assertEquals(Grid2Actions.LEFT, b.stepTowardFrontier(new GridPos(3, 1)));
        int[] d = b.distancesTo(new GridPos(0, 1));
        assertEquals(3, d[1 * 7 + 3]);
        assertEquals(-1, d[1 * 7 + 6], "behind a known wall");
        // once everything reachable is known there is no frontier
        b.place(new int[] {1, 1, 1, 1, 0, 0, 1, 1, 1}, new GridPos(0, 1), 3);
        assertNull(b.nearestFrontier(new GridPos(3, 1)));
        assertEquals(Grid2Actions.STAY, b.stepTowardFrontier(new GridPos(3, 1)));
    }

    @Test
    void aDecodedWindowPlacesWhatItSaysAndLeavesNotSaidCellsUnknown() {
        BeliefMap b = new BeliefMap(6, 6);
        int[] w = new int[9];
        java.util.Arrays.fill(w, BeliefMap.NOT_SAID);
        w[0] = ObjectTypes.OBSTACLE; // (row 0, col 0) -> cell (1, 1) for a 3x3 window centred on (2, 2)
        w[5] = ObjectTypes.GOAL;     // (row 1, col 2) -> (3, 2)
        b.placeKnown(w, new GridPos(2, 2), 3);
        assertEquals(2, b.knownCells());
        assertEquals(ObjectTypes.OBSTACLE, b.type(1, 1));
        assertEquals(new GridPos(3, 2), b.goal());
        assertEquals(BeliefMap.UNKNOWN, b.type(2, 2));
        w[1] = 6;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.placeKnown(w, new GridPos(2, 2), 3));
        assertTrue(e.getMessage().contains("row 0, col 1") && e.getMessage().contains("got 6"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.place(new int[] {5, 0, 0, 0, 0, 0, 0, 0, 0}, new GridPos(2, 2), 3));
    }
}
