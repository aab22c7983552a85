package dev.mawm.models.nn.iris;

/**
 * One training step's inputs: B windows of T transitions (T + 1 frames) of one agent, with the other agent's message.
 *
 * @param cells   int32 {@code [B,T+1,V·V]} the agent's window at frames 0..T
 * @param pos     int32 {@code [B,T+1,2]} its (x, y) at frames 0..T
 * @param actions int32 {@code [B,T]} its action at frames 0..T−1
 * @param steps   int32 {@code [B,T]} the blocks' step indices in {@code [1, maxSteps]}
 * @param message int32 {@code [B,M]} the other agent's message (no-information tokens where dropped)
 * @param reward  float {@code [B,T]} the agent's env reward of each transition
 * @param done    float {@code [B,T]} 1 where the transition ends the episode in a terminal state
 * @param mask    float {@code [B,T]} 1 where the transition exists (0 past an episode's end)
 * @param <T>     the backend's tensor type
 */
public record IrisInputs<T>(T cells, T pos, T actions, T steps, T message, T reward, T done, T mask) {
}
