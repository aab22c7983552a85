package dev.mawm.export.family;

import dev.mawm.export.bundle.ArrayTensor;
import dev.mawm.export.bundle.ExportOptions;
import dev.mawm.export.bundle.GoldenInputSource;
import dev.mawm.export.bundle.GoldenReference;
import dev.mawm.export.graphs.ComponentGraph;
import dev.mawm.models.bundle.MessageFormat;
import dev.mawm.models.checkpoint.Checkpoint;
import dev.mawm.models.nn.WorldModelNetwork;
import java.util.List;
import java.util.Map;

/**
 * What the {@code export} layer knows of one model family (DESIGN §2 "A family is registered once"): its graphs,
 * the dims and metadata its bundle declares, and its golden inputs. One instance per family, listed once in
 * {@link ExportFamilies} under the name of its {@link dev.mawm.models.family.ModelFamily}. Every method receives a
 * network of this family ({@link dev.mawm.models.nn.Networks#create}).
 */
public interface ExportFamily {
    /** @return the family name, e.g. {@code mlp} */
    String name();

    /**
     * @param net     the network
     * @param horizon H of the fused rollout, ≥ 1
     * @return its components in {@link dev.mawm.models.family.ModelFamily#components} order
     */
    List<ComponentGraph> graphs(WorldModelNetwork net, int horizon);

    /**
     * @param net the network
     * @return the width the bundle reports as {@code dims.latentSize}
     */
    int latentSize(WorldModelNetwork net);

    /**
     * @param net the network
     * @return the number of ensemble members, {@code dims.ensembleSize} (1 by default)
     */
    default int ensembleSize(WorldModelNetwork net) {
        return 1;
    }

    /**
     * @param net the network
     * @return the family-specific {@code dims.extra} (empty by default)
     */
    default Map<String, Integer> extraDims(WorldModelNetwork net) {
        return Map.of();
    }

    /**
     * @param net the network
     * @return the bundle's {@code messageFormat}, or {@code null} for a family without messages (the default)
     */
    default MessageFormat messageFormat(WorldModelNetwork net) {
        return null;
    }

    /**
     * @param net the network
     * @return ONNX {@code metadata_props} every graph of the bundle carries besides the common ones (none by default)
     */
    default Map<String, String> metadata(WorldModelNetwork net) {
        return Map.of();
    }

    /**
     * @param net     the network
     * @param checkpoint the checkpoint (spec and normalization)
     * @param options golden batch, seed and the planning defaults' discount
     * @return the seeded generator of every component's golden inputs
     */
    GoldenInputSource goldenInputs(WorldModelNetwork net, Checkpoint checkpoint, ExportOptions options);

    /**
     * Golden inputs chosen before any component is exported (e.g. states on both sides of a decision), by tensor
     * name; the golden generator reuses them where they fit.
     *
     * @param graphs     the bundle's graphs
     * @param checkpoint the trained weights
     * @param reference  computes heads (TensorFlow in production)
     * @param options    golden batch and seed
     * @return tensors by input name (empty by default)
     */
    default Map<String, ArrayTensor> presetGoldenInputs(List<ComponentGraph> graphs, Checkpoint checkpoint, GoldenReference reference,
            ExportOptions options) {
        return Map.of();
    }
}
