/**
 * Pictures of grid2 for humans: the full map with both agents and their view windows, each
 * agent's view, composite episode frames (optionally captioned), bar charts of evaluation results
 * ({@link dev.mawm.envs.render.BarChart}), and PNG / animated GIF files written with
 * {@link javax.imageio.ImageIO} (no extra dependency), atomically.
 */
package dev.mawm.envs.render;
