package dev.mawm.models.nn.jepa2;

/**
 * The tensors one jepa2 training step reads ({@code B} windows, {@code T} steps, 2 agents,
 * {@code S} image side, {@code M = V·V} message cells, {@code P} projection width, {@code K} SIGReg
 * directions). B and T must be static.
 *
 * @param image       {@code [B,T,2,3,S,S]} float in [0, 1]
 * @param pos         {@code [B,T,2,2]} float (x, y)
 * @param message     {@code [B,T,2,M]} int32: each agent's own message (the message encoder's input; M = V·V (+2))
 * @param predMessage {@code [B,T,2,V·V]} int32: the cells receiver i's predictor reads at step t (the other
 *                    agent's message, or "no information" when dropped); cells mode only, else null
 * @param keep        {@code [B,2]} float: 1 when receiver i gets the other's message latent in this window; vector mode
 * @param action      {@code [B,T,2]} int32
 * @param mask        {@code [B,T]} float, 1 for real steps
 * @param rewardLabel {@code [B,2,T−1]} float first-arrival labels of the transitions t → t+1
 * @param doneLabel   {@code [B,2,T−1]} float episode-end labels of the transitions t → t+1
 * @param shapingLabel {@code [B,2,T−1]} float: {@code d(s_t) − d(s_{t+1})}, the BFS steps toward the goal of t → t+1
 * @param imagined    {@code [B,2]} float: 1 when receiver i's open loop hears the other's real message only at the first
 *                    step and imagined ones after; vector mode
 * @param stepMask    {@code [B,2,T−1]} float, 1 when step t+1 is real
 * @param dirsImage   {@code [P,K]} SIGReg directions for the image projections (fresh every step)
 * @param dirsMessage {@code [P,K]} SIGReg directions for the message projections (fresh every step)
 * @param blocked     {@code [B,2,T−1,A]} float: 1 when action a at step t provably leaves the agent in place (stay, or a
 *                    move into the obstacle next to it in its own window) and step t+1 is real; null to skip that term
 * @param progress    {@code [B,2,T−1,A]} float: every action's BFS steps toward the goal from step t, taken or not (the
 *                    simulator's counterfactual shaping labels); null to skip that part of the move-label term
 * @param arrivals    {@code [B,2,T−1,A]} float: 1 when action a at step t would be the agent's first arrival; null (with
 *                    {@code progress} null) to skip the move-label term
 * @param commStart   {@code [B,2]} float: 1 when, at the window's first step, the goal is in the other agent's window and
 *                    not in this agent's own (the communication-window prediction term's windows); null to skip that term
 * @param <T>         the backend's tensor type
 */
public record Jepa2Inputs<T>(T image, T pos, T message, T predMessage, T keep, T action, T mask,
                             T rewardLabel, T doneLabel, T shapingLabel, T imagined, T stepMask, T dirsImage, T dirsMessage,
                             T blocked, T progress, T arrivals, T commStart) {
}
