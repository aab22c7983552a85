package dev.mawm.training.jepa2;

import dev.mawm.models.io.AtomicWrite;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Per-step loss terms of a run, with a smoothed view for progress, a CSV dump and a PNG plot. */
final class LossHistory {
    private final List<String> names;
    private final List<double[]> rows = new ArrayList<>();
    private final double[] ema;

    LossHistory(List<String> names) {
        this.names = List.copyOf(names);
        this.ema = new double[names.size()];
    }

    void add(double[] terms) {
        rows.add(terms.clone());
        for (int i = 0; i < ema.length; i++) {
            ema[i] = rows.size() == 1 ? terms[i] : 0.95 * ema[i] + 0.05 * terms[i];
        }
    }

    int index(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no loss term '" + name + "'; terms are " + names);
        }
        return i;
    }

    double smoothed(int i) {
        return ema[i];
    }

    /** @return each term's mean over the last {@code window} steps */
    Map<String, Double> finalMeans(int window) {
        Map<String, Double> out = new LinkedHashMap<>();
        int from = Math.max(0, rows.size() - window);
        for (int i = 0; i < names.size(); i++) {
            double s = 0;
            for (int r = from; r < rows.size(); r++) {
                s += rows.get(r)[i];
            }
            out.put(names.get(i), rows.size() == from ? Double.NaN : s / (rows.size() - from));
        }
        return out;
    }

    void writeCsv(Path file) {
        StringBuilder sb = new StringBuilder("step");
        names.forEach(n -> sb.append(',').append(n));
        sb.append('\n');
        for (int r = 0; r < rows.size(); r++) {
            sb.append(r + 1);
            for (double v : rows.get(r)) {
                sb.append(',').append(String.format(Locale.ROOT, "%.6g", v));
            }
            sb.append('\n');
        }
        AtomicWrite.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Plots the total and the main terms (moving average over 20 steps), log scale. */
    void writePng(Path file, String title) {
        XYChart chart = new XYChartBuilder().width(900).height(500).title(title).xAxisTitle("step").yAxisTitle("loss").build();
        chart.getStyler().setYAxisLogarithmic(true);
        for (String name : List.of("total", "vicreg", "lejepa", "obs_pred", "msg_pred", "reward", "done")) {
            int i = names.indexOf(name);
            if (i < 0 || rows.isEmpty()) {
                continue;
            }
            double[] x = new double[rows.size()];
            double[] y = new double[rows.size()];
            double acc = 0;
            for (int r = 0; r < rows.size(); r++) {
                acc += rows.get(r)[i];
                if (r >= 20) {
                    acc -= rows.get(r - 20)[i];
                }
                x[r] = r + 1;
                y[r] = Math.max(acc / Math.min(r + 1, 20), 1e-6);
            }
            chart.addSeries(name, x, y).setMarker(SeriesMarkers.NONE);
        }
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            BitmapEncoder.saveBitmap(chart, png, BitmapEncoder.BitmapFormat.PNG);
            AtomicWrite.write(file, png.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + file + ": " + e.getMessage(), e);
        }
    }
}
