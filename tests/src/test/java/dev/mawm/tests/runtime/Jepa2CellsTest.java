package dev.mawm.tests.runtime;

import static dev.mawm.runtime.Golden.in;
import static dev.mawm.runtime.Golden.out;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.models.Names;
import dev.mawm.models.config.Jepa2Config;
import dev.mawm.models.nn.jepa2.Jepa2Names;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.Golden;
import dev.mawm.runtime.HostTensor;
import dev.mawm.runtime.engine.Jepa2Engine;
import dev.mawm.runtime.engine.Jepa2TeamModel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cells-mode jepa2 bundle (the predictor reads the other agent's message cells) exported from seeded random weights
 * (golden outputs by TensorFlow): no cells-mode bundle is shipped, so this test needs the exporter. {@link Jepa2Engine}
 * replays its predictor and rollout golden files and checks its cells inputs; the team model refuses it. The
 * vector mode is tested in the runtime module on the shipped {@code models/bundles/grid2-jepa2}.
 */
class Jepa2CellsTest {
    /** ORT vs TensorFlow, golden metric (absolute up to 1, relative above). */
    private static final double TOL = 1e-5;
    @TempDir
    static Path dir;
    private static Bundle cells;

    @BeforeAll
    static void export() {
        Jepa2Bundles.write(dir.resolve("cells"), Jepa2Config.MESSAGE_CELLS, 18);
        cells = Bundle.load(dir.resolve("cells"));
    }

    @AfterAll
    static void close() {
        cells.close();
    }

    @Test
    void shapeSaysCellTokens() {
        assertTrue(new Jepa2Engine(cells).shape().cellTokens());
    }

    @Test
    void cellsEngineReproducesPredictorAndRolloutGoldenFiles() {
        Jepa2Engine e = new Jepa2Engine(cells);
        int l = e.shape().latentSize();
        Map<String, HostTensor> g = Golden.of(cells, Jepa2Names.PREDICTOR);
        int n = Golden.batch(g, Names.LATENT);
        float[] next = new float[n * l];
        e.predict(in(g, Names.LATENT).floats(), in(g, Names.ACTION).ints(), in(g, Jepa2Names.MESSAGE_OTHER).ints(), n, next);
        Golden.assertClose(out(g, Names.NEXT_LATENT), next, TOL, "next_latent");

        g = Golden.of(cells, Names.rollout(Jepa2Bundles.H));
        float[] returns = new float[n];
        float[] fin = new float[n * l];
        e.rollout().rolloutCells(in(g, Jepa2Names.Z_SELF).floats(), in(g, Jepa2Names.MESSAGE_OTHER).ints(), in(g, Names.ACTIONS).ints(), n,
                in(g, Names.DISCOUNT).floats()[0], returns, fin);
        Golden.assertClose(out(g, Names.RETURNS), returns, TOL, "returns");
        Golden.assertClose(out(g, Jepa2Names.FINAL_LATENT), fin, TOL, "final_latent");
    }

    @Test
    void cellsInputsAreCheckedByName() {
        Jepa2Engine c = new Jepa2Engine(cells);
        int l = c.shape().latentSize();
        int[] noInfo = new int[49];
        Arrays.fill(noInfo, 5);  // "no information" is a valid predictor cell in cells mode
        c.predict(new float[l], new int[1], noInfo, 1, new float[l]);
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> c.rollout().rolloutCells(new float[l], noInfo, new int[4], 1, 0.9f, new float[1], null));
        assertTrue(other.getMessage().startsWith("messageOther: element 0 is 5"), "the rollout's first message is real: " + other.getMessage());
    }

    @Test
    void teamModelRefusesACellsBundle() {
        IllegalArgumentException c = assertThrows(IllegalArgumentException.class, () -> new Jepa2TeamModel(cells, 0.9));
        assertTrue(c.getMessage().contains("cells message mode") && c.getMessage().contains("vector-mode bundle"), c.getMessage());
    }
}
