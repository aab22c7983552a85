package dev.mawm.export;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.mawm.models.ops.RefTensor;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helper: one ONNX Runtime CPU session (single-threaded, deterministic) over a serialized model. */
public final class OrtRunner implements AutoCloseable {
    private final OrtEnvironment env;
    private final OrtSession session;

    /**
     * @param model serialized {@code ModelProto}
     * @throws OrtException when ONNX Runtime rejects the model
     */
    public OrtRunner(byte[] model) throws OrtException {
        env = OrtEnvironment.getEnvironment();
        env.setTelemetry(false);
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
            opts.setIntraOpNumThreads(1);
            opts.setInterOpNumThreads(1);
            opts.setDeterministicCompute(true);
            session = env.createSession(model, opts);
        }
    }

    /** @return the session's input names, in graph order */
    public List<String> inputNames() {
        return new ArrayList<>(session.getInputNames());
    }

    /** @return the session's output names, in graph order */
    public List<String> outputNames() {
        return new ArrayList<>(session.getOutputNames());
    }

    /**
     * @param inputs tensors by graph input name (float or int32)
     * @return every output by name
     * @throws OrtException on a run failure
     */
    public Map<String, RefTensor> run(Map<String, RefTensor> inputs) throws OrtException {
        Map<String, OnnxTensor> feed = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, RefTensor> e : inputs.entrySet()) {
                RefTensor t = e.getValue();
                feed.put(e.getKey(), t.isInt()
                        ? OnnxTensor.createTensor(env, IntBuffer.wrap(t.ints()), t.shape())
                        : OnnxTensor.createTensor(env, FloatBuffer.wrap(t.data()), t.shape()));
            }
            Map<String, RefTensor> out = new LinkedHashMap<>();
            try (OrtSession.Result r = session.run(feed)) {
                for (Map.Entry<String, ai.onnxruntime.OnnxValue> e : r) {
                    OnnxTensor t = (OnnxTensor) e.getValue();
                    TensorInfo info = t.getInfo();
                    long[] shape = info.getShape();
                    if (info.type == ai.onnxruntime.OnnxJavaType.INT32) {
                        IntBuffer b = t.getIntBuffer();
                        int[] v = new int[b.remaining()];
                        b.get(v);
                        out.put(e.getKey(), RefTensor.ofInts(v, shape));
                    } else {
                        FloatBuffer b = t.getFloatBuffer();
                        float[] v = new float[b.remaining()];
                        b.get(v);
                        out.put(e.getKey(), RefTensor.of(v, shape));
                    }
                }
            }
            return out;
        } finally {
            for (OnnxTensor t : feed.values()) {
                t.close();
            }
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
