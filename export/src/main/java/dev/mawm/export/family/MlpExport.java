package dev.mawm.export.family;

import dev.mawm.export.bundle.ArrayTensor;
import dev.mawm.export.bundle.DecisionStates;
import dev.mawm.export.bundle.ExportOptions;
import dev.mawm.export.bundle.GoldenInputSource;
import dev.mawm.export.bundle.GoldenInputs;
import dev.mawm.export.bundle.GoldenReference;
import dev.mawm.export.graphs.ComponentGraph;
import dev.mawm.export.graphs.MlpGraphs;
import dev.mawm.models.Names;
import dev.mawm.models.checkpoint.Checkpoint;
import dev.mawm.models.checkpoint.Normalization;
import dev.mawm.models.nn.WorldModelNetwork;
import dev.mawm.models.nn.mlp.MlpEnsemble;
import dev.mawm.models.nn.mlp.MlpFamily;
import dev.mawm.models.nn.mlp.MlpNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Family {@code mlp} in the {@code export} layer: {@link MlpGraphs}; {@code dims.latentSize} L = S + latent
 * (member 0), {@code dims.ensembleSize} K, graph metadata {@value MlpNames#META_ENSEMBLE_SIZE}; golden states on both
 * sides of the done head's decision ({@link DecisionStates}).
 */
public final class MlpExport implements ExportFamily {
    /** The one instance, registered in {@link ExportFamilies}. */
    public static final MlpExport INSTANCE = new MlpExport();

    private MlpExport() {
    }

    @Override
    public String name() {
        return MlpFamily.NAME;
    }

    @Override
    public List<ComponentGraph> graphs(WorldModelNetwork net, int horizon) {
        return new MlpGraphs((MlpEnsemble) net, horizon).components();
    }

    @Override
    public int latentSize(WorldModelNetwork net) {
        return ((MlpEnsemble) net).member(0).latentWidth();
    }

    @Override
    public int ensembleSize(WorldModelNetwork net) {
        return ((MlpEnsemble) net).size();
    }

    @Override
    public Map<String, String> metadata(WorldModelNetwork net) {
        return Map.of(MlpNames.META_ENSEMBLE_SIZE, Integer.toString(ensembleSize(net)));
    }

    @Override
    public GoldenInputSource goldenInputs(WorldModelNetwork net, Checkpoint checkpoint, ExportOptions options) {
        return GoldenInputs.of(checkpoint, options);
    }

    /** @return {@code state} and {@code start_state}: B states on both sides of the done decision, when the bundle has an encoder and a done head */
    @Override
    public Map<String, ArrayTensor> presetGoldenInputs(List<ComponentGraph> graphs, Checkpoint checkpoint, GoldenReference reference,
            ExportOptions options) {
        Map<String, ArrayTensor> known = new LinkedHashMap<>();
        DecisionStates.select(graphs, checkpoint.tensors(), reference, checkpoint.spec().normalization().get(Normalization.OBS),
                options.goldenBatch(), options.goldenSeed()).ifPresent(states -> {
                    known.put(Names.STATE, states);
                    known.put(Names.START_STATE, states);
                });
        return known;
    }
}
