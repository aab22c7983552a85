package dev.mawm.models.nn.gru;

/**
 * The stable names that only family {@code gru} uses: its step component and its hidden-state tensors (the names it
 * shares with {@code mlp} — {@code state}, {@code action}, {@code state_pred}, {@code reward} and the state rollout's —
 * live in {@link dev.mawm.models.Names}). Which component takes which tensors: {@link GruFamily}.
 */
public final class GruNames {
    /** Component: one recurrent step. */
    public static final String GRU_STEP = "gru_step";
    /** GRU hidden state {@code [N,Hd]}. */
    public static final String HIDDEN = "hidden";
    /** Next GRU hidden state {@code [N,Hd]}. */
    public static final String NEXT_HIDDEN = "next_hidden";
    /** The GRU's hidden state at the start of an episode: all zeros. */
    public static final float INITIAL_HIDDEN = 0f;

    private GruNames() {
    }
}
