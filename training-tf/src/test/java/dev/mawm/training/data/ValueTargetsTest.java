package dev.mawm.training.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mawm.envs.data.Dataset;
import dev.mawm.training.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValueTargetsTest {
    @TempDir
    Path dir;

    /** The direct sum {@code Σ_{k<steps, t+k<end} γ^k r_{t+k} / Σ_{k<steps} γ^k}. */
    private static double direct(Transitions t, int row, int end, int steps, double g) {
        double sum = 0;
        double scale = 0;
        for (int k = 0; k < steps; k++) {
            scale += Math.pow(g, k);
            if (row + k < end) {
                sum += Math.pow(g, k) * t.reward()[row + k];
            }
        }
        return sum / scale;
    }

    @Test
    void terminatedEpisodesHaveEveryTargetAndTheyMatchTheDirectSum() throws Exception {
        Transitions t = Transitions.of(Dataset.read(Fixtures.cartpole(dir.resolve("r.bin"), 5, "random", 4)), 2);
        int steps = 7;
        double g = 0.9;
        ValueTargets v = ValueTargets.of(t, steps, g);
        for (int e = 0; e < t.episodeCount(); e++) {
            int from = t.episodeStart(e);
            int end = from + t.episodeLength(e);
            for (int i = from; i < end; i++) {
                assertEquals(1f, v.mask()[i], "a terminated episode's rewards after its end are 0: row " + i);
                assertEquals(direct(t, i, end, steps, g), v.target()[i], 1e-6, "row " + i);
            }
            // CartPole's reward is 1 per step: the last row sees one reward, the one steps before the end all of them
            assertEquals(1 / ((1 - Math.pow(g, steps)) / (1 - g)), v.target()[end - 1], 1e-6);
            if (end - from >= steps) {
                assertEquals(1.0, v.target()[end - steps], 1e-6);
            }
        }
    }

    @Test
    void aTruncatedEpisodeMasksTheRowsWhoseWindowPassesItsEnd() throws Exception {
        Transitions t = Transitions.of(Dataset.read(Fixtures.cartpole(dir.resolve("o.bin"), 2, "oracle", 1)), 2);
        int steps = 50;
        ValueTargets v = ValueTargets.of(t, steps, 1.0);
        for (int e = 0; e < t.episodeCount(); e++) {
            int from = t.episodeStart(e);
            int end = from + t.episodeLength(e);
            for (int i = from; i < end; i++) {
                boolean known = i + steps <= end;
                assertEquals(known ? 1f : 0f, v.mask()[i], "row " + i);
                assertEquals(known ? 1f : 0f, v.target()[i], 1e-6, "γ 1, reward 1: the mean reward, row " + i);
            }
        }
    }

    @Test
    void badArgumentsAreNamed() throws Exception {
        Transitions t = Transitions.of(Dataset.read(Fixtures.cartpole(dir.resolve("b.bin"), 1, "random", 1)), 2);
        assertThrows(IllegalArgumentException.class, () -> ValueTargets.of(t, 0, 0.9));
        assertThrows(IllegalArgumentException.class, () -> ValueTargets.of(t, 5, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new ValueTargets(new float[2], new float[3]));
    }
}
