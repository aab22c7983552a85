package dev.mawm.runtime.engine;

import dev.mawm.models.Names;
import dev.mawm.models.nn.jepa2.Jepa2Names;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.Call;
import dev.mawm.runtime.Component;
import dev.mawm.runtime.Inputs;

/**
 * The {@code jepa2} fused rollout {@code rollout_h{H}}: DESIGN §7's imagined-message rollout of agent i's N
 * candidate sequences in one ONNX Runtime call (semantics in {@code docs/bundle-format.md}). Returns are
 * {@code Σ_{k<H} γ^k · alive_k · reward(zⁱ_k, aⁱ_k)} with {@code alive_{k+1} = alive_k · (1 − done(zⁱ_k, aⁱ_k))}.
 *
 * <ul>
 *   <li>Vector mode ({@link #rollout}): the candidates of several planning agents in one call; zⁱ and zʲ advance
 *       together; agent i's predictor hears j's message, given where the mask says so and {@code msg_pred} of the
 *       imagined zʲ elsewhere; j's predictor hears i's own message then i's imagined ones; j follows
 *       {@code otherActions}; the step score adds the shaping head to the arrival head.</li>
 *   <li>Cells mode ({@link #rolloutCells}): agent i's predictor reads j's real message cells at k = 0 and
 *       "no information" after (imagined messages are latents, which a cells predictor cannot read).</li>
 * </ul>
 * Thread-safe; every call borrows a pooled {@link Call}.
 */
public final class Jepa2RolloutRunner {
    /** Vector mode: the leading inputs with one row per planning agent (z_self … other_actions). */
    static final int CONTEXT_INPUTS = 6;
    private final Component component;
    private final Jepa2Shape shape;

    /**
     * @param bundle a loaded jepa2 bundle with a fused rollout ({@code dims.horizon ≥ 1})
     * @throws IllegalArgumentException for another family or a bundle without a fused rollout
     */
    public Jepa2RolloutRunner(Bundle bundle) {
        Families.require(bundle, Jepa2Names.FAMILY);
        this.shape = Jepa2Shape.of(bundle.manifest());
        if (shape.horizon() < 1) {
            throw new IllegalArgumentException("bundle " + bundle.directory() + " has no fused rollout (dims.horizon 0)");
        }
        this.component = bundle.component(Names.rollout(shape.horizon()));
    }

    /** @return the bundle's sizes and message mode */
    public Jepa2Shape shape() {
        return shape;
    }

    /** @return H, the steps of every action sequence */
    public int horizon() {
        return shape.horizon();
    }

    /** @return the rollout component (inputs in {@link dev.mawm.models.nn.jepa2.Jepa2Family#inputNames(String, boolean)} order) */
    public Component component() {
        return component;
    }

    /**
     * Vector mode: the candidates of g planning agents in one call (semantics in
     * {@link dev.mawm.planner.team.RolloutBatch}), into caller-owned arrays (no per-call arrays).
     *
     * @param zSelf          zⁱ₀ per agent {@code [g,L]}
     * @param zOther         zʲ₀ per agent {@code [g,L]}
     * @param hSelf0         hⁱ₀ per agent {@code [g,L]}
     * @param msgOther       j's real message latents per agent and step {@code [g,H,L]}
     * @param msgMask        1 where {@code msgOther} is used, 0 where the message is imagined {@code [g,H]}
     * @param otherActions   agent j's actions over the horizon per agent {@code [g,H]} in [0, A)
     * @param g              planning agents (context rows), ≥ 1
     * @param agent          context row of each candidate {@code [n]} in [0, g)
     * @param actions        candidates {@code [n,H]} in [0, A)
     * @param n              candidate rows, ≥ 1
     * @param discount       γ in (0, 1]
     * @param returnsOut     written: {@code [n]}
     * @param finalLatentOut written: zⁱ_H {@code [n,L]}, or {@code null} to skip
     * @throws IllegalStateException in cells mode
     */
    public void rollout(float[] zSelf, float[] zOther, float[] hSelf0, float[] msgOther, float[] msgMask, int[] otherActions, int g,
                        int[] agent, int[] actions, int n, float discount, float[] returnsOut, float[] finalLatentOut) {
        requireMode(false);
        int l = shape.latentSize();
        int h = shape.horizon();
        Families.batch(g);
        common(actions, n, discount, returnsOut, finalLatentOut);
        latents("zSelf", zSelf, g);
        latents("zOther", zOther, g);
        latents("hSelf0", hSelf0, g);
        Inputs.requireLength("msgOther", msgOther.length, (long) g * h * l);
        Inputs.requireFinite("msgOther", msgOther, g * h * l);
        Inputs.requireLength("msgMask", msgMask.length, (long) g * h);
        for (int i = 0; i < g * h; i++) {
            if (msgMask[i] != 0f && msgMask[i] != 1f) {
                throw new IllegalArgumentException("msgMask: element " + i + " is " + msgMask[i] + "; expected 0 (imagined) or 1 (given)");
            }
        }
        Inputs.requireLength("otherActions", otherActions.length, (long) g * h);
        Inputs.requireActions("otherActions", otherActions, g * h, shape.actionCount());
        Inputs.requireLength("agent", agent.length, n);
        Inputs.requireActions("agent", agent, n, g);
        try (Call c = component.acquire(n, CONTEXT_INPUTS, g)) {
            c.floats(0).put(zSelf, 0, g * l);
            c.floats(1).put(zOther, 0, g * l);
            c.floats(2).put(hSelf0, 0, g * l);
            c.floats(3).put(msgOther, 0, g * h * l);
            c.floats(4).put(msgMask, 0, g * h);
            c.ints(5).put(otherActions, 0, g * h);
            c.ints(6).put(agent, 0, n);
            c.ints(7).put(actions, 0, n * h);
            c.floats(8).put(0, discount);
            c.run();
            read(c, n, returnsOut, finalLatentOut);
        }
    }

