package dev.mawm.cli.eval;

import dev.mawm.models.io.AtomicWrite;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.Histogram;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG plots of an evaluation (XChart), each written atomically (temp file + rename). */
public final class EvalPlots {
    private EvalPlots() {
    }

    /**
     * Per-episode returns of several policies on the same seeded episodes, with a dashed reference line.
     *
     * @param file      the PNG file
     * @param title     the chart title
     * @param results   one series per policy (same episode count each)
     * @param reference a horizontal reference return (e.g. 475, "solved"), or NaN for none
     */
    public static void returns(Path file, String title, List<PolicyResult> results, double reference) {
        headless();
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle("episode")
                .yAxisTitle("return").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        int n = 0;
        for (PolicyResult r : results) {
            double[] y = r.returns();
            n = Math.max(n, y.length);
            chart.addSeries(r.policy() + String.format(java.util.Locale.ROOT, " (mean %.1f)", r.meanReturn()),
                    episodes(y.length), y).setMarker(SeriesMarkers.CIRCLE);
        }
        if (!Double.isNaN(reference) && n > 0) {
            double[] x = n == 1 ? new double[] {0, 1} : new double[] {0, n - 1};
            chart.addSeries("solved (" + (int) reference + ")", x, new double[] {reference, reference})
                    .setMarker(SeriesMarkers.NONE).setLineColor(Color.GRAY);
        }
        write(file, chart);
    }

    /**
     * A histogram of one policy's decision latencies.
     *
     * @param file   the PNG file
     * @param title  the chart title
     * @param result the policy result (its latencies)
     * @param bins   number of bins, ≥ 1
     * @throws IllegalArgumentException when the result has no latencies or {@code bins} &lt; 1
     */
    public static void latency(Path file, String title, PolicyResult result, int bins) {
        long[] nanos = result.latencyNanos();
        if (nanos.length == 0) {
            throw new IllegalArgumentException("policy " + result.policy() + " has no latencies to plot");
        }
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        }
        headless();
        List<Double> ms = new ArrayList<>(nanos.length);
        for (long v : nanos) {
            ms.add(v / 1e6);
        }
        // the p99.9 bound keeps one GC pause from squeezing every bar into the first bin
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        double max = LatencyStats.rank(sorted, 0.999) / 1e6;
        double min = sorted[0] / 1e6;
        Histogram h = new Histogram(ms, bins, min, max > min ? max : min + 1e-3);
        CategoryChart chart = new CategoryChartBuilder().width(800).height(500).title(title)
                .xAxisTitle("decision latency (ms), up to p99.9").yAxisTitle("decisions").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisDecimalPattern("0.0");
        chart.getStyler().setXAxisLabelRotation(45);
        chart.addSeries(result.policy(), h.getxAxisData(), h.getyAxisData());
        write(file, chart);
    }

    private static double[] episodes(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return x;
    }

    private static void write(Path file, Chart<?, ?> chart) {
        byte[] png;
        try {
            png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + file + ": " + e.getMessage(), e);
        }
        AtomicWrite.write(file, png);
    }

    private static void headless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}
