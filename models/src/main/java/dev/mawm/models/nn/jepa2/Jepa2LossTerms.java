package dev.mawm.models.nn.jepa2;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scalar terms of one jepa2 training step (backend scalars).
 *
 * @param total       everything, weighted (the optimized loss)
 * @param lejepa      {@code (1 − λ)·invariance + λ·sigreg}
 * @param invariance  LeJEPA invariance between image and message projections
 * @param sigreg      {@code 0.5·(sigreg(img) + sigreg(msg))}
 * @param vicreg      the predictor's VICReg total (weighted)
 * @param vicregInv   its invariance (prediction MSE)
 * @param vicregVar   its variance hinge
 * @param vicregCov   its covariance term
 * @param obsPred     MSE of obsPred(h) against detached z
 * @param msgPred     MSE of msgPred(z) against detached h
 * @param reward      weighted BCE of the reward head
 * @param done        BCE of the done head
 * @param shaping     MSE of the shaping head
 * @param rolloutHeads the reward, done and shaping losses of the heads on the predictor's open-loop latents
 *                    ({@code bce(reward) + doneWeight·bce(done) + shapingWeight·mse(shaping)}, unweighted by {@code rolloutHeads})
 * @param blockedMoves the blocked-move counterfactuals' losses ({@code shapingWeight·mse(shaping, 0) + rewardWeight·bce(reward, 0)
 *                    + mse(predict, z)}, unweighted by {@code blockedMoves}; 0 when the inputs carry no blocked mask)
 * @param moveLabels  every action's counterfactual labels ({@code shapingWeight·mse(shaping, progress) + rewardWeight·bce(reward,
 *                    arrival)} over all A actions, unweighted by {@code moveLabels}; 0 when the inputs carry none)
 * @param commPrediction the open loop's {@code mse(ẑ_k, stopGradient(z_k))} over the communication windows' real steps
 *                    (unweighted by {@code commPrediction}; 0 when the inputs carry no {@code commStart})
 * @param <T>         the backend's tensor type
 */
public record Jepa2LossTerms<T>(T total, T lejepa, T invariance, T sigreg, T vicreg, T vicregInv, T vicregVar, T vicregCov,
                                T obsPred, T msgPred, T reward, T done, T shaping, T rolloutHeads, T blockedMoves,
                                T moveLabels, T commPrediction) {

    /** @return every term by a short name, {@code total} first */
    public Map<String, T> byName() {
        Map<String, T> m = new LinkedHashMap<>();
        m.put("total", total);
        m.put("lejepa", lejepa);
        m.put("invariance", invariance);
        m.put("sigreg", sigreg);
        m.put("vicreg", vicreg);
        m.put("vicreg_inv", vicregInv);
        m.put("vicreg_var", vicregVar);
        m.put("vicreg_cov", vicregCov);
        m.put("obs_pred", obsPred);
        m.put("msg_pred", msgPred);
        m.put("reward", reward);
        m.put("done", done);
        m.put("shaping", shaping);
        m.put("rollout_heads", rolloutHeads);
        m.put("blocked_moves", blockedMoves);
        m.put("move_labels", moveLabels);
        m.put("comm_prediction", commPrediction);
        return m;
    }
}
