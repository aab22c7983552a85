package dev.mawm.models.nn.mlp;

/**
 * The stable names that only family {@code mlp} uses: its dynamics and decoder components and its ensemble metadata
 * key (the names it shares with other families — {@code encoder}, {@code reward}, {@code done}, the tensors and the
 * state rollout's — live in {@link dev.mawm.models.Names}). Which component takes which tensors: {@link MlpFamily}.
 */
public final class MlpNames {
    /** Component: (latent, action) → next latent. */
    public static final String DYNAMICS = "dynamics";
    /** Component: latent → state. */
    public static final String DECODER = "decoder";
    /** ONNX metadata key: the ensemble size K the graph was built with (= {@code dims.ensembleSize}). */
    public static final String META_ENSEMBLE_SIZE = "mawm.ensemble_size";

    private MlpNames() {
    }
}
