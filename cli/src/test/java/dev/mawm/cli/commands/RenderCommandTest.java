package dev.mawm.cli.commands;

import static dev.mawm.cli.CliRun.mawm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mawm.cli.CliRun;
import dev.mawm.envs.grid2.Grid2Palette;
import dev.mawm.envs.grid2.Grid2World;
import dev.mawm.envs.grid2.ObjectTypes;
import dev.mawm.models.config.Grid2Config;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesTheMapAndBothViews() throws Exception {
        Path png = dir.resolve("map.png");
        CliRun r = mawm("render", "--env", "grid2", "--seed", "3", "--out", png.toString(), "--views", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(3, json.path("files").size());
        BufferedImage map = ImageIO.read(png.toFile());
        assertEquals(11 * 32, map.getWidth());
        Grid2World w = Grid2World.generate(Grid2Config.defaults(), 3);
        assertEquals("(" + w.goal().x() + ", " + w.goal().y() + ")", json.path("goal").asText());
        assertEquals(Grid2Palette.rgb(ObjectTypes.GOAL), map.getRGB(w.goal().x() * 32 + 16, w.goal().y() * 32 + 16) & 0xffffff);
        assertEquals(Grid2Palette.rgb(ObjectTypes.OBSTACLE), map.getRGB(16, 16) & 0xffffff, "corner is a border wall");
        for (int a = 0; a < 2; a++) {
            BufferedImage view = ImageIO.read(dir.resolve("map-view" + a + ".png").toFile());
            assertEquals(28 * 8, view.getWidth());
            assertEquals(28 * 8, view.getHeight());
        }
    }

    @Test
    void scenarioAndBadEnv() throws Exception {
        Path png = dir.resolve("s.png");
        CliRun r = mawm("render", "--seed", "1", "--scenario", "goal-seen-by-one", "--out", png.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(png.toFile().length() > 0);
        r = mawm("render", "--env", "cartpole", "--out", png.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("grid2 only"), r.err());
    }
}
