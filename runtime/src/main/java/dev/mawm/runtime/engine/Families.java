package dev.mawm.runtime.engine;

import dev.mawm.runtime.Bundle;

/** Shared checks of the engines. */
final class Families {
    private Families() {
    }

    static void require(Bundle bundle, String family) {
        if (!family.equals(bundle.manifest().family())) {
            throw new IllegalArgumentException("bundle " + bundle.directory() + " is of family '"
                    + bundle.manifest().family() + "', this engine needs family '" + family + "'");
        }
    }

    static void batch(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("batch size n must be >= 1, got " + n);
        }
    }
}
