package dev.mawm.export.graphs;

import dev.mawm.models.nn.WorldModelNetwork;
import dev.mawm.models.nn.gru.GruWorldModel;
import dev.mawm.models.nn.mlp.MlpEnsemble;
import java.util.List;

/** The exported components of any supported family. */
public final class ComponentGraphs {
    private ComponentGraphs() {
    }

    /**
     * @param net a network rebuilt from a checkpoint ({@link dev.mawm.models.nn.Networks#create})
     * @param horizon H of the fused rollout, ≥ 1
     * @return its components in {@link dev.mawm.models.Names#components} order
     * @throws IllegalArgumentException for a family the exporter does not support
     */
    public static List<ComponentGraph> of(WorldModelNetwork net, int horizon) {
        if (net instanceof MlpEnsemble mlp) {
            return new MlpGraphs(mlp, horizon).components();
        }
        if (net instanceof GruWorldModel gru) {
            return new GruGraphs(gru, horizon).components();
        }
        throw new IllegalArgumentException("family '" + net.family() + "' cannot be exported yet; supported: mlp, gru");
    }

    /**
     * @param net a network
     * @return the width the bundle reports as {@code dims.latentSize}: L = S + latent for mlp, the hidden width for gru
     */
    public static int latentSize(WorldModelNetwork net) {
        if (net instanceof MlpEnsemble mlp) {
            return mlp.member(0).latentWidth();
        }
        if (net instanceof GruWorldModel gru) {
            return gru.hiddenWidth();
        }
        throw new IllegalArgumentException("family '" + net.family() + "' cannot be exported yet; supported: mlp, gru");
    }

    /**
     * @param net a network
     * @return the number of ensemble members (1 without an ensemble)
     */
    public static int ensembleSize(WorldModelNetwork net) {
        return net instanceof MlpEnsemble mlp ? mlp.size() : 1;
    }
}
