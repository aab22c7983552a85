package dev.mawm.export.family;

import dev.mawm.export.bundle.ExportOptions;
import dev.mawm.export.bundle.GoldenInputSource;
import dev.mawm.export.bundle.Jepa2GoldenInputs;
import dev.mawm.export.graphs.ComponentGraph;
import dev.mawm.export.graphs.Jepa2Graphs;
import dev.mawm.models.bundle.MessageFormat;
import dev.mawm.models.checkpoint.Checkpoint;
import dev.mawm.models.nn.WorldModelNetwork;
import dev.mawm.models.nn.jepa2.Jepa2Model;
import dev.mawm.models.nn.jepa2.Jepa2Names;
import java.util.List;
import java.util.Map;

/**
 * Family {@code jepa2} in the {@code export} layer: {@link Jepa2Graphs}, its {@code dims.extra}
 * ({@link Jepa2Graphs#extraDims}) and {@code messageFormat}, golden inputs from {@link Jepa2GoldenInputs}.
 */
public final class Jepa2Export implements ExportFamily {
    /** The one instance, registered in {@link ExportFamilies}. */
    public static final Jepa2Export INSTANCE = new Jepa2Export();

    private Jepa2Export() {
    }

    @Override
    public String name() {
        return Jepa2Names.FAMILY;
    }

    @Override
    public List<ComponentGraph> graphs(WorldModelNetwork net, int horizon) {
        return new Jepa2Graphs((Jepa2Model) net, horizon).components();
    }

    @Override
    public int latentSize(WorldModelNetwork net) {
        return ((Jepa2Model) net).config().latent();
    }

    @Override
    public Map<String, Integer> extraDims(WorldModelNetwork net) {
        return Jepa2Graphs.extraDims((Jepa2Model) net);
    }

    @Override
    public MessageFormat messageFormat(WorldModelNetwork net) {
        return Jepa2Graphs.messageFormat((Jepa2Model) net);
    }

    @Override
    public GoldenInputSource goldenInputs(WorldModelNetwork net, Checkpoint checkpoint, ExportOptions options) {
        return new Jepa2GoldenInputs(options.goldenBatch(), checkpoint.spec().actionCount(), (float) options.planningDefaults().discount(),
                ((Jepa2Model) net).dims());
    }
}
