package dev.mawm.runtime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.mawm.models.bundle.ComponentSpec;
import dev.mawm.models.bundle.TensorSpec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A reusable invocation of one {@link Component}: one direct, native-order buffer per graph input and output,
 * wrapped (not copied) by ONNX Runtime tensors, and the outputs pinned so the graph writes straight into them.
 *
 * <p>Usage: {@code try (Call c = component.acquire(n)) { c.floats(0).put(x, 0, n * S); c.run();
 * c.outputFloats(0).get(y, 0, n * L); }}. Indices follow the order of the spec's inputs and outputs. A call is
 * used by one thread at a time; closing returns it to the component's pool. Per {@link #run()} only ONNX
 * Runtime's own bookkeeping allocates (its {@code Result} and a few small arrays); tensors are recreated only
 * when the batch size changes, and buffers only grow.
 */
public final class Call implements AutoCloseable {
    private final Component component;
    private final Slot[] inputs;
    private final Slot[] outputs;
    private final Map<String, OnnxTensor> inputMap = new HashMap<>();
    private final Map<String, OnnxTensor> outputMap = new HashMap<>();
    private int batch = -1;
    private int contextInputs;
    private int contexts = -1;
    private boolean nativeClosed;

    Call(Component component, ComponentSpec spec) {
        this.component = component;
        this.inputs = slots(spec.inputs(), component.file());
        this.outputs = slots(spec.outputs(), component.file());
    }

    private static Slot[] slots(List<TensorSpec> specs, String file) {
        Slot[] out = new Slot[specs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new Slot(specs.get(i), file);
        }
        return out;
    }

    /**
     * Reshapes the tensors for batch size {@code n} (a no-op when unchanged; otherwise the tensor wrappers are
     * recreated and buffers grow if needed).
     *
     * @param n the batch size, ≥ 1
     */
    public void resize(int n) {
        resize(n, 0, n);
    }

