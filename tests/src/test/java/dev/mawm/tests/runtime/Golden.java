package dev.mawm.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.models.bundle.GoldenSpec;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.GoldenReplay;
import dev.mawm.runtime.HostTensor;
import java.util.Map;

/** Golden tensors of a loaded bundle, and a tolerance check in the golden metric. */
final class Golden {
    private Golden() {
    }

    static Map<String, HostTensor> of(Bundle b, String component) {
        GoldenSpec g = b.manifest().goldenFor(component).orElseThrow();
        return GoldenReplay.decode(b.goldenBytes(component), b.directory().resolve(g.file()));
    }

    static int batch(Map<String, HostTensor> golden, String input) {
        return (int) golden.get(GoldenSpec.inputKey(input)).shape()[0];
    }

    static void assertClose(HostTensor expected, float[] actual, double tolerance, String what) {
        assertEquals(expected.size(), actual.length, what + " size");
        for (int i = 0; i < actual.length; i++) {
            double err = GoldenSpec.error(actual[i], expected.get(i));
            assertTrue(err <= tolerance, what + "[" + i + "]: " + actual[i] + " vs golden " + expected.get(i));
        }
    }
}
