package dev.mawm.export.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.mawm.export.OrtRunner;
import dev.mawm.export.Tensors;
import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.ops.Ops;
import dev.mawm.models.ops.RefOps;
import dev.mawm.models.ops.RefTensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every op of {@link OnnxOps}, run in ONNX Runtime, against the pure-Java reference backend. */
class OnnxOpsTest {
    private static final double TOL = 1e-5;

    /** A forward pass written once against the op interface. */
    interface Program {
        <T> List<T> run(Ops<T> ops, List<T> in);
    }

    @Test
    void elementwiseOpsMatchReference() throws Exception {
        SplittableRandom rng = new SplittableRandom(1);
        RefTensor x = Tensors.uniform(rng, -2, 2, 6, 5);
        RefTensor y = Tensors.uniform(rng, 0.5, 2, 6, 5);
        compare(new Program() {
            @Override
            public <T> List<T> run(Ops<T> o, List<T> in) {
                T a = in.get(0);
                T b = in.get(1);
                T c = o.constant(new float[] {0.5f, -1f, 2f, 0f, 3f}, 5);
                return List.of(o.add(a, c), o.sub(a, b), o.mul(a, b), o.div(a, b), o.maximum(a, c), o.exp(a),
                        o.log(b), o.sqrt(b), o.cos(a), o.sin(a), o.relu(a), o.elu(a), o.tanh(a), o.sigmoid(a),
                        o.neg(a), o.square(a), o.stopGradient(a), o.mul(a, o.scalar(2.5f)));
            }
        }, Map.of(), List.of(x, y));
    }

    @Test
    void eluMatchesReferenceAtTheExtremes() throws Exception {
        // elu is emitted as relu(x) + (exp(min(x, 0)) - 1): exact x above 0, no overflow for large x, -1 far below 0
        RefTensor x = RefTensor.of(new float[] {0f, -0f, 1e-30f, -1e-30f, -4.5e-8f, 88f, 1e30f, -20f, -1e30f, 0.7f}, 2, 5);
        compare(new Program() {
            @Override
            public <T> List<T> run(Ops<T> o, List<T> in) {
                return List.of(o.elu(in.get(0)));
            }
        }, Map.of(), List.of(x));
    }

    @Test
    void denseAndLayerNormMatchReference() throws Exception {
        SplittableRandom rng = new SplittableRandom(2);
        Map<String, RefTensor> params = Map.of(
                "l.weight", Tensors.uniform(rng, -1, 1, 5, 7),
                "l.bias", Tensors.uniform(rng, -1, 1, 7),
                "ln.gamma", Tensors.uniform(rng, 0.5, 1.5, 7),
                "ln.beta", Tensors.uniform(rng, -1, 1, 7));
        compare(new Program() {
            @Override
            public <T> List<T> run(Ops<T> o, List<T> in) {
                T h = o.dense(in.get(0), o.param("l.weight"), o.param("l.bias"));
                T again = o.dense(in.get(0), o.param("l.weight"), null); // the parameter is reused, not duplicated
                return List.of(h, again, o.layerNorm(h, o.param("ln.gamma"), o.param("ln.beta"), 1e-5f));
            }
        }, params, List.of(Tensors.uniform(rng, -1, 1, 4, 5)));
    }

    @Test
    void shapeOpsMatchReference() throws Exception {
        SplittableRandom rng = new SplittableRandom(3);
        compare(new Program() {
            @Override
            public <T> List<T> run(Ops<T> o, List<T> in) {
                T a = in.get(0); // [N, 3, 4]
                T flat = o.reshape(a, -1, 12);
                T back = o.reshape(flat, -1, 4, 3);
                T tr = o.transpose(a, 0, 2, 1);
                T cat = o.concat(-1, List.of(a, o.slice(a, 2, 1, 3)));
                T cat0 = o.concat(1, List.of(a, a));
                return List.of(flat, back, tr, cat, cat0, o.slice(a, 1, 0, 2), o.slice(a, 0, 1, 2));
            }
        }, Map.of(), List.of(Tensors.uniform(rng, -1, 1, 3, 3, 4)));
    }

