package dev.mawm.envs.render;

import dev.mawm.envs.grid2.Grid2Env;
import dev.mawm.envs.grid2.Grid2Palette;
import dev.mawm.envs.grid2.Grid2World;
import dev.mawm.envs.grid2.GridPos;
import dev.mawm.envs.grid2.ObjectTypes;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;

/**
 * Draws grid2 states. Cells use the observation palette ({@link Grid2Palette}); on the full map
 * agent 0 is a blue disc and agent 1 a magenta disc, each with its view window outlined in its
 * color. Views are the agents' observation images scaled up, with the viewer's (center) cell
 * outlined in its color. No anti-aliasing, so every pixel has one of {@link #COLORS}.
 */
public final class Grid2Renderer {
    /** Agent 0's color on the map. */
    public static final Color AGENT0 = new Color(40, 90, 220);
    /** Agent 1's color on the map. */
    public static final Color AGENT1 = new Color(190, 50, 200);
    private static final Color GRID = new Color(200, 200, 200);
    private static final Color BACKGROUND = Color.WHITE;
    private static final Color BAR = new Color(120, 120, 120);
    /** Every color a rendering uses (the GIF palette). */
    public static final Color[] COLORS;

    static {
        COLORS = new Color[ObjectTypes.COUNT + 5];
        for (int t = 0; t < ObjectTypes.COUNT; t++) {
            COLORS[t] = new Color(Grid2Palette.rgb(t));
        }
        COLORS[5] = AGENT0;
        COLORS[6] = AGENT1;
        COLORS[7] = GRID;
        COLORS[8] = BACKGROUND;
        COLORS[9] = BAR;
    }

    private Grid2Renderer() {
    }

    /**
     * The full map with both agents and their view windows.
     *
     * @param env    the environment (map and agent positions)
     * @param cellPx pixels per cell side, ≥ 4
     * @return an RGB image {@code width·cellPx × height·cellPx}
     */
    public static BufferedImage map(Grid2Env env, int cellPx) {
        if (cellPx < 4) {
            throw new IllegalArgumentException("cellPx must be ≥ 4, got " + cellPx);
        }
        Grid2World w = env.world();
        BufferedImage img = new BufferedImage(w.width() * cellPx, w.height() * cellPx, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            for (int y = 0; y < w.height(); y++) {
                for (int x = 0; x < w.width(); x++) {
                    g.setColor(COLORS[w.typeAt(x, y)]);
                    g.fillRect(x * cellPx, y * cellPx, cellPx, cellPx);
                    g.setColor(GRID);
                    g.drawRect(x * cellPx, y * cellPx, cellPx - 1, cellPx - 1);
                }
            }
            int half = env.config().viewSize() / 2;
            for (int a = 0; a < Grid2World.AGENTS; a++) {
                GridPos p = env.position(a);
                Color c = a == 0 ? AGENT0 : AGENT1;
                g.setColor(c);
                g.setStroke(new BasicStroke(Math.max(1, cellPx / 12f)));
                int inset = a * Math.max(1, cellPx / 10);
                g.drawRect((p.x() - half) * cellPx + inset, (p.y() - half) * cellPx + inset,
                        (2 * half + 1) * cellPx - 1 - 2 * inset, (2 * half + 1) * cellPx - 1 - 2 * inset);
                boolean shared = env.position(0).equals(env.position(1));
                int margin = cellPx / 6 + (shared && a == 1 ? cellPx / 5 : 0);
                g.fillOval(p.x() * cellPx + margin, p.y() * cellPx + margin, cellPx - 2 * margin, cellPx - 2 * margin);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /**
     * One agent's observation image, scaled up, with its own (center) cell outlined.
     *
     * @param env   the environment
     * @param agent 0 or 1
     * @param scale integer upscaling factor ≥ 1
     * @return an RGB image {@code (V·p·scale)²}
     */
    public static BufferedImage view(Grid2Env env, int agent, int scale) {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be ≥ 1, got " + scale);
        }
        int side = env.config().imageSize();
        byte[] chw = new byte[3 * side * side];
        env.imageU8(agent, chw, 0);
        int plane = side * side;
        BufferedImage img = new BufferedImage(side * scale, side * scale, BufferedImage.TYPE_INT_RGB);
        for (int py = 0; py < side * scale; py++) {
            for (int px = 0; px < side * scale; px++) {
                int i = (py / scale) * side + px / scale;
                int rgb = ((chw[i] & 0xff) << 16) | ((chw[i + plane] & 0xff) << 8) | (chw[i + 2 * plane] & 0xff);
                img.setRGB(px, py, rgb);
            }
        }
        Graphics2D g = img.createGraphics();
        try {
            int cell = env.config().pixelsPerCell() * scale;
            int c0 = (env.config().viewSize() / 2) * cell;
            g.setColor(agent == 0 ? AGENT0 : AGENT1);
            g.setStroke(new BasicStroke(Math.max(1, cell / 8f)));
            g.drawRect(c0 + 1, c0 + 1, cell - 3, cell - 3);
        } finally {
            g.dispose();
        }
        return img;
    }

    /**
     * An episode frame: the map on the left, agent 0's and agent 1's views stacked on the right, and
     * a bar along the bottom showing elapsed steps out of the step limit (green once both arrived).
     *
     * @param env    the environment
     * @param cellPx map pixels per cell
     * @return an RGB image
     */
    public static BufferedImage frame(Grid2Env env, int cellPx) {
        BufferedImage map = map(env, cellPx);
        int gap = 8;
        int viewSide = (map.getHeight() - gap) / 2;
        int scale = Math.max(1, viewSide / env.config().imageSize());
        BufferedImage v0 = view(env, 0, scale);
        BufferedImage v1 = view(env, 1, scale);
        int width = map.getWidth() + gap + v0.getWidth();
        int height = Math.max(map.getHeight(), 2 * v0.getHeight() + gap) + gap + 6;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, width, height);
            g.drawImage(map, 0, 0, null);
            g.drawImage(v0, map.getWidth() + gap, 0, null);
            g.drawImage(v1, map.getWidth() + gap, v0.getHeight() + gap, null);
            int barY = height - 6;
            g.setColor(GRID);
            g.fillRect(0, barY, width, 6);
            g.setColor(env.terminated() ? COLORS[ObjectTypes.GOAL] : BAR);
            g.fillRect(0, barY, (int) ((long) width * env.steps() / env.config().stepLimit()), 6);
        } finally {
            g.dispose();
        }
        return img;
    }

