package dev.mawm.export.family;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mawm.export.bundle.ArrayTensor;
import dev.mawm.export.bundle.ArrivalTransitions;
import dev.mawm.export.bundle.ExportOptions;
import dev.mawm.export.bundle.GoldenInputSource;
import dev.mawm.export.bundle.GoldenReference;
import dev.mawm.export.bundle.Jepa2GoldenInputs;
import dev.mawm.export.graphs.ComponentGraph;
import dev.mawm.export.graphs.Jepa2Graphs;
import dev.mawm.models.bundle.BundleException;
import dev.mawm.models.bundle.BundleRule;
import dev.mawm.models.bundle.MessageFormat;
import dev.mawm.models.checkpoint.Checkpoint;
import dev.mawm.models.config.Grid2Config;
import dev.mawm.models.nn.WorldModelNetwork;
import dev.mawm.models.nn.jepa2.Jepa2Dims;
import dev.mawm.models.nn.jepa2.Jepa2Model;
import dev.mawm.models.nn.jepa2.Jepa2Names;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Family {@code jepa2} in the {@code export} layer: {@link Jepa2Graphs}, its {@code dims.extra}
 * ({@link Jepa2Graphs#extraDims}) and {@code messageFormat}, golden inputs from {@link Jepa2GoldenInputs} with grid2
 * transitions on both sides of the arrival head's decision ({@link ArrivalTransitions}).
 */
public final class Jepa2Export implements ExportFamily {
    private static final ObjectMapper JSON = new ObjectMapper();
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

    /**
     * @return {@code image}, {@code pos}, {@code action} and {@code message}: B grid2 transitions on both sides of the
     *     arrival head's decision ({@link ArrivalTransitions}), on maps of the gridworld the checkpoint records
     */
    @Override
    public Map<String, ArrayTensor> presetGoldenInputs(List<ComponentGraph> graphs, Checkpoint checkpoint, GoldenReference reference,
            ExportOptions options) {
        Jepa2Dims dims = Jepa2Model.fromSpec(checkpoint.spec()).dims();
        return ArrivalTransitions.select(graphs, checkpoint.tensors(), reference, grid(checkpoint.spec().config(), dims),
                options.goldenBatch(), options.goldenSeed());
    }

    /**
     * @param config the run's config as the checkpoint records it (its {@code grid2} section: the gridworld the data
     *               was collected on, when present)
     * @param dims   the model's dimensions
     * @return the recorded wall density, items and step limit (the defaults' where the section is absent, as in
     *     checkpoints older than that record) on the model's grid, view, pixels, shaping scale and message layout
     * @throws BundleException when the section is present but not a valid grid2 config
     */
    public static Grid2Config grid(JsonNode config, Jepa2Dims dims) {
        Grid2Config recorded = Grid2Config.defaults();
        JsonNode g = config == null ? null : config.path("grid2");
        if (g != null && g.isObject()) {
            try {
                recorded = JSON.treeToValue(g, Grid2Config.class);
            } catch (IOException | IllegalArgumentException e) {
                throw new BundleException(BundleRule.OTHER, "the checkpoint's config.grid2 section (the gridworld its data "
                        + "was collected on) is not a valid grid2 config: " + e.getMessage(), e);
            }
        }
        return new Grid2Config(dims.width(), dims.height(), recorded.wallDensity(), recorded.items(), recorded.stepLimit(),
                dims.viewSize(), dims.pixelsPerCell(), dims.shapingScale(), dims.messagePosition());
    }

    @Override
    public GoldenInputSource goldenInputs(WorldModelNetwork net, Checkpoint checkpoint, ExportOptions options) {
        return new Jepa2GoldenInputs(options.goldenBatch(), checkpoint.spec().actionCount(), (float) options.planningDefaults().discount(),
                ((Jepa2Model) net).dims());
    }
}
