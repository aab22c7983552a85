package dev.mawm.export.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import dev.mawm.export.Tensors;
import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.ops.Ops;
import dev.mawm.models.ops.RefTensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link FusedNodes}: which single node the ONNX backend emits for {@code layerNorm} and {@code gelu}, and that ONNX
 * Runtime's run of it matches the reference composition (≤ 1e-5, {@link OnnxOpsTest#compare}), sum included.
 */
class FusedNodesTest {
    private static final SplittableRandom RNG = new SplittableRandom(11);
    private static final Map<String, RefTensor> PARAMS = Map.of(
            "l.weight", Tensors.uniform(RNG, -1, 1, 6, 8),
            "l.bias", Tensors.uniform(RNG, -1, 1, 8),
            "ln.gamma", Tensors.uniform(RNG, 0.5, 1.5, 6),
            "ln.beta", Tensors.uniform(RNG, -1, 1, 6),
            "pos", Tensors.uniform(RNG, -1, 1, 1, 5, 6));

    /** A residual block: ln(a + b), the sum read again afterwards, ln(x + [1,S,D]), a dense + gelu, and ln / gelu of other inputs. */
    private static final OnnxOpsTest.Program BLOCK = new OnnxOpsTest.Program() {
        @Override
        public <T> List<T> run(Ops<T> o, List<T> in) {
            T a = in.get(0); // [N,5,6]
            T b = in.get(1); // [N,5,6]
            T sum = o.add(a, b);
            T normed = o.layerNorm(sum, o.param("ln.gamma"), o.param("ln.beta"), 1e-5f);
            T residual = o.mul(sum, o.scalar(2f)); // the sum is read after the fused node
            T broadcast = o.layerNorm(o.add(a, o.param("pos")), o.param("ln.gamma"), o.param("ln.beta"), 1e-5f);
            T plain = o.layerNorm(o.mul(a, b), o.param("ln.gamma"), o.param("ln.beta"), 1e-5f);
            T act = o.gelu(o.dense(normed, o.param("l.weight"), o.param("l.bias"))); // [N,5,8]
            T bare = o.gelu(o.mul(a, o.scalar(3f)));
            return List.of(normed, residual, broadcast, plain, act, bare);
        }
    };

    @Test
    void fusedNodesMatchTheCompositions() throws Exception {
        OnnxOpsTest.compare(BLOCK, PARAMS, List.of(Tensors.uniform(RNG, -3, 3, 4, 5, 6), Tensors.uniform(RNG, -3, 3, 4, 5, 6)));
    }

    @Test
    void addThenLayerNormBecomesOneSkipLayerNormalizationAndGeluOneFastGeluWithItsBias() {
        ModelProto model = build();
        assertEquals(List.of(), OnnxChecker.problems(model));
        List<String> ops = model.getGraph().getNodeList().stream().map(n -> n.getDomain() + ":" + n.getOpType()).toList();
        assertEquals(2, ops.stream().filter("com.microsoft:SkipLayerNormalization"::equals).count(), ops.toString());
        assertEquals(1, ops.stream().filter(":LayerNormalization"::equals).count(), "ln of a product stays one node: " + ops);
        assertEquals(2, ops.stream().filter("com.microsoft:FastGelu"::equals).count(), ops.toString());
        assertEquals(0, ops.stream().filter(":Add"::equals).count(), "every add was folded into a fused node: " + ops);
        NodeProto withBias = model.getGraph().getNodeList().stream().filter(n -> n.getOpType().equals("FastGelu")).findFirst().orElseThrow();
        assertEquals(2, withBias.getInputCount(), "the dense layer's bias is FastGelu's second input");
        assertTrue(model.getOpsetImportList().stream().anyMatch(o -> o.getDomain().equals(OnnxGraph.MS_DOMAIN) && o.getVersion() == 1));
    }

    @Test
    void theCheckerRefusesContribNodesWithoutTheirImportAndUnknownContribOps() {
        ModelProto model = build();
        ModelProto noImport = model.toBuilder().clearOpsetImport().addOpsetImport(model.getOpsetImport(0)).build();
        assertTrue(OnnxChecker.problems(noImport).stream().anyMatch(p -> p.contains("domain 'com.microsoft' is not imported")),
                OnnxChecker.problems(noImport).toString());
        ModelProto unknown = model.toBuilder().setGraph(model.getGraph().toBuilder()
                .setNode(0, model.getGraph().getNode(0).toBuilder().setOpType("Attention").setDomain(OnnxGraph.MS_DOMAIN))).build();
        assertTrue(OnnxChecker.problems(unknown).stream().anyMatch(p -> p.contains("operators this exporter knows")),
                OnnxChecker.problems(unknown).toString());
    }

    private static ModelProto build() {
        OnnxGraph g = new OnnxGraph("fused");
        Map<String, FloatTensor> w = new LinkedHashMap<>();
        PARAMS.forEach((k, v) -> w.put(k, new FloatTensor(v.shape(), v.data())));
        OnnxOps o = new OnnxOps(g, w);
        List<OnnxValue> outs = BLOCK.run(o, List.of(g.input("a", ElemType.FLOAT, -1, 5, 6), g.input("b", ElemType.FLOAT, -1, 5, 6)));
        for (int i = 0; i < outs.size(); i++) {
            g.output("out" + i, outs.get(i));
        }
        return g.build("fused nodes", Map.of());
    }
}