    /**
     * An episode frame with a caption line on top: {@link #frame} (the map with both agents, their
     * windows and the goal, and both agents' views beside it) under one line of text such as
     * {@code "first  t=12  agent0 ✓  agent1 …"} ({@link #caption}). Text is drawn without
     * anti-aliasing in the obstacle color, so the frame stays inside {@link #COLORS}; a caption too
     * wide for the frame is cut with "…", and a character the font cannot show becomes '?'.
     *
     * @param env     the environment
     * @param cellPx  map pixels per cell, ≥ 4
     * @param caption the caption (one line)
     * @return an RGB image, as wide as {@link #frame}
     */
    public static BufferedImage frameWithViews(Grid2Env env, int cellPx, String caption) {
        if (caption == null) {
            throw new IllegalArgumentException("frame caption must not be null");
        }
        BufferedImage body = frame(env, cellPx);
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(10, Math.min(24, cellPx)));
        int lineHeight = font.getSize() + 8;
        BufferedImage img = new BufferedImage(body.getWidth(), body.getHeight() + lineHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setFont(font);
            g.setColor(COLORS[ObjectTypes.OBSTACLE]);
            FontMetrics fm = g.getFontMetrics();
            String text = fit(displayable(font, caption.replace('\n', ' ')), fm, img.getWidth() - 8);
            g.drawString(text, 4, 4 + fm.getAscent());
            g.drawImage(body, 0, lineHeight, null);
        } finally {
            g.dispose();
        }
        return img;
    }

    /**
     * The standard caption: {@code "MODE  t=STEPS  agent0 ✓  agent1 …"} (✓ arrived, … not yet).
     *
     * @param mode the communication mode or policy shown
     * @param env  the environment
     * @return the caption
     */
    public static String caption(String mode, Grid2Env env) {
        StringBuilder sb = new StringBuilder(mode).append("  t=").append(env.steps());
        for (int a = 0; a < Grid2World.AGENTS; a++) {
            sb.append("  agent").append(a).append(env.arrived(a) ? " \u2713" : " \u2026");
        }
        return sb.toString();
    }

    private static String displayable(Font font, String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> sb.appendCodePoint(font.canDisplay(cp) ? cp : '?'));
        return sb.toString();
    }

    private static String fit(String s, FontMetrics fm, int width) {
        if (fm.stringWidth(s) <= width) {
            return s;
        }
        String cut = s;
        while (!cut.isEmpty() && fm.stringWidth(cut + "\u2026") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "\u2026";
    }

    /**
     * Converts an image to 8-bit indexed color over {@link #COLORS} (exact for renderer output).
     *
     * @param rgb an image drawn by this class
     * @return the indexed image
     */
    public static BufferedImage indexed(BufferedImage rgb) {
        int n = COLORS.length;
        byte[] r = new byte[n];
        byte[] gr = new byte[n];
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            r[i] = (byte) COLORS[i].getRed();
            gr[i] = (byte) COLORS[i].getGreen();
            b[i] = (byte) COLORS[i].getBlue();
        }
        IndexColorModel cm = new IndexColorModel(8, n, r, gr, b);
        BufferedImage out = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_BYTE_INDEXED, cm);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(rgb, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
