package dev.mawm.export.graphs;

import dev.mawm.export.family.ExportFamilies;
import dev.mawm.models.nn.jepa2.Jepa2Family;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.export.Jepa2Nets;
import dev.mawm.export.OrtRunner;
import dev.mawm.export.Tensors;
import dev.mawm.export.bundle.ArrayTensor;
import dev.mawm.export.bundle.Jepa2GoldenInputs;
import dev.mawm.export.onnx.ComponentExporter;
import dev.mawm.models.Names;
import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.models.config.Jepa2Config;
import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.nn.jepa2.Jepa2Model;
import dev.mawm.models.nn.jepa2.Jepa2Names;
import dev.mawm.models.ops.RefTensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The jepa2 components in ONNX Runtime against the reference backend (both message modes), and the fused
 * imagined-message rollout against the DESIGN §7 recurrence composed from single-step graphs.
 */
class Jepa2GraphsTest {
    private static final double TOL = 1e-5;
    private static final int N = 6;

    @Test
    void vectorModeComponentsMatchTheReferenceBackend() throws Exception {
        everyComponentMatches(Jepa2Config.MESSAGE_VECTOR, 51);
    }

    @Test
    void cellsModeComponentsMatchTheReferenceBackend() throws Exception {
        everyComponentMatches(Jepa2Config.MESSAGE_CELLS, 52);
    }

    private static void everyComponentMatches(String mode, long seed) throws Exception {
        Jepa2Model net = Jepa2Nets.model(Jepa2Nets.small(mode));
        boolean cells = net.config().cellTokens();
        Map<String, FloatTensor> w = Jepa2Nets.weights(net, seed);
        List<ComponentGraph> components = ExportFamilies.graphs(net, 5);
        assertEquals(Jepa2Family.INSTANCE.components(5), components.stream().map(ComponentGraph::name).toList());
        Jepa2GoldenInputs gen = new Jepa2GoldenInputs(N, 5, 0.9f, Jepa2Nets.DIMS);
        Map<String, ArrayTensor> known = new LinkedHashMap<>();
        for (int i = 0; i < components.size(); i++) {
            ComponentGraph c = components.get(i);
            assertEquals(Jepa2Family.INSTANCE.inputNames(c.name(), cells), c.inputs().stream().map(TensorSpec::name).toList());
            assertEquals(Jepa2Family.INSTANCE.outputNames(c.name()), c.outputs().stream().map(TensorSpec::name).toList());
            Map<String, RefTensor> feed = Tensors.feed(c, gen.generate(c, known, seed + i));
            List<RefTensor> expected = ReferenceChecks.ortMatchesReference(c, w, feed, TOL, mode + " ");
            for (int k = 0; k < expected.size(); k++) {
                known.putIfAbsent(c.outputs().get(k).name(), ArrayTensor.ofFloats(expected.get(k).data(), expected.get(k).shape()));
            }
        }
    }

