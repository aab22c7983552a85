package dev.mawm.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.models.bundle.GoldenSpec;
import java.util.Map;

/** Golden tensors of a loaded bundle, and a tolerance check in the golden metric. */
public final class Golden {
    private Golden() {
    }

    /**
     * Decodes a component's golden file.
     *
     * @param b         a loaded bundle
     * @param component the component's name
     * @return its golden tensors by key ({@code in.*} and {@code out.*})
     */
    public static Map<String, HostTensor> of(Bundle b, String component) {
        GoldenSpec g = b.manifest().goldenFor(component).orElseThrow();
        return GoldenReplay.decode(b.goldenBytes(component), b.directory().resolve(g.file()));
    }

    /**
     * The golden value of a graph input.
     *
     * @param golden a component's golden tensors
     * @param name   the input's name
     * @return the tensor stored under {@code in.name}
     */
    public static HostTensor in(Map<String, HostTensor> golden, String name) {
        return golden.get(GoldenSpec.inputKey(name));
    }

    /**
     * The golden value of a graph output.
     *
     * @param golden a component's golden tensors
     * @param name   the output's name
     * @return the tensor stored under {@code out.name}
     */
    public static HostTensor out(Map<String, HostTensor> golden, String name) {
        return golden.get(GoldenSpec.outputKey(name));
    }

    /**
     * The batch size of a golden file.
     *
     * @param golden a component's golden tensors
     * @param input  one of its batched inputs
     * @return that input's first dimension
     */
    public static int batch(Map<String, HostTensor> golden, String input) {
        return (int) in(golden, input).shape()[0];
    }

    /**
     * Asserts that every element is within {@code tolerance} of the golden value ({@link GoldenSpec#error}).
     *
     * @param expected  the golden tensor
     * @param actual    what the engine computed
     * @param tolerance the largest error allowed
     * @param what      the output's name, for messages
     */
    public static void assertClose(HostTensor expected, float[] actual, double tolerance, String what) {
        assertEquals(expected.size(), actual.length, what + " size");
        for (int i = 0; i < actual.length; i++) {
            double err = GoldenSpec.error(actual[i], expected.get(i));
            assertTrue(err <= tolerance, what + "[" + i + "]: " + actual[i] + " vs golden " + expected.get(i));
        }
    }
}
