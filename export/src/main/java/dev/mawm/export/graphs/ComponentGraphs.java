package dev.mawm.export.graphs;

import dev.mawm.models.bundle.MessageFormat;
import dev.mawm.models.nn.WorldModelNetwork;
import dev.mawm.models.nn.gru.GruWorldModel;
import dev.mawm.models.nn.jepa2.Jepa2Model;
import dev.mawm.models.nn.mlp.MlpEnsemble;
import java.util.List;
import java.util.Map;

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
        if (net instanceof Jepa2Model jepa2) {
            return new Jepa2Graphs(jepa2, horizon).components();
        }
        throw unsupported(net);
    }

    /**
     * @param net a network
     * @return the width the bundle reports as {@code dims.latentSize}: L = S + latent for mlp, the hidden width for gru,
     *     the latent width for jepa2
     */
    public static int latentSize(WorldModelNetwork net) {
        if (net instanceof MlpEnsemble mlp) {
            return mlp.member(0).latentWidth();
        }
        if (net instanceof GruWorldModel gru) {
            return gru.hiddenWidth();
        }
        if (net instanceof Jepa2Model jepa2) {
            return jepa2.config().latent();
        }
        throw unsupported(net);
    }

    /**
     * @param net a network
     * @return the family-specific {@code dims.extra} (empty for mlp and gru; jepa2: {@link Jepa2Graphs#extraDims})
     */
    public static Map<String, Integer> extraDims(WorldModelNetwork net) {
        return net instanceof Jepa2Model jepa2 ? Jepa2Graphs.extraDims(jepa2) : Map.of();
    }

    /**
     * @param net a network
     * @return the bundle's {@code messageFormat}: {@code null} for families without messages
     */
    public static MessageFormat messageFormat(WorldModelNetwork net) {
        return net instanceof Jepa2Model jepa2 ? Jepa2Graphs.messageFormat(jepa2) : null;
    }

    private static IllegalArgumentException unsupported(WorldModelNetwork net) {
        return new IllegalArgumentException("family '" + net.family() + "' cannot be exported yet; supported: mlp, gru, jepa2");
    }

    /**
     * @param net a network
     * @return the number of ensemble members (1 without an ensemble)
     */
    public static int ensembleSize(WorldModelNetwork net) {
        return net instanceof MlpEnsemble mlp ? mlp.size() : 1;
    }
}
