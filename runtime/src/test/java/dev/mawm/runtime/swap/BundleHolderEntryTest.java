package dev.mawm.runtime.swap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reference counting of a served entry, without native sessions (the bundle is never closed here). */
class BundleHolderEntryTest {

    @Test
    void retainFailsOnceFullyReleased() {
        BundleHolder.Entry e = new BundleHolder.Entry(null, 1);
        assertTrue(e.tryRetain());  // a lease: refs 2
        e.release();                // lease returned: refs 1 (holder)
        assertTrue(e.tryRetain());  // refs 2
        e.release();
        // holder's own release would close the bundle at 0; with a null bundle we only check counting up to 1
        assertThrows(NullPointerException.class, e::release, "release to zero closes the bundle");
        assertFalse(e.tryRetain(), "a fully released entry cannot be leased again");
    }
}