    @Test
    void vectorRolloutEqualsTheImaginedMessageRecurrenceOfSingleSteps() throws Exception {
        int h = 4;
        Jepa2Model net = Jepa2Nets.model(Jepa2Nets.small(Jepa2Config.MESSAGE_VECTOR));
        Map<String, FloatTensor> w = Jepa2Nets.weights(net, 61);
        try (Graphs g = new Graphs(net, w, h)) {
            Map<String, RefTensor> in = rolloutInputs(g, net, h, 62);
            float gamma = in.get(Names.DISCOUNT).data()[0];
            int[] agent = in.get(Jepa2Names.AGENT).ints();
            int l = net.config().latent();
            RefTensor zi = gatherRows(in.get(Jepa2Names.Z_SELF), agent, l);
            RefTensor zj = gatherRows(in.get(Jepa2Names.Z_OTHER), agent, l);
            RefTensor hi = gatherRows(in.get(Jepa2Names.H_SELF0), agent, l);
            RefTensor msgOther = gatherRows(in.get(Jepa2Names.MSG_OTHER), agent, h * l);
            RefTensor mask = gatherRows(in.get(Jepa2Names.MSG_MASK), agent, h);
            RefTensor otherActions = gatherInts(in.get(Jepa2Names.OTHER_ACTIONS), agent, h);
            double scale = net.dims().shapingScale();
            double[] ret = new double[N];
            double[] alive = new double[N];
            Arrays.fill(alive, 1);
            for (int k = 0; k < h; k++) {
                RefTensor ai = column(in.get(Names.ACTIONS), h, k);
                RefTensor aj = column(otherActions, h, k);
                float[] imagined = g.run(Jepa2Names.MSG_PRED, Names.LATENT, zj).get(Jepa2Names.MSG_LATENT).data();
                float[] hjv = new float[N * l];
                for (int i = 0; i < N; i++) {
                    float m = mask.data()[i * h + k];
                    for (int d = 0; d < l; d++) {
                        hjv[i * l + d] = m * msgOther.data()[(i * h + k) * l + d] + (1 - m) * imagined[i * l + d];
                    }
                }
                RefTensor hj = RefTensor.of(hjv, N, l);
                float[] r = g.run(Names.REWARD, Names.LATENT, zi, Names.ACTION, ai).get(Names.REWARD_OUT).data();
                float[] sh = g.run(Jepa2Names.SHAPING, Names.LATENT, zi, Names.ACTION, ai, Jepa2Names.MSG_LATENT, hj)
                        .get(Jepa2Names.SHAPING_OUT).data();
                float[] p = g.run(Names.DONE, Names.LATENT, zi, Names.ACTION, ai).get(Names.DONE_PROB).data();
                for (int i = 0; i < N; i++) {
                    ret[i] += Math.pow(gamma, k) * alive[i] * (r[i] + scale * sh[i]);
                    alive[i] *= 1 - p[i];
                }
                RefTensor nextI = g.predict(zi, ai, Jepa2Names.MSG_LATENT, hj);
                if (k + 1 < h) {
                    zj = g.predict(zj, aj, Jepa2Names.MSG_LATENT, hi);
                    hi = g.run(Jepa2Names.MSG_PRED, Names.LATENT, nextI).get(Jepa2Names.MSG_LATENT);
                }
                zi = nextI;
            }
            Map<String, RefTensor> fused = g.ort.get(Names.rollout(h)).run(in);
            assertReturns(ret, fused.get(Names.RETURNS));
            assertTrue(Tensors.maxAbsDiff(fused.get(Jepa2Names.FINAL_LATENT), zi) <= TOL);

            // the other agent's actions reach agent i's returns through the imagined messages (from step 2 on)
            Map<String, RefTensor> other = new LinkedHashMap<>(in);
            other.put(Jepa2Names.OTHER_ACTIONS, shifted(in.get(Jepa2Names.OTHER_ACTIONS), 5));
            assertTrue(Tensors.maxAbsDiff(g.ort.get(Names.rollout(h)).run(other).get(Names.RETURNS), fused.get(Names.RETURNS)) > 1e-6,
                    "other_actions must influence the returns");
        }
    }

    @Test
    void cellsRolloutReadsTheRealMessageFirstThenNoInformation() throws Exception {
        int h = 3;
        Jepa2Model net = Jepa2Nets.model(Jepa2Nets.small(Jepa2Config.MESSAGE_CELLS));
        Map<String, FloatTensor> w = Jepa2Nets.weights(net, 71);
        try (Graphs g = new Graphs(net, w, h)) {
            Map<String, RefTensor> in = rolloutInputs(g, net, h, 72);
            float gamma = in.get(Names.DISCOUNT).data()[0];
            int[] none = new int[N * Jepa2Nets.DIMS.cells()];
            Arrays.fill(none, Jepa2Nets.DIMS.objectTypes());
            RefTensor message = in.get(Jepa2Names.MESSAGE_OTHER);
            RefTensor z = in.get(Jepa2Names.Z_SELF);
            double[] ret = new double[N];
            double[] alive = new double[N];
            Arrays.fill(alive, 1);
            for (int k = 0; k < h; k++) {
                RefTensor a = column(in.get(Names.ACTIONS), h, k);
                float[] r = g.run(Names.REWARD, Names.LATENT, z, Names.ACTION, a).get(Names.REWARD_OUT).data();
                float[] p = g.run(Names.DONE, Names.LATENT, z, Names.ACTION, a).get(Names.DONE_PROB).data();
                for (int i = 0; i < N; i++) {
                    ret[i] += Math.pow(gamma, k) * alive[i] * r[i];
                    alive[i] *= 1 - p[i];
                }
                z = g.predict(z, a, Jepa2Names.MESSAGE_OTHER, message);
                message = RefTensor.ofInts(none, N, Jepa2Nets.DIMS.cells());
            }
            Map<String, RefTensor> fused = g.ort.get(Names.rollout(h)).run(in);
            assertReturns(ret, fused.get(Names.RETURNS));
            assertTrue(Tensors.maxAbsDiff(fused.get(Jepa2Names.FINAL_LATENT), z) <= TOL);
        }
    }

