package dev.mawm.planner.team;

/**
 * What the decentralized planner needs from a multi-agent world model (DESIGN §7 "Decentralized protocol with
 * imagined messages"): the shared networks of seed 003, one method each, plus the fused imagined-message rollout that
 * scores the candidates of several agents in one call.
 *
 * <p>Sizes: {@code L} = {@link #latentSize()}, {@code H} = {@link #horizon()}, {@code M} = {@link #messageLength()}.
 * An observation is an opaque float vector of {@link #observationSize()} (grid2: the view image, CHW, then the
 * agent's absolute x, y); a message is {@code M} ints (grid2: the sender's 7×7 window, then its x, y when the
 * bundle's message carries the position).
 *
 * <p>The model knows nothing of agents, ticks or communication modes: what each agent may know is decided by
 * {@link AgentPlanner}, which only ever passes a model its own agent's observation, the messages that agent
 * received and the actions it was told. The runtime implements this over a jepa2 bundle (ONNX Runtime); tests
 * implement it in pure Java. Implementations need not be thread-safe and must not allocate per call on the
 * planning hot path ({@link #score}).
 */
public interface TeamModel {

    /** @return floats per observation, ≥ 1 */
    int observationSize();

    /** @return ints per message M, ≥ 1 */
    int messageLength();

    /** @return L, the width of the observation latent z and the message latent h, ≥ 1 */
    int latentSize();

    /** @return A, actions are ints in {@code [0, A)} */
    int actionCount();

    /** @return H, the steps of every candidate {@link #score} rolls out */
    int horizon();

    /**
     * Identifies the networks this model runs. It changes only when the networks are replaced (a model swap between
     * ticks, e.g. the runtime's {@code SwappingTeamModel.refresh()}); latents computed under one generation are never
     * used under another: {@link AgentPlanner} re-derives what it holds from the raw messages and actions it kept.
     *
     * @return the current generation (a model that never changes returns 0, the default)
     */
    default long generation() {
        return 0L;
    }

    /**
     * z = enc(observation).
     *
     * @param observation {@code [observationSize]}, finite
     * @param zOut        written: {@code [L]}
     */
    void encode(float[] observation, float[] zOut);

    /**
     * h = msgEnc(message).
     *
     * @param message {@code [M]}, valid for the model (checked: a clear error names the cell at fault)
     * @param hOut    written: {@code [L]}
     */
    void encodeMessage(int[] message, float[] hOut);

    /**
     * z = obsPred(h): the latent of the sender's observation, imagined from its message latent.
     *
     * @param h    {@code [L]}
     * @param zOut written: {@code [L]}
     */
    void obsPred(float[] h, float[] zOut);

    /**
     * One imagined step of an agent whose actions are known: {@code z' = predict(z, action, heard)},
     * {@code h' = msgPred(z')}.
     *
     * @param z      the agent's latent {@code [L]}
     * @param action the action it took, in {@code [0, A)}
     * @param heard  the message latent the predictor conditions on (the other agent's) {@code [L]}
     * @param zOut   written: z' {@code [L]}
     * @param hOut   written: h' = msgPred(z') {@code [L]}
     */
    void imagineStep(float[] z, int action, float[] heard, float[] zOut, float[] hOut);

    /**
     * Scores the candidates of {@code batch.agents()} planners in one call (one ONNX Runtime call for the runtime):
     * for agent g and each of its {@code batch.samples()} candidates, the predicted discounted return of the
     * imagined-message rollout of {@link RolloutBatch}'s Javadoc. Rows of different agents never mix.
     *
     * @param batch the inputs, filled by the agents' planners; {@link RolloutBatch#returns()} is written
     */
    void score(RolloutBatch batch);
}
