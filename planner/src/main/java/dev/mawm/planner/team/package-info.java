/**
 * The decentralized two-agent protocol with imagined messages (DESIGN §7, seed 003), as plain Java over a small
 * multi-agent model interface, so that what each agent may know is fixed by the API and tested against pure-Java
 * stubs.
 *
 * <ul>
 * <li>{@link dev.mawm.planner.team.TeamModel}: the shared networks (encode, encode message, obsPred, one imagined
 *     step) and the fused imagined-message rollout that scores a {@link dev.mawm.planner.team.RolloutBatch};</li>
 * <li>{@link dev.mawm.planner.team.AgentPlanner}: one agent's planner — its own observation and message, what it was
 *     sent, and the rule that turns that into its rollout start (see its Javadoc for each mode);</li>
 * <li>{@link dev.mawm.planner.team.TeamPlanner}: several agents in lockstep, one model call per CEM iteration for
 *     all of them (batch G·N), each deciding exactly as it would alone;</li>
 * <li>{@link dev.mawm.planner.team.CommMode} ({@code none}, {@code first}, {@code every-k}, {@code every},
 *     {@code plan}) and {@link dev.mawm.planner.team.CommStats}: what is sent when, and its bits.</li>
 * </ul>
 *
 * <p>Hot path: planning a tick allocates nothing on the Java heap after construction when the model does not.
 * Instances are not thread-safe.
 */
package dev.mawm.planner.team;
