package dev.mawm.cli.eval.grid2;

import dev.mawm.models.config.Grid2Config;
import dev.mawm.models.nn.iris.IrisNames;
import dev.mawm.models.nn.jepa2.Jepa2Names;
import dev.mawm.planner.team.TeamModel;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.engine.IrisTeamModel;
import dev.mawm.runtime.engine.Jepa2TeamModel;
import java.util.Map;
import java.util.TreeSet;

/**
 * The grid2 planner's {@link TeamModel} over a bundle, chosen by the bundle's family (one entry per family in
 * {@link #of}), with the observation format that model reads and whether its message encoder takes the unknown cell
 * (5) that lossy codecs send.
 *
 * @param model             the team model (owned by the bundle: close the bundle after its last use)
 * @param observation       how an agent's observation is built
 * @param readsUnknownCells whether messages may carry the unknown cell
 */
record Grid2TeamModel(TeamModel model, Grid2Observation observation, boolean readsUnknownCells) {
    private interface Factory {
        Grid2TeamModel open(Bundle bundle, double discount, Grid2Config grid);
    }

    private static final Map<String, Factory> FAMILIES = Map.of(
            Jepa2Names.FAMILY, (b, d, g) -> {
                Jepa2TeamModel m = new Jepa2TeamModel(b, d);
                return new Grid2TeamModel(m, Grid2Observation.IMAGE, m.engine().shape().messageUnknown());
            },
            IrisNames.FAMILY, (b, d, g) -> {
                requireGrid(b, g);
                return new Grid2TeamModel(new IrisTeamModel(b, d), Grid2Observation.TOKENS, true);
            });

    /**
     * @param bundle   a loaded bundle
     * @param discount γ of the planner's returns
     * @param grid     the evaluation's environment (an iris bundle's position tokens are this grid's cells)
     * @return its team model
     * @throws IllegalArgumentException for a family the grid2 planner has no team model for, or an iris bundle of
     *                                  another grid size or view
     */
    static Grid2TeamModel of(Bundle bundle, double discount, Grid2Config grid) {
        String family = bundle.manifest().family();
        Factory f = FAMILIES.get(family);
        if (f == null) {
            throw new IllegalArgumentException("bundle " + bundle.directory() + " is of family '" + family + "'; the grid2 planner "
                    + "(mawm eval --env grid2) needs a bundle of family " + String.join(" or ", new TreeSet<>(FAMILIES.keySet())));
        }
        return f.open(bundle, discount, grid);
    }

    private static void requireGrid(Bundle bundle, Grid2Config grid) {
        Map<String, Integer> x = bundle.manifest().dims().extra();
        int w = x.get(IrisNames.DIM_GRID_WIDTH);
        int h = x.get(IrisNames.DIM_GRID_HEIGHT);
        int v = x.get(IrisNames.DIM_VIEW_SIZE);
        if (w != grid.width() || h != grid.height() || v != grid.viewSize()) {
            throw new IllegalArgumentException("iris bundle " + bundle.directory() + " was trained on a " + w + "x" + h + " grid with a "
                    + v + "x" + v + " view (dims.extra), but grid2 is " + grid.width() + "x" + grid.height() + " with a " + grid.viewSize()
                    + "x" + grid.viewSize() + " view; evaluate with the config it was trained with (--config / --set grid2.*)");
        }
    }
}
