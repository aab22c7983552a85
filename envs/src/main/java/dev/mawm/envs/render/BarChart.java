package dev.mawm.envs.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A simple bar chart as a PNG (Java2D, works headless): a title, one labelled bar per value with
 * its value printed above it (below it for a negative value), and a zero line. Used for
 * evaluation plots such as team success per communication mode.
 */
public final class BarChart {
    private static final Color BAR = new Color(40, 90, 220);
    private static final Color AXIS = new Color(64, 64, 64);
    private static final Color GRID = new Color(220, 220, 220);
    private static final int HEIGHT = 320;
    private static final int MARGIN = 40;

    private BarChart() {
    }

    /**
     * Writes a chart whose value axis spans {@code [min(0, values), max(0, values)]}.
     *
     * @param target the PNG file (replaced atomically)
     * @param title  the chart title
     * @param labels one label per bar
     * @param values the bar heights, finite
     * @throws IOException when writing fails (the previous file is then intact)
     */
    public static void write(Path target, String title, List<String> labels, double[] values) throws IOException {
        write(target, title, labels, values, Double.NaN);
    }

    /**
     * Writes a chart with a fixed top of the value axis (e.g. 1 for rates).
     *
     * @param target the PNG file (replaced atomically)
     * @param title  the chart title
     * @param labels one label per bar
     * @param values the bar heights, finite
     * @param yMax   the top of the value axis, ≥ every value; NaN for the largest value
     * @throws IOException when writing fails (the previous file is then intact)
     */
    public static void write(Path target, String title, List<String> labels, double[] values, double yMax) throws IOException {
        ImageFiles.writePng(target, render(title, labels, values, yMax));
    }

    /**
     * Draws a chart.
     *
     * @param title  the chart title
     * @param labels one label per bar
     * @param values the bar heights, finite
     * @param yMax   the top of the value axis, ≥ every value and &gt; 0; NaN for {@code max(0, values)}
     * @return an RGB image, 320 pixels high, at least 320 wide (90 per bar)
     * @throws IllegalArgumentException for no bars, a label count that differs from the value count,
     *                                  a non-finite value, or a {@code yMax} below a value
     */
    public static BufferedImage render(String title, List<String> labels, double[] values, double yMax) {
        if (title == null || labels == null || values == null) {
            throw new IllegalArgumentException("bar chart title, labels and values must not be null");
        }
        if (values.length == 0 || labels.size() != values.length) {
            throw new IllegalArgumentException("bar chart needs one label per value and at least one bar, got "
                    + labels.size() + " labels and " + values.length + " values");
        }
        double lo = 0;
        double hi = 0;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("bar chart value " + i + " ('" + labels.get(i) + "') must be finite, got " + values[i]);
            }
            lo = Math.min(lo, values[i]);
            hi = Math.max(hi, values[i]);
        }
        if (!Double.isNaN(yMax)) {
            if (!(yMax >= hi) || !(yMax > 0) || Double.isInfinite(yMax)) {
                throw new IllegalArgumentException("bar chart yMax must be finite, > 0 and ≥ every value (largest " + hi + "), got " + yMax);
            }
            hi = yMax;
        }
        if (hi - lo == 0) {
            hi = 1;
        }
        int n = values.length;
        int width = Math.max(320, 90 * n + 2 * MARGIN);
        BufferedImage img = new BufferedImage(width, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, HEIGHT);
            int top = MARGIN + 10;
            int bottom = HEIGHT - MARGIN;
            double scale = (bottom - top) / (hi - lo);
            int zeroY = (int) Math.round(bottom - (0 - lo) * scale);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            FontMetrics tf = g.getFontMetrics();
            g.setColor(AXIS);
            g.drawString(title, (width - tf.stringWidth(title)) / 2, 8 + tf.getAscent());
            g.setColor(GRID);
            g.drawLine(MARGIN, top, width - MARGIN, top);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            FontMetrics fm = g.getFontMetrics();
            g.setColor(AXIS);
            g.drawString(format(hi), 2, top + fm.getAscent() / 2);
            int slot = (width - 2 * MARGIN) / n;
            int barW = Math.max(4, slot * 3 / 5);
            for (int i = 0; i < n; i++) {
                int cx = MARGIN + slot * i + slot / 2;
                int y = (int) Math.round(bottom - (values[i] - lo) * scale);
                g.setColor(BAR);
                g.fillRect(cx - barW / 2, Math.min(y, zeroY), barW, Math.max(1, Math.abs(zeroY - y)));
                g.setColor(AXIS);
                String v = format(values[i]);
                int vy = values[i] >= 0 ? Math.min(y, zeroY) - 4 : Math.max(y, zeroY) + fm.getAscent() + 2;
                g.drawString(v, cx - fm.stringWidth(v) / 2, vy);
                String label = labels.get(i);
                g.drawString(label, cx - fm.stringWidth(label) / 2, bottom + 6 + fm.getAscent());
            }
            g.setStroke(new BasicStroke(1.5f));
            g.drawLine(MARGIN / 2, zeroY, width - MARGIN / 2, zeroY);
        } finally {
            g.dispose();
        }
        return img;
    }

    /**
     * @param v a value
     * @return an integer without decimals, else three significant digits (no decimals from 1000 on),
     *         so a rate of 0.997 does not print as 1.00
     */
    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return Math.abs(v) < 1000 ? String.format(Locale.ROOT, "%.3g", v) : String.format(Locale.ROOT, "%.0f", v);
    }
}
