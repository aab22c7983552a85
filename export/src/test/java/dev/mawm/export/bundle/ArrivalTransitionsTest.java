package dev.mawm.export.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.envs.grid2.Grid2Actions;
import dev.mawm.envs.grid2.Grid2Palette;
import dev.mawm.envs.grid2.ObjectTypes;
import dev.mawm.export.Jepa2Nets;
import dev.mawm.export.graphs.ComponentGraph;
import dev.mawm.export.graphs.Jepa2Graphs;
import dev.mawm.models.Names;
import dev.mawm.models.config.Grid2Config;
import dev.mawm.models.config.Jepa2Config;
import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.nn.jepa2.Jepa2Names;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The golden transitions chosen for a trained arrival head: a perfect detector stands in for it. */
class ArrivalTransitionsTest {
    private static final Grid2Config GRID = new Grid2Config(11, 11, 0.15, 0, 40, 7, 4, 0.1, true);

    @Test
    void aTrainedArrivalHeadGetsArrivalsOnOneSideAndEveryActionOnTheOther() {
        List<ComponentGraph> graphs = new Jepa2Graphs(Jepa2Nets.model(Jepa2Nets.small(Jepa2Config.MESSAGE_VECTOR)), 2).components();
        Map<String, ArrayTensor> rows = ArrivalTransitions.select(graphs, Map.of(), new Detector(), GRID, 8, 0);
        int[] actions = rows.get(Names.ACTION).ints();
        float[] arrival = new Detector().run(graphs.get(0), Map.of(), List.of(rows.get(Jepa2Names.IMAGE))).get(0).floats();
        Set<Integer> all = new TreeSet<>();
        for (int r = 0; r < 8; r++) {
            boolean arrives = actions[r] != Grid2Actions.STAY && arrival[r * Grid2Actions.COUNT + actions[r]] == 1f;
            assertEquals(r >= 4, arrives, "rows 0-3 are no arrival, rows 4-7 move onto the goal: row " + r);
            all.add(actions[r]);
        }
        assertEquals(Set.of(0, 1, 2, 3, 4), all, "the golden rows take every action");
        assertEquals(List.of(8L, 51L), List.of(rows.get(Jepa2Names.MESSAGE).shape()[0], rows.get(Jepa2Names.MESSAGE).shape()[1]));
        float[] pos = rows.get(Jepa2Names.POS).floats();
        for (float c : pos) {
            assertTrue(c >= 1 && c <= 9, "positions are inner cells of the 11x11 map: " + c);
        }
    }

    /**
     * A stand-in for a trained model: its encoder marks, per move, whether the cell next to the view's center in that
     * direction shows the goal; its reward head is 1 exactly when the action moves there.
     */
    private static final class Detector implements GoldenReference {
        @Override
        public String description() {
            return "arrival detector (test)";
        }

        @Override
        public List<ArrayTensor> run(ComponentGraph c, Map<String, FloatTensor> weights, List<ArrayTensor> in) {
            if (c.name().equals(Names.ENCODER)) {
                ArrayTensor image = in.get(0);
                int n = (int) image.shape()[0];
                int side = (int) image.shape()[2];
                int px = side / GRID.viewSize();
                int center = GRID.viewSize() / 2;
                float[] z = new float[n * Grid2Actions.COUNT];
                for (int r = 0; r < n; r++) {
                    for (int a = 1; a < Grid2Actions.COUNT; a++) {
                        int y = (center + Grid2Actions.dy(a)) * px;
                        int x = (center + Grid2Actions.dx(a)) * px;
                        float green = image.floats()[((r * 3 + 1) * side + y) * side + x];
                        z[r * Grid2Actions.COUNT + a] = green == Grid2Palette.channel(ObjectTypes.GOAL, 1) / 255f ? 1f : 0f;
                    }
                }
                return List.of(ArrayTensor.ofFloats(z, n, Grid2Actions.COUNT));
            }
            float[] z = in.get(0).floats();
            int[] a = in.get(1).ints();
            float[] p = new float[a.length];
            for (int r = 0; r < a.length; r++) {
                p[r] = z[r * Grid2Actions.COUNT + a[r]];
            }
            return List.of(ArrayTensor.ofFloats(p, a.length));
        }
    }
}
