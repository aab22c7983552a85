package dev.mawm.export.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mawm.export.Jepa2Nets;
import dev.mawm.export.TestNets;
import dev.mawm.export.graphs.ComponentGraph;
import dev.mawm.export.graphs.Jepa2Graphs;
import dev.mawm.export.graphs.MlpGraphs;
import dev.mawm.models.Names;
import dev.mawm.models.checkpoint.Normalization;
import dev.mawm.models.config.Jepa2Config;
import dev.mawm.models.nn.jepa2.Jepa2Model;
import dev.mawm.models.nn.jepa2.Jepa2Names;
import dev.mawm.models.nn.mlp.MlpEnsemble;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * What the golden files of a freshly exported bundle exercise: every action.
 */
class GoldenCoverageTest {
    @Test
    void everyActionInputOfTheGoldenBatchTakesEveryAction() {
        MlpEnsemble mlp = TestNets.mlp(1);
        GoldenInputs mlpInputs = new GoldenInputs(8, TestNets.A, 0.9f, TestNets.normalization(TestNets.S).get(Normalization.OBS));
        assertEveryAction(new MlpGraphs(mlp, 3).components(), mlpInputs, TestNets.A);
        Jepa2Model jepa2 = Jepa2Nets.model(Jepa2Nets.small(Jepa2Config.MESSAGE_VECTOR));
        assertEveryAction(new Jepa2Graphs(jepa2, 3).components(), new Jepa2GoldenInputs(8, 5, 0.9f, Jepa2Nets.DIMS), 5);
    }

    /** Every action input (action, actions, other_actions) of every component, for 20 golden seeds, holds every action. */
    private static void assertEveryAction(List<ComponentGraph> graphs, GoldenInputSource inputs, int actions) {
        Set<Integer> all = new TreeSet<>();
        for (int a = 0; a < actions; a++) {
            all.add(a);
        }
        for (ComponentGraph c : graphs) {
            for (long seed = 0; seed < 20; seed++) {
                List<ArrayTensor> generated = inputs.generate(c, Map.of(), seed);
                for (int i = 0; i < c.inputs().size(); i++) {
                    String name = c.inputs().get(i).name();
                    if (name.equals(Names.ACTION) || name.equals(Names.ACTIONS) || name.equals(Jepa2Names.OTHER_ACTIONS)) {
                        Set<Integer> seen = new TreeSet<>();
                        for (int a : generated.get(i).ints()) {
                            seen.add(a);
                        }
                        assertEquals(all, seen, c.name() + "." + name + " seed " + seed);
                    }
                }
            }
        }
    }
}
