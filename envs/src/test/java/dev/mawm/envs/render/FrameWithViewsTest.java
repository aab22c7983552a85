package dev.mawm.envs.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.envs.grid2.CommSchedule;
import dev.mawm.envs.grid2.Grid2Env;
import dev.mawm.envs.grid2.Grid2Scenarios;
import dev.mawm.envs.grid2.Grid2World;
import dev.mawm.envs.grid2.TeamEpisode;
import dev.mawm.envs.grid2.TeamRollout;
import dev.mawm.models.config.Grid2Config;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameWithViewsTest {
    private static final Grid2Config COMM = new Grid2Config(21, 21, 0.15, 0, 30, 7, 4, 0.1, true);

    @TempDir
    Path dir;

    @Test
    void captionedFrameIsTheFrameUnderATextLine() {
        Grid2Env env = Grid2Env.generate(Grid2Config.defaults(), 3);
        BufferedImage plain = Grid2Renderer.frame(env, 16);
        BufferedImage cap = Grid2Renderer.frameWithViews(env, 16, Grid2Renderer.caption("first", env));
        assertEquals(plain.getWidth(), cap.getWidth());
        int line = cap.getHeight() - plain.getHeight();
        assertTrue(line > 10, "caption line height " + line);
        for (int y = 0; y < plain.getHeight(); y += 3) {
            for (int x = 0; x < plain.getWidth(); x += 3) {
                assertEquals(plain.getRGB(x, y), cap.getRGB(x, y + line), "pixel " + x + "," + y);
            }
        }
        int ink = 0;
        Set<Integer> palette = new HashSet<>();
        for (java.awt.Color c : Grid2Renderer.COLORS) {
            palette.add(c.getRGB());
        }
        for (int y = 0; y < cap.getHeight(); y++) {
            for (int x = 0; x < cap.getWidth(); x++) {
                assertTrue(palette.contains(cap.getRGB(x, y)), "pixel " + x + "," + y + " is outside the GIF palette");
                ink += y < line && cap.getRGB(x, y) != java.awt.Color.WHITE.getRGB() ? 1 : 0;
            }
        }
        assertTrue(ink > 50, "the caption is drawn: " + ink + " dark pixels");
        assertThrows(IllegalArgumentException.class, () -> Grid2Renderer.frameWithViews(env, 16, null));
        // an over-long caption is cut, not an error
        Grid2Renderer.frameWithViews(env, 4, "x".repeat(500));
    }

    @Test
    void captionNamesModeStepAndArrivals() {
        Grid2Env env = new Grid2Env(Grid2World.fromAscii("#####", "#AGB#", "#####"), Grid2Config.defaults());
        assertEquals("every-3  t=0  agent0 \u2026  agent1 \u2026", Grid2Renderer.caption("every-3", env));
        env.step(4, 0);
        assertEquals("every-3  t=1  agent0 \u2713  agent1 \u2026", Grid2Renderer.caption("every-3", env));
    }

    @Test
    void informedEpisodeGifIsWrittenAndDecodes() throws IOException {
        Grid2Env env = new Grid2Env(Grid2Scenarios.goalSeenByExactlyOne(COMM, 2).world(), COMM);
        List<BufferedImage> frames = new ArrayList<>();
        TeamEpisode ep = TeamRollout.informed(env, CommSchedule.first(), e ->
                frames.add(Grid2Renderer.indexed(Grid2Renderer.frameWithViews(e, 12, Grid2Renderer.caption("first", e)))));
        assertEquals(ep.steps() + 1, frames.size());
        Path gif = dir.resolve("first.gif");
        ImageFiles.writeGif(gif, frames, 150);
        assertTrue(Files.size(gif) > 0);
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            assertEquals(frames.size(), reader.getNumImages(true));
            BufferedImage last = reader.read(frames.size() - 1);
            assertEquals(frames.get(0).getWidth(), last.getWidth());
            for (int y = 0; y < last.getHeight(); y += 5) {
                for (int x = 0; x < last.getWidth(); x += 5) {
                    assertEquals(frames.get(frames.size() - 1).getRGB(x, y), last.getRGB(x, y), "pixel " + x + "," + y);
                }
            }
        } finally {
            reader.dispose();
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of(gif), files.toList(), "no temp file left behind");
        }
    }
}
