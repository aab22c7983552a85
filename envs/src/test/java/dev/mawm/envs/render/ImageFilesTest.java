package dev.mawm.envs.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.envs.grid2.Grid2Env;
import dev.mawm.envs.grid2.Grid2Palette;
import dev.mawm.envs.grid2.Grid2Policies;
import dev.mawm.envs.grid2.Grid2Rollout;
import dev.mawm.envs.grid2.ObjectTypes;
import dev.mawm.models.config.Grid2Config;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Node;

class ImageFilesTest {
    @TempDir
    Path dir;

    @Test
    void mapPngShowsEveryCellInItsColor() throws IOException {
        Grid2Env env = Grid2Env.generate(Grid2Config.defaults(), 4);
        Path png = dir.resolve("map.png");
        ImageFiles.writePng(png, Grid2Renderer.map(env, 20));
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(220, img.getWidth());
        assertEquals(220, img.getHeight());
        for (int y = 0; y < 11; y++) {
            for (int x = 0; x < 11; x++) {
                int rgb = img.getRGB(x * 20 + 10, y * 20 + 10) & 0xffffff; // cell centers are far from grid lines and outlines
                if (env.position(1).x() == x && env.position(1).y() == y) {
                    assertEquals(Grid2Renderer.AGENT1.getRGB() & 0xffffff, rgb);
                } else if (env.position(0).x() == x && env.position(0).y() == y) {
                    assertEquals(Grid2Renderer.AGENT0.getRGB() & 0xffffff, rgb);
                } else {
                    assertEquals(Grid2Palette.rgb(env.world().typeAt(x, y)), rgb, "cell " + x + "," + y);
                }
            }
        }
        assertEquals(Grid2Palette.rgb(ObjectTypes.GOAL), img.getRGB(env.world().goal().x() * 20 + 10, env.world().goal().y() * 20 + 10) & 0xffffff);
    }

    @Test
    void animatedGifHasAllFramesLoopsAndDelay() throws IOException {
        Grid2Env env = Grid2Env.generate(Grid2Config.defaults(), 2);
        List<BufferedImage> frames = new ArrayList<>();
        Grid2Rollout.play(env, Grid2Policies.oracle(), new SplittableRandom(0), e -> frames.add(Grid2Renderer.indexed(Grid2Renderer.frame(e, 16))));
        Path gif = dir.resolve("ep.gif");
        ImageFiles.writeGif(gif, frames, 200);
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            assertEquals(frames.size(), reader.getNumImages(true));
            assertEquals(env.steps() + 1, frames.size());
            IIOMetadataNode first = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
            assertEquals("20", find(first, "GraphicControlExtension").getAttributes().getNamedItem("delayTime").getNodeValue());
            Node app = find(first, "ApplicationExtension");
            assertEquals("NETSCAPE", app.getAttributes().getNamedItem("applicationID").getNodeValue());
            byte[] loop = (byte[]) ((IIOMetadataNode) app).getUserObject();
            assertEquals(0, loop[1] | loop[2], "loop forever");
            BufferedImage last = reader.read(frames.size() - 1);
            BufferedImage expected = frames.get(frames.size() - 1);
            for (int y = 0; y < expected.getHeight(); y += 7) {
                for (int x = 0; x < expected.getWidth(); x += 7) {
                    assertEquals(expected.getRGB(x, y), last.getRGB(x, y), "pixel " + x + "," + y);
                }
            }
        } finally {
            reader.dispose();
        }
    }

    private static Node find(Node root, String name) {
        if (root.getNodeName().equals(name)) {
            return root;
        }
        for (Node c = root.getFirstChild(); c != null; c = c.getNextSibling()) {
            Node f = find(c, name);
            if (f != null) {
                return f;
            }
        }
        return null;
    }
}
