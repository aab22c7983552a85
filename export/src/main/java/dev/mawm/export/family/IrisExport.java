package dev.mawm.export.family;

import dev.mawm.export.bundle.ExportOptions;
import dev.mawm.export.bundle.GoldenInputSource;
import dev.mawm.export.bundle.IrisGoldenInputs;
import dev.mawm.export.graphs.ComponentGraph;
import dev.mawm.export.graphs.IrisGraphs;
import dev.mawm.models.bundle.MessageFormat;
import dev.mawm.models.checkpoint.Checkpoint;
import dev.mawm.models.nn.WorldModelNetwork;
import dev.mawm.models.nn.iris.IrisModel;
import dev.mawm.models.nn.iris.IrisNames;
import java.util.List;
import java.util.Map;

/**
 * Family {@code iris} in the {@code export} layer: {@link IrisGraphs} (the teacher-forced {@code transformer} and the
 * greedy fused rollout), its {@code dims.extra} ({@link IrisGraphs#extraDims}) and {@code messageFormat};
 * {@code dims.latentSize} is the frame's token count {@code V·V + 2} (the rollout's state is the frame itself); golden
 * inputs from {@link IrisGoldenInputs}.
 */
public final class IrisExport implements ExportFamily {
    /** The one instance, registered in {@link ExportFamilies}. */
    public static final IrisExport INSTANCE = new IrisExport();

    private IrisExport() {
    }

    @Override
    public String name() {
        return IrisNames.FAMILY;
    }

    @Override
    public List<ComponentGraph> graphs(WorldModelNetwork net, int horizon) {
        return new IrisGraphs((IrisModel) net, horizon).components();
    }

    @Override
    public int latentSize(WorldModelNetwork net) {
        return ((IrisModel) net).obsDim();
    }

    @Override
    public Map<String, Integer> extraDims(WorldModelNetwork net) {
        return IrisGraphs.extraDims((IrisModel) net);
    }

    @Override
    public MessageFormat messageFormat(WorldModelNetwork net) {
        return IrisGraphs.messageFormat((IrisModel) net);
    }

    @Override
    public GoldenInputSource goldenInputs(WorldModelNetwork net, Checkpoint checkpoint, ExportOptions options) {
        IrisModel m = (IrisModel) net;
        return new IrisGoldenInputs(options.goldenBatch(), (float) options.planningDefaults().discount(), m.dims(), m.config().maxSteps());
    }
}
