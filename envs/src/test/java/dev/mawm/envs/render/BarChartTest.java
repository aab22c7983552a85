package dev.mawm.envs.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BarChartTest {
    private static final int BAR_RGB = 0xff285adc; // (40, 90, 220)

    @TempDir
    Path dir;

    @Test
    void writesADecodablePngWithOneBarPerValue() throws IOException {
        Path png = dir.resolve("success.png");
        List<String> labels = List.of("oracle", "first", "none", "first/49");
        double[] values = {0.997, 0.99, 0.437, 0.46};
        BarChart.write(png, "team success, comm scenarios", labels, values, 1.0);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(BarChart.render("team success, comm scenarios", labels, values, 1.0).getWidth(), img.getWidth());
        assertEquals(320, img.getHeight());
        // bar heights in blue pixels follow the values
        int[] heights = new int[values.length];
        int slot = (img.getWidth() - 80) / values.length;
        for (int i = 0; i < values.length; i++) {
            int cx = 40 + slot * i + slot / 2;
            for (int y = 0; y < img.getHeight(); y++) {
                heights[i] += img.getRGB(cx, y) == BAR_RGB ? 1 : 0;
            }
        }
        assertTrue(heights[0] > heights[2] * 2 && heights[1] > heights[3], java.util.Arrays.toString(heights));
        assertEquals(values[0] / values[2], (double) heights[0] / heights[2], 0.1);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(png), files.toList(), "no temp file left behind");
        }
    }

    @Test
    void autoScaleNegativeValuesAndLabels() throws IOException {
        Path png = dir.resolve("ret.png");
        BarChart.write(png, "return", List.of("a", "b", "c"), new double[] {-2.5, 0, 40});
        assertEquals(320, ImageIO.read(png.toFile()).getHeight());
        assertEquals("40", BarChart.format(40));
        assertEquals("0.460", BarChart.format(0.46));
        assertEquals("0.997", BarChart.format(0.997));
        assertEquals("12.3", BarChart.format(12.34));
        assertEquals("0.0500", BarChart.format(0.05));
        BufferedImage zeros = BarChart.render("zeros", List.of("x"), new double[] {0}, Double.NaN);
        assertEquals(320, zeros.getWidth());
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> BarChart.render("t", List.of("a"), new double[] {1, 2}, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> BarChart.render("t", List.of(), new double[0], Double.NaN));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BarChart.render("t", List.of("a", "b"), new double[] {1, Double.NaN}, Double.NaN))
                .getMessage().contains("value 1 ('b')"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BarChart.render("t", List.of("a"), new double[] {2}, 1.0))
                .getMessage().contains("yMax"));
        assertThrows(IllegalArgumentException.class, () -> BarChart.render(null, List.of("a"), new double[] {2}, 1.0));
    }
}
