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

    /**
     * Success against bits sent, the bits on a log axis (issue 12: "how many bits does coordination need?"): one series per
     * name, one labelled point per entry; points with no bits (nothing sent) cannot sit on a log axis and are left out.
     *
     * @param file   the PNG file
     * @param title  the chart title
     * @param series series name (e.g. a communication mode) → its points, each {@code {bits, success}}
     * @param labels series name → one label per point (e.g. the codec), the same count as its points
     * @throws IllegalArgumentException when no point has bits &gt; 0
     */
    public static void successVsBits(Path file, String title, java.util.Map<String, List<double[]>> series,
                                     java.util.Map<String, List<String>> labels) {
        headless();
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle("bits sent per episode (log)")
                .yAxisTitle("team success").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        int plotted = 0;
        for (var e : series.entrySet()) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<String> given = labels.get(e.getKey());
            for (int i = 0; i < e.getValue().size(); i++) {
                double[] p = e.getValue().get(i);
                if (p[0] > 0) {
                    x.add(p[0]);
                    y.add(p[1]);
                    names.add(given == null ? "" : given.get(i));
                }
            }
            if (!x.isEmpty()) {
                chart.addSeries(e.getKey() + " " + names, x, y).setMarker(SeriesMarkers.CIRCLE);
                plotted += x.size();
            }
        }
        if (plotted == 0) {
            throw new IllegalArgumentException("success-vs-bits chart " + file + " has no point with bits > 0");
        }
        write(file, chart);
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
