package dev.mawm.envs.render;

import dev.mawm.envs.AtomicFiles;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/** Writes PNG images and animated GIFs atomically with {@link ImageIO}. */
public final class ImageFiles {
    private static final String GIF_FORMAT = "javax_imageio_gif_image_1.0";

    private ImageFiles() {
    }

    /**
     * Writes a PNG.
     *
     * @param target the file
     * @param image  the image
     * @throws IOException when writing fails (the previous file is then intact)
     */
    public static void writePng(Path target, BufferedImage image) throws IOException {
        AtomicFiles.write(target, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available for image type " + image.getType());
            }
        });
    }

    /**
     * Writes an animated GIF that loops forever.
     *
     * @param target  the file
     * @param frames  the frames (indexed images keep their palette; others are quantized by the writer)
     * @param delayMs delay per frame in milliseconds (GIF resolution 10 ms)
     * @throws IOException when writing fails (the previous file is then intact)
     */
    public static void writeGif(Path target, List<BufferedImage> frames, int delayMs) throws IOException {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("an animated GIF needs at least one frame");
        }
        if (delayMs < 0) {
            throw new IllegalArgumentException("GIF frame delay must be ≥ 0 ms, got " + delayMs);
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        try {
            AtomicFiles.write(target, out -> {
                try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                    writer.setOutput(ios);
                    ImageWriteParam param = writer.getDefaultWriteParam();
                    writer.prepareWriteSequence(null);
                    for (int i = 0; i < frames.size(); i++) {
                        BufferedImage frame = frames.get(i);
                        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), param);
                        configure(meta, frame, delayMs, i == 0);
                        writer.writeToSequence(new IIOImage(frame, null, meta), param);
                    }
                    writer.endWriteSequence();
                }
            });
        } finally {
            writer.dispose();
        }
    }

    private static void configure(IIOMetadata meta, BufferedImage frame, int delayMs, boolean first) throws IOException {
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(GIF_FORMAT);
        if (frame.getColorModel() instanceof IndexColorModel icm) {
            // without an explicit local table, later frames would be read through the writer's default global palette
            IIOMetadataNode table = child(root, "LocalColorTable");
            while (table.getFirstChild() != null) {
                table.removeChild(table.getFirstChild());
            }
            int size = 2;
            while (size < icm.getMapSize()) {
                size *= 2;
            }
            table.setAttribute("sizeOfLocalColorTable", Integer.toString(size));
            table.setAttribute("sortFlag", "FALSE");
            for (int i = 0; i < size; i++) {
                IIOMetadataNode entry = new IIOMetadataNode("ColorTableEntry");
                boolean real = i < icm.getMapSize();
                entry.setAttribute("index", Integer.toString(i));
                entry.setAttribute("red", Integer.toString(real ? icm.getRed(i) : 0));
                entry.setAttribute("green", Integer.toString(real ? icm.getGreen(i) : 0));
                entry.setAttribute("blue", Integer.toString(real ? icm.getBlue(i) : 0));
                table.appendChild(entry);
            }
        }
        IIOMetadataNode gce = child(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("delayTime", Integer.toString(delayMs / 10));
        gce.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode apps = child(root, "ApplicationExtensions");
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {1, 0, 0}); // sub-block 1, loop count 0 = forever
            apps.appendChild(app);
        }
        meta.setFromTree(GIF_FORMAT, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
