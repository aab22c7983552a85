/**
 * The two-agent gridworld {@code grid2} (DESIGN §4).
 *
 * <p>Coordinates: {@code x} is the column (0 = west), {@code y} the row (0 = north); "up" is
 * {@code y − 1}. Object types ({@link dev.mawm.envs.grid2.ObjectTypes}): 0 empty, 1 obstacle,
 * 2 item, 3 goal, 4 agent. Items are static, walkable cells (scenery the agents can see and
 * describe); they are neither collected nor rewarded.
 *
 * <p>Each agent's view is a {@code V×V} (default 7×7) window centered on itself, north up
 * ({@link dev.mawm.envs.grid2.Grid2View}):
 * <ul>
 *   <li>cells outside the grid read as obstacle (1);</li>
 *   <li>the viewing agent is not drawn: the center cell shows the static content under it
 *       (empty, item or goal), also when the other agent shares that cell;</li>
 *   <li>the other agent is drawn as type 4 on an empty or item cell; on the goal cell the goal
 *       (3) stays visible, because an agent on the goal has arrived and the goal is the
 *       task-critical object.</li>
 * </ul>
 * The agent's message ({@link dev.mawm.envs.grid2.Grid2Message}) is the window as 49 integers
 * (row-major) followed by the sender's absolute (x, y), 51 integers, or the bare window when
 * {@code grid2.messagePosition} is false; the RGB observation is the same window rendered with a
 * fixed palette ({@link dev.mawm.envs.grid2.Grid2Palette}), so the image carries exactly the
 * window's content.
 *
 * <p>Baselines: the full-map oracle ({@link dev.mawm.envs.grid2.Grid2Oracle}) and the
 * information-limited oracle ({@link dev.mawm.envs.grid2.InformedOracle} over a
 * {@link dev.mawm.envs.grid2.BeliefMap}, played by {@link dev.mawm.envs.grid2.TeamRollout} under a
 * {@link dev.mawm.envs.grid2.CommSchedule}); {@link dev.mawm.envs.grid2.Spl} scores paths.
 */
package dev.mawm.envs.grid2;
