package dev.mawm.runtime.engine;

import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.Shipped;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The jepa2 tests' fixture: the shipped {@code models/bundles/grid2-jepa2}, loaded once per test class. */
abstract class ShippedGrid2 {
    /** The shipped bundle (vector message mode), open while the test class runs. */
    static Bundle vector;

    @BeforeAll
    static void load() {
        vector = Bundle.load(Shipped.grid2());
    }

    @AfterAll
    static void close() {
        vector.close();
    }
}
