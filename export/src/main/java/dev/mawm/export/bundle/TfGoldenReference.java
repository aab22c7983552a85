package dev.mawm.export.bundle;

import dev.mawm.export.graphs.ComponentGraph;
import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.models.io.FloatTensor;
import dev.mawm.training.tf.Precision;
import dev.mawm.training.tf.TfGraph;
import dev.mawm.training.tf.TfOps;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.TensorFlow;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Golden outputs computed by TensorFlow: the component's forward pass built with {@link TfOps} (float32)
 * in a fresh single-threaded graph, parameters as constants holding the same weights, inputs fed through
 * placeholders with a dynamic batch dimension. Every native tensor, the session and the graph are closed
 * before {@link #run} returns.
 */
public final class TfGoldenReference implements GoldenReference {

    @Override
    public String description() {
        return "tensorflow-java (TensorFlow " + TensorFlow.version() + ", float32, CPU)";
    }

    @Override
    public List<ArrayTensor> run(ComponentGraph component, Map<String, FloatTensor> weights, List<ArrayTensor> inputs) {
        List<TensorSpec> specs = component.inputs();
        if (inputs.size() != specs.size()) {
            throw new IllegalArgumentException("component '" + component.name() + "' takes " + specs.size() + " inputs, got " + inputs.size());
        }
        try (TfGraph g = new TfGraph(1)) {
            org.tensorflow.op.Ops tf = g.tf();
            Map<String, Operand<?>> constants = new HashMap<>();
            TfOps ops = new TfOps(tf, Precision.FLOAT32, (String name) -> constants.computeIfAbsent(name, n -> {
                FloatTensor t = weights.get(n);
                if (t == null) {
                    throw new IllegalArgumentException("parameter '" + n + "' is not among the checkpoint's " + weights.size() + " tensors");
                }
                return tf.withName(n).constant(Shape.of(t.shape()), DataBuffers.of(t.data(), true, false));
            }));
            List<Operand<?>> placeholders = new ArrayList<>();
            for (TensorSpec s : specs) {
                Class<? extends org.tensorflow.types.family.TType> type = TensorSpec.INT32.equals(s.dtype()) ? TInt32.class : TFloat32.class;
                placeholders.add(tf.withName(s.name()).placeholder(type, Placeholder.shape(Shape.of(s.shapeArray()))));
            }
            List<Operand<?>> outputs = component.forward(ops, placeholders);
            return execute(g.session(), placeholders, inputs, outputs);
        }
    }

    private static List<ArrayTensor> execute(Session session, List<Operand<?>> placeholders, List<ArrayTensor> inputs,
                                             List<Operand<?>> outputs) {
        List<Tensor> fed = new ArrayList<>();
        try {
            Session.Runner runner = session.runner();
            for (int i = 0; i < inputs.size(); i++) {
                ArrayTensor in = inputs.get(i);
                Tensor t = in.isInt()
                        ? TInt32.tensorOf(Shape.of(in.shape()), DataBuffers.of(in.ints(), true, false))
                        : TFloat32.tensorOf(Shape.of(in.shape()), DataBuffers.of(in.floats(), true, false));
                fed.add(t);
                runner.feed(placeholders.get(i), t);
            }
            outputs.forEach(runner::fetch);
            List<ArrayTensor> out = new ArrayList<>();
            try (Result r = runner.run()) {
                for (int i = 0; i < outputs.size(); i++) {
                    out.add(toArray(r.get(i)));
                }
            }
            return out;
        } finally {
            fed.forEach(Tensor::close);
        }
    }

    private static ArrayTensor toArray(Tensor t) {
        long[] shape = t.shape().asArray();
        if (t instanceof TInt32 i) {
            int[] v = new int[Math.toIntExact(i.size())];
            i.copyTo(DataBuffers.of(v, false, false));
            return ArrayTensor.ofInts(v, shape);
        }
        if (t instanceof TFloat32 f) {
            float[] v = new float[Math.toIntExact(f.size())];
            f.copyTo(DataBuffers.of(v, false, false));
            return ArrayTensor.ofFloats(v, shape);
        }
        throw new IllegalStateException("unexpected TensorFlow output type " + t.dataType());
    }
}