    @Test
    void indexingAndReductionsMatchReference() throws Exception {
        SplittableRandom rng = new SplittableRandom(4);
        Map<String, RefTensor> params = Map.of("emb.table", Tensors.uniform(rng, -1, 1, 6, 3));
        compare(new Program() {
            @Override
            public <T> List<T> run(Ops<T> o, List<T> in) {
                T idx = in.get(0); // int32 [N, 2]
                T x = in.get(1); // [N, 4, 5]
                return List.of(o.gather(o.param("emb.table"), idx), o.oneHot(idx, 6), o.oneHot(idx, 3),
                        o.reduceSum(x, -1, false), o.reduceSum(x, 1, true), o.reduceMean(x, 2, true),
                        o.reduceMean(x, 1, false), o.softmax(x), o.gather(o.param("emb.table"), o.constantInt(new int[] {5, 0}, 2)));
            }
        }, params, List.of(Tensors.ints(rng, 6, 5, 2), Tensors.uniform(rng, -3, 3, 5, 4, 5)));
    }

    @Test
    void matmulBroadcastsLikeNumpy() throws Exception {
        SplittableRandom rng = new SplittableRandom(5);
        Map<String, RefTensor> params = Map.of("w", Tensors.uniform(rng, -1, 1, 4, 2));
        compare(new Program() {
            @Override
            public <T> List<T> run(Ops<T> o, List<T> in) {
                return List.of(o.matmul(in.get(0), o.param("w")), o.matmul(in.get(0), in.get(1)));
            }
        }, params, List.of(Tensors.uniform(rng, -1, 1, 3, 3, 4), Tensors.uniform(rng, -1, 1, 3, 4, 2)));
    }

    @Test
    void transformerOpsMatchReference() throws Exception {
        SplittableRandom rng = new SplittableRandom(7);
        Map<String, RefTensor> params = Map.of("ln.gamma", Tensors.uniform(rng, 0.5, 1.5, 6), "ln.beta", Tensors.uniform(rng, -1, 1, 6));
        float[] causal = new float[5 * 5];
        for (int i = 0; i < 5; i++) {
            for (int j = i + 1; j < 5; j++) {
                causal[i * 5 + j] = -1e9f;
            }
        }
        compare(new Program() {
            @Override
            public <T> List<T> run(Ops<T> o, List<T> in) {
                T x = in.get(0); // [N, 3, 6]
                T q = in.get(1); // [N, 2, 5, 4]
                T k = in.get(2); // [N, 2, 5, 4]
                T scores = o.add(o.matmul(q, o.transpose(k, 0, 1, 3, 2)), o.constant(causal, 5, 5)); // [N, 2, 5, 5]
                T att = o.matmul(o.softmax(scores), k); // [N, 2, 5, 4]
                return List.of(o.logSoftmax(x), o.argMax(x), o.gelu(x), o.layerNorm(x, o.param("ln.gamma"), o.param("ln.beta"), 1e-5f),
                        scores, att, o.logSoftmax(o.mul(x, o.scalar(8f))), o.argMax(att));
            }
        }, params, List.of(Tensors.uniform(rng, -3, 3, 4, 3, 6), Tensors.uniform(rng, -1, 1, 2, 2, 5, 4),
                Tensors.uniform(rng, -1, 1, 2, 2, 5, 4)));
    }

    @Test
    void conv2dNhwcMatchesReferenceForSameAndValid() throws Exception {
        SplittableRandom rng = new SplittableRandom(6);
        Map<String, RefTensor> params = Map.of(
                "c1.filter", Tensors.uniform(rng, -1, 1, 3, 3, 3, 4),
                "c2.filter", Tensors.uniform(rng, -1, 1, 2, 2, 4, 2));
        compare(new Program() {
            @Override
            public <T> List<T> run(Ops<T> o, List<T> in) {
                T x = in.get(0); // [N, 9, 7, 3]
                T s2 = o.conv2d(x, o.param("c1.filter"), 2, true); // [N, 5, 4, 4]
                T s1 = o.conv2d(x, o.param("c1.filter"), 1, true); // [N, 9, 7, 4]
                T v = o.conv2d(s2, o.param("c2.filter"), 1, false); // [N, 4, 3, 2]
                T v2 = o.conv2d(s1, o.param("c2.filter"), 2, false); // [N, 4, 3, 2]
                return List.of(s2, s1, v, v2);
            }
        }, params, List.of(Tensors.uniform(rng, -1, 1, 2, 9, 7, 3)));
    }

