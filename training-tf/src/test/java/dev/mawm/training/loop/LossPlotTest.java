package dev.mawm.training.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The loss plot's axis choice (log only where it gets at least two labelled decades) and its PNG output. */
class LossPlotTest {

    @Test
    void narrowPositiveRangeIsLinearSoTheAxisHasLabels() {
        assertFalse(LossPlot.logScale(new double[] {0.42, 0.30, 0.22}, new double[] {0.45, 0.27}));
        assertFalse(LossPlot.logScale(new double[] {0.00123, 0.00103}, new double[] {0.00125}));
        assertFalse(LossPlot.logScale(new double[] {0.2, 3.0}, new double[] {1.0}), "one power of ten (1) is one label");
        assertFalse(LossPlot.logScale(new double[] {0.5}, new double[] {0.5}));
    }

    @Test
    void rangeOverTwoDecadesIsLogarithmic() {
        assertTrue(LossPlot.logScale(new double[] {5.0, 0.5, 0.0017}, new double[] {6.0, 0.0055}));
        assertTrue(LossPlot.logScale(new double[] {1.2, 0.09}, new double[] {1.0}));
    }

    @Test
    void nonPositiveOrNanLossesAreLinear() {
        assertFalse(LossPlot.logScale(new double[] {10, 0.001}, new double[] {0}));
        assertFalse(LossPlot.logScale(new double[] {10, -1}, new double[] {0.001}));
        assertFalse(LossPlot.logScale(new double[] {10, Double.NaN}, new double[] {0.001}));
    }

    @Test
    void writesAPngAndRefusesAnEmptyHistory() {
        byte[] png = LossPlot.png("t", List.of(new HistoryPoint(10, 0.4, 0.45), new HistoryPoint(20, 0.3, 0.35)));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
        assertThrows(IllegalArgumentException.class, () -> LossPlot.png("t", List.of()));
    }
}
