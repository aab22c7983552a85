package dev.mawm.training.loop;

import dev.mawm.models.io.AtomicWrite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the training and validation loss curves as a PNG (XChart, headless). The loss axis is logarithmic when
 * every loss is positive and the range of losses holds at least two powers of ten; otherwise it is linear, since
 * XChart's log axis labels only powers of ten and would show one, none or repeated tick labels over a narrower range.
 */
public final class LossPlot {
    /** The plot's file name in a training output directory. */
    public static final String FILE = "loss.png";

    private LossPlot() {
    }

    /**
     * @param title the chart title
     * @param history the evaluations (at least one)
     * @return PNG bytes
     */
    public static byte[] png(String title, List<HistoryPoint> history) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("no loss history to plot");
        }
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        double[] x = new double[history.size()];
        double[] train = new double[x.length];
        double[] val = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            HistoryPoint h = history.get(i);
            x[i] = h.step();
            train[i] = h.trainLoss();
            val[i] = h.valLoss();
        }
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle("step").yAxisTitle("loss").build();
        chart.getStyler().setYAxisLogarithmic(logScale(train, val));
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.addSeries("train", x, train).setMarker(SeriesMarkers.NONE);
        chart.addSeries("validation", x, val).setMarker(SeriesMarkers.CIRCLE);
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the loss plot: " + e.getMessage(), e);
        }
    }

    /**
     * @param train training losses
     * @param val validation losses
     * @return whether every loss is positive and {@code [min, max]} of the losses holds two or more powers of ten
     */
    static boolean logScale(double[] train, double[] val) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double[] series : new double[][] {train, val}) {
            for (double v : series) {
                if (!(v > 0)) {
                    return false;
                }
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return Math.floor(Math.log10(max)) - Math.ceil(Math.log10(min)) >= 1;
    }

    /**
     * Writes the plot atomically.
     *
     * @param file the PNG file
     * @param title the chart title
     * @param history the evaluations
     */
    public static void write(Path file, String title, List<HistoryPoint> history) {
        AtomicWrite.write(file, png(title, history));
    }
}