    /**
     * Reshapes for graphs whose first inputs are per-context tables (e.g. one row per planning agent) and whose
     * other inputs and outputs have one row per candidate: inputs {@code [0, contextInputs)} get leading size
     * {@code contextRows}, every other tensor {@code n}. A no-op when unchanged.
     *
     * @param n             the batch size of the other inputs and of the outputs, ≥ 1
     * @param contextInputs how many leading inputs are context tables, in {@code [0, inputs]}
     * @param contextRows   their leading size, ≥ 1
     */
    public void resize(int n, int contextInputs, int contextRows) {
        if (n < 1 || contextRows < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + n + " (context rows " + contextRows + ")");
        }
        if (contextInputs < 0 || contextInputs > inputs.length) {
            throw new IllegalArgumentException("contextInputs must be in [0, " + inputs.length + "], got " + contextInputs);
        }
        if (n == batch && contextInputs == this.contextInputs && contextRows == contexts) {
            return;
        }
        closeTensors();
        batch = -1;
        try {
            for (int i = 0; i < inputs.length; i++) {
                inputMap.put(inputs[i].spec.name(), inputs[i].bind(i < contextInputs ? contextRows : n));
            }
            for (Slot s : outputs) {
                outputMap.put(s.spec.name(), s.bind(n));
            }
        } catch (OrtException e) {
            closeTensors();
            throw new IllegalStateException(component.file() + ": cannot create tensors for batch " + n + ": "
                    + e.getMessage(), e);
        }
        batch = n;
        this.contextInputs = contextInputs;
        this.contexts = contextRows;
    }

    /** @return the batch size the tensors are shaped for */
    public int batch() {
        return batch;
    }

    /**
     * @param input index of a float32 input in the spec's order
     * @return its buffer, position 0, limit = its element count for this batch; write the values with {@code put}
     */
    public FloatBuffer floats(int input) {
        return inputs[input].floats();
    }

    /**
     * @param input index of an int32 input in the spec's order
     * @return its buffer, position 0, limit = its element count for this batch
     */
    public IntBuffer ints(int input) {
        return inputs[input].ints();
    }

    /**
     * @param output index of a float32 output in the spec's order
     * @return its buffer after {@link #run()}, position 0, limit = its element count; read with {@code get}
     */
    public FloatBuffer outputFloats(int output) {
        return outputs[output].floats();
    }

    /**
     * @param output index of an int32 output in the spec's order
     * @return its buffer after {@link #run()}, position 0, limit = its element count
     */
    public IntBuffer outputInts(int output) {
        return outputs[output].ints();
    }

    /**
     * Runs the graph on the current input buffers; the outputs land in the output buffers.
     *
     * @throws IllegalStateException when ONNX Runtime fails (the message names the graph file)
     */
    public void run() {
        if (batch < 0 || nativeClosed) {
            throw new IllegalStateException("call of " + component.file() + " is not prepared or already closed");
        }
        try {
            // outputs are pinned: the graph wrote them into the output buffers; the result owns nothing
            OrtSession.Result result = component.session().run(inputMap, outputMap);
            result.close();
        } catch (OrtException e) {
            throw new IllegalStateException(component.file() + ": ONNX Runtime failed to run component '"
                    + component.name() + "' with batch " + batch + ": " + e.getMessage(), e);
        }
    }

    /** Returns this call to its component's pool. */
    @Override
    public void close() {
        component.release(this);
    }

    void closeNative() {
        if (!nativeClosed) {
            nativeClosed = true;
            closeTensors();
        }
    }

    private void closeTensors() {
        inputMap.values().forEach(OnnxTensor::close);
        outputMap.values().forEach(OnnxTensor::close);
        inputMap.clear();
        outputMap.clear();
    }

    /** One tensor's growable direct buffer and its current ONNX Runtime wrapper. */
    private static final class Slot {
        private final TensorSpec spec;
        private final boolean batched;
        private final long rowElements;
        private ByteBuffer bytes;
        private FloatBuffer floatView;
        private IntBuffer intView;
        private long[] shape;
        private int elements;

        Slot(TensorSpec spec, String file) {
            this.spec = spec;
            List<Long> dims = spec.shape();
            this.batched = !dims.isEmpty() && dims.get(0) == TensorSpec.DYNAMIC;
            long row = 1;
            for (int i = batched ? 1 : 0; i < dims.size(); i++) {
                if (dims.get(i) == TensorSpec.DYNAMIC) {
                    throw new IllegalStateException(file + ": tensor '" + spec.name() + "' has a dynamic dimension "
                            + "other than the leading batch dimension: " + dims);
                }
                row *= dims.get(i);
            }
            this.rowElements = row;
        }

        OnnxTensor bind(int n) throws OrtException {
            elements = Math.toIntExact(batched ? rowElements * n : rowElements);
            if (bytes == null || bytes.capacity() < 4L * elements) {
                bytes = ByteBuffer.allocateDirect(Math.toIntExact(4L * elements)).order(ByteOrder.nativeOrder());
                floatView = bytes.asFloatBuffer();
                intView = bytes.asIntBuffer();
            }
            shape = spec.shapeArray();
            if (batched) {
                shape[0] = n;
            }
            if (TensorSpec.INT32.equals(spec.dtype())) {
                intView.clear().limit(elements);
                return OnnxTensor.createTensor(OrtEnv.get(), intView, shape);
            }
            floatView.clear().limit(elements);
            return OnnxTensor.createTensor(OrtEnv.get(), floatView, shape);
        }

        FloatBuffer floats() {
            if (!TensorSpec.FLOAT32.equals(spec.dtype())) {
                throw new IllegalArgumentException("tensor '" + spec.name() + "' is " + spec.dtype() + ", not float32");
            }
            floatView.clear().limit(elements);
            return floatView;
        }

        IntBuffer ints() {
            if (!TensorSpec.INT32.equals(spec.dtype())) {
                throw new IllegalArgumentException("tensor '" + spec.name() + "' is " + spec.dtype() + ", not int32");
            }
            intView.clear().limit(elements);
            return intView;
        }
    }
}