    @Test
    void staticShapesAreTrackedWithSymbolicBatch() {
        OnnxGraph g = new OnnxGraph("shapes");
        OnnxOps o = new OnnxOps(g, Map.of("w", new FloatTensor(new long[] {4, 3}, new float[12])));
        OnnxValue x = g.input("x", ElemType.FLOAT, -1, 4);
        assertArrayEquals(new long[] {-1, 3}, o.shape(o.matmul(x, o.param("w"))));
        assertArrayEquals(new long[] {-1, 2, 2}, o.shape(o.reshape(x, -1, 2, 2)));
        assertArrayEquals(new long[] {-1}, o.shape(o.reduceSum(x, 1, false)));
        assertArrayEquals(new long[] {-1, 8}, o.shape(o.concat(1, List.of(x, x))));
        assertThrows(IllegalArgumentException.class, () -> o.matmul(x, o.constant(new float[6], 3, 2))); // inner 4 vs 3
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> o.param("missing"));
        assertTrue(e.getMessage().contains("'missing'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> o.slice(x, 1, 2, 5));
        assertThrows(IllegalArgumentException.class, () -> o.oneHot(x, 3));
    }

    /** With {@code MAWM_ONNX_DUMP=DIR} set, writes each test graph there (for checking with Python's onnx.checker). */
    private static void dump(ModelProto model) throws java.io.IOException {
        String dir = System.getenv("MAWM_ONNX_DUMP");
        if (dir != null) {
            java.nio.file.Files.write(java.nio.file.Files.createTempFile(java.nio.file.Path.of(dir), "op-test-", ".onnx"), model.toByteArray());
        }
    }

    /** Runs {@code p} on the reference backend and as an ONNX graph in ONNX Runtime; compares every output. */
    static void compare(Program p, Map<String, RefTensor> params, List<RefTensor> inputs) throws Exception {
        List<RefTensor> expected = p.run(new RefOps(params), inputs);

        OnnxGraph g = new OnnxGraph("test");
        Map<String, FloatTensor> weights = new LinkedHashMap<>();
        params.forEach((k, v) -> weights.put(k, new FloatTensor(v.shape(), v.data())));
        OnnxOps o = new OnnxOps(g, weights);
        List<OnnxValue> in = new ArrayList<>();
        Map<String, RefTensor> feed = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            long[] s = inputs.get(i).shape();
            s[0] = -1;
            in.add(g.input("in" + i, inputs.get(i).isInt() ? ElemType.INT32 : ElemType.FLOAT, s));
            feed.put("in" + i, inputs.get(i));
        }
        List<OnnxValue> outs = p.run(o, in);
        for (int i = 0; i < outs.size(); i++) {
            g.output("out" + i, outs.get(i));
        }
        ModelProto model = g.build("op test", Map.of("k", "v"));
        assertEquals(List.of(), OnnxChecker.problems(model));
        dump(model);
        try (OrtRunner r = new OrtRunner(model.toByteArray())) {
            Map<String, RefTensor> actual = r.run(feed);
            for (int i = 0; i < outs.size(); i++) {
                if (expected.get(i).isInt()) { // indices: exactly equal
                    assertArrayEquals(expected.get(i).shape(), actual.get("out" + i).shape(), "output " + i + " shape");
                    assertArrayEquals(expected.get(i).ints(), actual.get("out" + i).ints(), "output " + i);
                    continue;
                }
                double err = Tensors.maxAbsDiff(actual.get("out" + i), expected.get(i));
                assertTrue(err <= TOL, "output " + i + ": max abs error " + err);
            }
        }
    }
}