    private static Map<String, RefTensor> rolloutInputs(Graphs g, Jepa2Model net, int h, long seed) {
        Jepa2GoldenInputs gen = new Jepa2GoldenInputs(N, 5, 0.9f, Jepa2Nets.DIMS);
        Map<String, ArrayTensor> known = new LinkedHashMap<>();
        List<ComponentGraph> cs = ExportFamilies.graphs(net, h);
        for (ComponentGraph c : List.of(cs.get(0), cs.get(1))) {  // encoder, msg_encoder: realistic latents
            List<ArrayTensor> in = gen.generate(c, known, seed++);
            RefTensor out = g.ortRun(c, in);
            known.put(c.outputs().get(0).name(), ArrayTensor.ofFloats(out.data(), out.shape()));
        }
        ComponentGraph rollout = cs.get(cs.size() - 1);
        List<ArrayTensor> in = gen.generate(rollout, known, seed);
        Map<String, RefTensor> feed = new LinkedHashMap<>();
        for (int k = 0; k < in.size(); k++) {
            feed.put(rollout.inputs().get(k).name(), new RefTensor(in.get(k).shape(), in.get(k).floats(), in.get(k).ints()));
        }
        return feed;
    }

    /** Row r of the result = row {@code rows[r]} of {@code table} ({@code width} floats per row). */
    private static RefTensor gatherRows(RefTensor table, int[] rows, int width) {
        float[] v = new float[rows.length * width];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(table.data(), rows[r] * width, v, r * width, width);
        }
        long[] shape = table.shape().clone();
        shape[0] = rows.length;
        return RefTensor.of(v, shape);
    }

    private static RefTensor gatherInts(RefTensor table, int[] rows, int width) {
        int[] v = new int[rows.length * width];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(table.ints(), rows[r] * width, v, r * width, width);
        }
        return RefTensor.ofInts(v, rows.length, width);
    }

    private static void assertReturns(double[] expected, RefTensor actual) {
        for (int i = 0; i < N; i++) {
            assertEquals(expected[i], actual.data()[i], TOL, "return of sequence " + i);
        }
    }

    private static RefTensor column(RefTensor seqs, int h, int k) {
        int[] a = new int[N];
        for (int i = 0; i < N; i++) {
            a[i] = seqs.ints()[i * h + k];
        }
        return RefTensor.ofInts(a, N);
    }

    private static RefTensor shifted(RefTensor actions, int count) {
        int[] a = actions.ints().clone();
        for (int i = 0; i < a.length; i++) {
            a[i] = (a[i] + 1) % count;
        }
        return RefTensor.ofInts(a, actions.shape());
    }

    /** Every component of one network as an ORT session. */
    private static final class Graphs implements AutoCloseable {
        final Map<String, OrtRunner> ort = new LinkedHashMap<>();

        Graphs(Jepa2Model net, Map<String, FloatTensor> w, int h) throws Exception {
            for (ComponentGraph c : ExportFamilies.graphs(net, h)) {
                ort.put(c.name(), new OrtRunner(ComponentExporter.export(c, w, Map.of()).toByteArray()));
            }
        }

        Map<String, RefTensor> run(String component, String n1, RefTensor v1, Object... more) throws Exception {
            Map<String, RefTensor> feed = new LinkedHashMap<>();
            feed.put(n1, v1);
            for (int i = 0; i < more.length; i += 2) {
                feed.put((String) more[i], (RefTensor) more[i + 1]);
            }
            return ort.get(component).run(feed);
        }

        RefTensor predict(RefTensor z, RefTensor a, String messageName, RefTensor message) throws Exception {
            return run(Jepa2Names.PREDICTOR, Names.LATENT, z, Names.ACTION, a, messageName, message).get(Names.NEXT_LATENT);
        }

        RefTensor ortRun(ComponentGraph c, List<ArrayTensor> in) {
            Map<String, RefTensor> feed = new LinkedHashMap<>();
            for (int k = 0; k < in.size(); k++) {
                feed.put(c.inputs().get(k).name(), new RefTensor(in.get(k).shape(), in.get(k).floats(), in.get(k).ints()));
            }
            try {
                return ort.get(c.name()).run(feed).get(c.outputs().get(0).name());
            } catch (ai.onnxruntime.OrtException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() throws Exception {
            for (OrtRunner r : ort.values()) {
                r.close();
            }
        }
    }
}
