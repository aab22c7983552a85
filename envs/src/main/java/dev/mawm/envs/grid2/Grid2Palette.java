package dev.mawm.envs.grid2;

/**
 * The fixed palette of grid2 observations and its rendering of a window to an RGB image
 * {@code [3][V·p][V·p]} (CHW, p pixels per cell). Colors are 8-bit; the float image holds
 * {@code u8 / 255f}, so a dataset storing the bytes reproduces the floats bit-exactly.
 *
 * <table>
 *   <caption>palette (R, G, B)</caption>
 *   <tr><td>0 empty</td><td>(235, 235, 235) light grey</td></tr>
 *   <tr><td>1 obstacle</td><td>(64, 64, 64) dark grey</td></tr>
 *   <tr><td>2 item</td><td>(240, 200, 40) yellow</td></tr>
 *   <tr><td>3 goal</td><td>(40, 180, 70) green</td></tr>
 *   <tr><td>4 agent</td><td>(220, 50, 50) red</td></tr>
 * </table>
 */
public final class Grid2Palette {
    private static final int[][] RGB = {
        {235, 235, 235}, {64, 64, 64}, {240, 200, 40}, {40, 180, 70}, {220, 50, 50},
    };

    private Grid2Palette() {
    }

    /**
     * @param type object type 0..4
     * @return its color as 0xRRGGBB
     */
    public static int rgb(int type) {
        ObjectTypes.require(type, "palette index");
        int[] c = RGB[type];
        return (c[0] << 16) | (c[1] << 8) | c[2];
    }

    /**
     * @param type    object type 0..4
     * @param channel 0 red, 1 green, 2 blue
     * @return the 8-bit channel value
     */
    public static int channel(int type, int channel) {
        ObjectTypes.require(type, "palette index");
        return RGB[type][channel];
    }

    /**
     * Renders a window as 8-bit CHW pixels.
     *
     * @param window        object types {@code [V·V]}
     * @param viewSize      V
     * @param pixelsPerCell p
     * @param dst           destination of {@code 3·(V·p)²} bytes ({@code [3][V·p][V·p]}), unsigned
     * @param offset        where to start writing in {@code dst}
     */
    public static void renderU8(int[] window, int viewSize, int pixelsPerCell, byte[] dst, int offset) {
        Grid2Message.validate(window, viewSize);
        int side = viewSize * pixelsPerCell;
        int plane = side * side;
        for (int py = 0; py < side; py++) {
            int rowBase = (py / pixelsPerCell) * viewSize;
            for (int px = 0; px < side; px++) {
                int[] c = RGB[window[rowBase + px / pixelsPerCell]];
                int i = offset + py * side + px;
                dst[i] = (byte) c[0];
                dst[i + plane] = (byte) c[1];
                dst[i + 2 * plane] = (byte) c[2];
            }
        }
    }

    /**
     * Renders a window as a float image in [0, 1].
     *
     * @param window        object types {@code [V·V]}
     * @param viewSize      V
     * @param pixelsPerCell p
     * @return {@code [3][V·p][V·p]} floats, each {@code u8 / 255f}
     */
    public static float[] renderFloat(int[] window, int viewSize, int pixelsPerCell) {
        int side = viewSize * pixelsPerCell;
        byte[] u8 = new byte[3 * side * side];
        renderU8(window, viewSize, pixelsPerCell, u8, 0);
        return toUnitFloats(u8);
    }

    /**
     * Converts unsigned bytes to floats the way observations are defined.
     *
     * @param u8 unsigned bytes
     * @return {@code (u8 & 0xff) / 255f} per element
     */
    public static float[] toUnitFloats(byte[] u8) {
        float[] out = new float[u8.length];
        for (int i = 0; i < u8.length; i++) {
            out[i] = (u8[i] & 0xff) / 255f;
        }
        return out;
    }
}
