package dev.mawm.export.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.Arrays;
import java.util.List;

/**
 * The ONNX backend's single-node forms of {@code layerNorm} and {@code gelu}, which ONNX Runtime's CPU provider runs
 * several times faster than their compositions (measured on the iris rollout, N = 256: the opset-17
 * {@code LayerNormalization} kernel takes ≈ 4.4 ms on {@code [256,52,64]}, {@code SkipLayerNormalization} ≈ 1.1 ms; the
 * nine-node tanh GELU ≈ 12 ms on {@code [256,52,256]}, {@code FastGelu} ≈ 2 ms):
 *
 * <ul>
 *   <li>{@code layerNorm(a + b)} where the {@code Add} of two rank-3 tensors (b of a's shape or {@code [1,S,D]}) is
 *       the last node emitted (so nothing reads the sum yet) → one {@link OnnxGraph#MS_DOMAIN} {@code SkipLayerNormalization}, which also
 *       outputs the sum under the {@code Add}'s name; otherwise one opset-17 {@code LayerNormalization};</li>
 *   <li>{@code gelu(y + bias)} with a rank-1 {@code bias} over the last axis as the last node → {@code FastGelu(y, bias)};
 *       any other input → {@code FastGelu(x)} (the tanh form, {@code 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))}).</li>
 * </ul>
 *
 * Both formulas equal {@link dev.mawm.models.ops.Ops}'s compositions (population variance, {@code eps} inside the
 * square root; the tanh GELU) up to float rounding. ONNX Runtime's own fusions do not fire on these graphs: its
 * {@code SkipLayerNormFusion} needs static dimensions (the batch is dynamic) and its {@code FastGeluFusion} does not
 * match on the CPU provider.
 */
final class FusedNodes {
    private FusedNodes() {
    }

    static OnnxValue layerNorm(OnnxGraph graph, OnnxValue x, OnnxValue gamma, OnnxValue beta, float eps) {
        long d = x.shape()[x.rank() - 1];
        if (gamma.rank() != 1 || beta.rank() != 1 || gamma.shape()[0] != d || beta.shape()[0] != d) {
            throw new IllegalArgumentException("layerNorm: gamma and beta must be [" + d + "] for " + Arrays.toString(x.shape())
                    + ", got " + Arrays.toString(gamma.shape()) + " and " + Arrays.toString(beta.shape()));
        }
        AttributeProto epsilon = Attrs.ofFloat("epsilon", eps);
        if (x.rank() == 3 && lastIs(graph, "Add", x)) {
            List<OnnxValue> sum = graph.proto().getNode(graph.proto().getNodeCount() - 1).getInputList().stream().map(graph::value).toList();
            if (sum.size() == 2 && sum.stream().allMatch(s -> s.type() == ElemType.FLOAT) && Arrays.equals(sum.get(0).shape(), x.shape())
                    && skipFits(sum.get(1).shape(), x.shape())) {
                removeLast(graph);
                OnnxValue out = graph.reserve("skiplayernormalization", ElemType.FLOAT, x.shape());
                long[] stat = x.shape().clone();
                stat[stat.length - 1] = 1;
                OnnxValue mean = graph.reserve("skipln_mean", ElemType.FLOAT, stat);
                OnnxValue inv = graph.reserve("skipln_inv_std", ElemType.FLOAT, stat);
                contribNode(graph, "SkipLayerNormalization", List.of(sum.get(0), sum.get(1), gamma, beta), List.of(out, mean, inv, x), epsilon);
                return out;
            }
        }
        return graph.node("LayerNormalization", List.of(x, gamma, beta), ElemType.FLOAT, x.shape(), Attrs.ofInt("axis", -1), epsilon);
    }

    static OnnxValue gelu(OnnxGraph graph, OnnxValue x) {
        List<OnnxValue> in = List.of(x);
        if (x.rank() >= 1 && lastIs(graph, "Add", x)) {
            List<OnnxValue> add = graph.proto().getNode(graph.proto().getNodeCount() - 1).getInputList().stream().map(graph::value).toList();
            OnnxValue b = add.get(1);
            if (b.rank() == 1 && b.shape()[0] == x.shape()[x.rank() - 1] && Arrays.equals(add.get(0).shape(), x.shape())) {
                removeLast(graph);
                in = add;
            }
        }
        OnnxValue out = graph.reserve("fastgelu", ElemType.FLOAT, x.shape());
        contribNode(graph, "FastGelu", in, List.of(out));
        return out;
    }

    /** Whether {@code skip} is {@code input}'s shape or {@code [1,S,D]} (the broadcast {@code SkipLayerNormalization} allows). */
    private static boolean skipFits(long[] skip, long[] input) {
        return Arrays.equals(skip, input) || skip[0] == 1 && skip[1] == input[1] && skip[2] == input[2] && input[1] > 0;
    }

    /** Whether the last node emitted is a default-domain {@code opType} whose only output is {@code x}. */
    private static boolean lastIs(OnnxGraph graph, String opType, OnnxValue x) {
        GraphProto.Builder g = graph.proto();
        if (g.getNodeCount() == 0) {
            return false;
        }
        NodeProto n = g.getNode(g.getNodeCount() - 1);
        return n.getOpType().equals(opType) && n.getDomain().isEmpty() && n.getOutputCount() == 1 && n.getOutput(0).equals(x.name());
    }

    /** Removes the last node; its output stays defined, for the fused node that replaces it to produce. */
    private static void removeLast(OnnxGraph graph) {
        graph.proto().removeNode(graph.proto().getNodeCount() - 1);
    }

    private static void contribNode(OnnxGraph graph, String opType, List<OnnxValue> inputs, List<OnnxValue> outputs, AttributeProto... attributes) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(opType).setDomain(OnnxGraph.MS_DOMAIN).setName(graph.uniqueName(opType));
        inputs.forEach(v -> n.addInput(graph.requireOwn(v).name()));
        outputs.forEach(v -> n.addOutput(graph.requireOwn(v).name()));
        for (AttributeProto a : attributes) {
            n.addAttribute(a);
        }
        graph.proto().addNode(n);
    }
}
