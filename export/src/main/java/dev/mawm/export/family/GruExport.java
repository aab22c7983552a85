package dev.mawm.export.family;

import dev.mawm.export.bundle.ExportOptions;
import dev.mawm.export.bundle.GoldenInputSource;
import dev.mawm.export.bundle.GoldenInputs;
import dev.mawm.export.graphs.ComponentGraph;
import dev.mawm.export.graphs.GruGraphs;
import dev.mawm.models.checkpoint.Checkpoint;
import dev.mawm.models.nn.WorldModelNetwork;
import dev.mawm.models.nn.gru.GruFamily;
import dev.mawm.models.nn.gru.GruWorldModel;
import java.util.List;

/** Family {@code gru} in the {@code export} layer: {@link GruGraphs}; {@code dims.latentSize} is the hidden width. */
public final class GruExport implements ExportFamily {
    /** The one instance, registered in {@link ExportFamilies}. */
    public static final GruExport INSTANCE = new GruExport();

    private GruExport() {
    }

    @Override
    public String name() {
        return GruFamily.NAME;
    }

    @Override
    public List<ComponentGraph> graphs(WorldModelNetwork net, int horizon) {
        return new GruGraphs((GruWorldModel) net, horizon).components();
    }

    @Override
    public int latentSize(WorldModelNetwork net) {
        return ((GruWorldModel) net).hiddenWidth();
    }

    @Override
    public GoldenInputSource goldenInputs(WorldModelNetwork net, Checkpoint checkpoint, ExportOptions options) {
        return GoldenInputs.of(checkpoint, options);
    }
}
