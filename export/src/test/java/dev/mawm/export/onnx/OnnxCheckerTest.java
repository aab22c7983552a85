package dev.mawm.export.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import com.google.protobuf.ByteString;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The structural checker accepts a valid graph and names each broken rule. */
class OnnxCheckerTest {

    private static ModelProto valid() {
        OnnxGraph g = new OnnxGraph("g");
        OnnxOps o = new OnnxOps(g, Map.of());
        OnnxValue x = g.input("x", ElemType.FLOAT, -1, 3);
        g.output("y", o.relu(o.add(x, o.constant(new float[] {1, 2, 3}, 3))));
        return g.build("t", Map.of());
    }

    @Test
    void acceptsAValidGraph() {
        assertEquals(List.of(), OnnxChecker.problems(valid()));
    }

    @Test
    void namesEachBrokenRule() {
        ModelProto m = valid();
        assertProblem(m.toBuilder().setIrVersion(3).build(), "ir_version");
        assertProblem(m.toBuilder().setOpsetImport(0, m.getOpsetImport(0).toBuilder().setVersion(18)).build(), "opset is 18");
        assertProblem(m.toBuilder().setProducerName("").build(), "producer_name");
        var g = m.getGraph();
        assertProblem(m.toBuilder().setGraph(g.toBuilder().setNode(0, g.getNode(0).toBuilder().setInput(0, "nope"))).build(),
                "input 'nope' is not defined");
        assertProblem(m.toBuilder().setGraph(g.toBuilder().addNode(NodeProto.newBuilder().setOpType("Relu").setName("dup")
                .addInput("x").addOutput(g.getNode(0).getOutput(0)))).build(), "redefines");
        assertProblem(m.toBuilder().setGraph(g.toBuilder().setNode(0, g.getNode(0).toBuilder().setOpType("Loop"))).build(),
                "not one this exporter knows");
        assertProblem(m.toBuilder().setGraph(g.toBuilder().setInitializer(0, g.getInitializer(0).toBuilder()
                .setRawData(ByteString.copyFrom(new byte[8])))).build(), "holds 2 values");
        assertProblem(m.toBuilder().setGraph(g.toBuilder().setOutput(0, g.getOutput(0).toBuilder().setName("z"))).build(),
                "'z' is not produced");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> OnnxChecker.check(m.toBuilder().setIrVersion(3).build(), "'g'"));
        assertTrue(e.getMessage().startsWith("ONNX graph 'g' is invalid"), e.getMessage());
    }

    @Test
    void graphRejectsDuplicateNamesAndForeignValues() {
        OnnxGraph g = new OnnxGraph("g");
        g.input("x", ElemType.FLOAT, -1, 2);
        assertThrows(IllegalArgumentException.class, () -> g.input("x", ElemType.FLOAT, -1, 2));
        assertThrows(IllegalArgumentException.class, () -> g.initializer("x", new float[] {1, 2}, 2));
        OnnxValue foreign = new OnnxGraph("h").input("q", ElemType.FLOAT, 2);
        assertThrows(IllegalArgumentException.class, () -> g.output("y", foreign));
    }

    private static void assertProblem(ModelProto m, String fragment) {
        List<String> p = OnnxChecker.problems(m);
        assertTrue(p.stream().anyMatch(s -> s.contains(fragment)), "expected a problem containing '" + fragment + "', got " + p);
    }
}