    /**
     * Cells mode: N rollouts of agent i that read j's real first message at step 0 and no information after.
     *
     * @param zSelf          zⁱ₀ {@code [n,L]}
     * @param messageOther   j's first message {@code [n,M]} in [0, K)
     * @param actions        agent i's candidates {@code [n,H]} in [0, A)
     * @param n              number of rollouts, ≥ 1
     * @param discount       γ in (0, 1]
     * @param returnsOut     written: {@code [n]}
     * @param finalLatentOut written: zⁱ_H {@code [n,L]}, or {@code null} to skip
     * @throws IllegalStateException in vector mode
     */
    public void rolloutCells(float[] zSelf, int[] messageOther, int[] actions, int n, float discount, float[] returnsOut,
                             float[] finalLatentOut) {
        requireMode(true);
        int m = shape.windowCells();
        common(actions, n, discount, returnsOut, finalLatentOut);
        latents("zSelf", zSelf, n);
        Inputs.requireLength("messageOther", messageOther.length, (long) n * m);
        Jepa2Checks.messages("messageOther", messageOther, n * m, shape.messageSymbols());
        try (Call c = component.acquire(n)) {
            c.floats(0).put(zSelf, 0, n * shape.latentSize());
            c.ints(1).put(messageOther, 0, n * m);
            c.ints(2).put(actions, 0, n * shape.horizon());
            c.floats(3).put(0, discount);
            c.run();
            read(c, n, returnsOut, finalLatentOut);
        }
    }

    private void common(int[] actions, int n, float discount, float[] returnsOut, float[] finalLatentOut) {
        Families.batch(n);
        if (!(discount > 0f && discount <= 1f)) {
            throw new IllegalArgumentException("discount must be in (0, 1], got " + discount);
        }
        Inputs.requireLength("actions", actions.length, (long) n * shape.horizon());
        Inputs.requireActions("actions", actions, n * shape.horizon(), shape.actionCount());
        Inputs.requireLength("returnsOut", returnsOut.length, n);
        if (finalLatentOut != null) {
            Inputs.requireLength("finalLatentOut", finalLatentOut.length, (long) n * shape.latentSize());
        }
    }

    private void latents(String what, float[] v, int n) {
        Inputs.requireLength(what, v.length, (long) n * shape.latentSize());
        Inputs.requireFinite(what, v, n * shape.latentSize());
    }

    private void read(Call c, int n, float[] returnsOut, float[] finalLatentOut) {
        c.outputFloats(0).get(returnsOut, 0, n);
        if (finalLatentOut != null) {
            c.outputFloats(1).get(finalLatentOut, 0, n * shape.latentSize());
        }
    }

    private void requireMode(boolean cells) {
        if (shape.cellTokens() != cells) {
            throw new IllegalStateException("this bundle's rollout is in " + (shape.cellTokens() ? "cells" : "vector")
                    + " mode (dims.extra.cellTokens " + (shape.cellTokens() ? 1 : 0) + "); call "
                    + (shape.cellTokens() ? "rolloutCells" : "rollout"));
        }
    }
}
