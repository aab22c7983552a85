/**
 * Pictures of grid2 for humans: the full map with both agents and their view windows, each
 * agent's view, composite episode frames, and PNG / animated GIF files written with
 * {@link javax.imageio.ImageIO} (no extra dependency), atomically.
 */
package dev.mawm.envs.render;
