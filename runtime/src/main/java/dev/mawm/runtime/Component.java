package dev.mawm.runtime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.mawm.models.bundle.ComponentSpec;
import dev.mawm.models.bundle.TensorSpec;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One validated graph of a {@link Bundle}: its ONNX Runtime session (shared by all threads) and its spec.
 *
 * <p>Two ways to run it: {@link #run(Map)} checks and copies everything (golden replay, tools, tests), and
 * {@link #acquire(int)} hands out a pooled {@link Call} whose direct, native-order buffers the graph reads and
 * writes in place (the hot path: no per-call arrays or buffers). The bundle owns the component and closes it.
 */
public final class Component implements AutoCloseable {
    private final ComponentSpec spec;
    private final OrtSession session;
    private final String file;
    private final ConcurrentLinkedQueue<Call> idle = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;
    private volatile Map<String, String> metadata;

    Component(ComponentSpec spec, OrtSession session, String file) {
        this.spec = spec;
        this.session = session;
        this.file = file;
    }

    /** @return the manifest entry of this graph */
    public ComponentSpec spec() {
        return spec;
    }

    /** @return the component name */
    public String name() {
        return spec.name();
    }

    /** @return the graph file, for messages */
    public String file() {
        return file;
    }

    /**
     * Takes a reusable call for batch size {@code batch} from the pool (or makes one). Fill its inputs,
     * {@link Call#run()}, read its outputs, then close it to return it. One thread at a time per call.
     *
     * @param batch the batch size N, ≥ 1 (ignored by inputs/outputs without a batch dimension)
     * @return a call whose tensors have shape N in their leading dynamic dimension
     * @throws IllegalStateException when the component is closed
     */
    public Call acquire(int batch) {
        ensureOpen();
        Call c = idle.poll();
        if (c == null) {
            c = new Call(this, spec);
        }
        c.resize(batch);
        return c;
    }

    /**
     * Like {@link #acquire(int)} for graphs whose first {@code contextInputs} inputs are per-context tables with
     * {@code contextRows} rows ({@link Call#resize(int, int, int)}).
     *
     * @param batch         rows of the other inputs and the outputs, ≥ 1
     * @param contextInputs how many leading inputs are context tables
     * @param contextRows   their rows, ≥ 1
     * @return the call
     */
    public Call acquire(int batch, int contextInputs, int contextRows) {
        ensureOpen();
        Call c = idle.poll();
        if (c == null) {
            c = new Call(this, spec);
        }
        c.resize(batch, contextInputs, contextRows);
        return c;
    }

    void release(Call c) {
        idle.add(c);
        if (closed) {
            drainIdle(); // close() may have drained before this call came back
        }
    }

    private void drainIdle() {
        Call c;
        while ((c = idle.poll()) != null) {
            c.closeNative();
        }
    }

    OrtSession session() {
        return session;
    }

    /**
     * @return the graph's custom ONNX metadata ({@code metadata_props}), e.g. {@link dev.mawm.models.Names#META_COMPONENT};
     *     empty when ONNX Runtime cannot read it
     */
    public Map<String, String> metadata() {
        Map<String, String> m = metadata;
        if (m == null) {
            try {
                m = Map.copyOf(session.getMetadata().getCustomMetadata());
            } catch (OrtException e) {
                m = Map.of();
            }
            metadata = m;
        }
        return m;
    }

    /**
     * Runs the graph on heap tensors, checking names, dtypes, shapes and finiteness of float inputs.
     *
     * @param inputs one tensor per graph input, by name
     * @return every graph output by name, in graph order
     * @throws IllegalArgumentException naming the input and the expectation
     * @throws IllegalStateException    when ONNX Runtime fails or the component is closed
     */
    public Map<String, HostTensor> run(Map<String, HostTensor> inputs) {
        ensureOpen();
        checkInputs(inputs);
        Map<String, OnnxTensor> feed = new LinkedHashMap<>();
        try {
            for (TensorSpec in : spec.inputs()) {
                HostTensor t = inputs.get(in.name());
                feed.put(in.name(), t.floats() != null
                        ? OnnxTensor.createTensor(OrtEnv.get(), FloatBuffer.wrap(t.floats()), t.shape())
                        : OnnxTensor.createTensor(OrtEnv.get(), IntBuffer.wrap(t.ints()), t.shape()));
            }
            Map<String, HostTensor> out = new LinkedHashMap<>();
            try (OrtSession.Result result = session.run(feed)) {
                for (TensorSpec o : spec.outputs()) {
                    OnnxValue v = result.get(o.name()).orElseThrow(() ->
                            new IllegalStateException(file + ": graph produced no output '" + o.name() + "'"));
                    out.put(o.name(), toHost((OnnxTensor) v));
                }
            }
            return out;
        } catch (OrtException e) {
            throw new IllegalStateException(file + ": ONNX Runtime failed to run component '" + name() + "': "
                    + e.getMessage(), e);
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    private void checkInputs(Map<String, HostTensor> inputs) {
        if (!inputs.keySet().equals(java.util.Set.copyOf(spec.inputs().stream().map(TensorSpec::name).toList()))) {
            throw new IllegalArgumentException("component '" + name() + "' takes inputs "
                    + spec.inputs().stream().map(TensorSpec::name).toList() + ", got " + inputs.keySet());
        }
        for (TensorSpec in : spec.inputs()) {
            HostTensor t = inputs.get(in.name());
            if (!in.dtype().equals(t.dtype()) || !in.accepts(t.shape())) {
                throw new IllegalArgumentException("component '" + name() + "' input '" + in.name() + "' must be "
                        + in.dtype() + in.shape() + " (-1: any size), got " + t.describe());
            }
            if (t.floats() != null) {
                Inputs.requireFinite("component '" + name() + "' input '" + in.name() + "'", t.floats(), t.size());
            }
        }
    }

    private static HostTensor toHost(OnnxTensor t) {
        TensorInfo info = t.getInfo();
        long[] shape = info.getShape();
        return switch (info.type) {
            case FLOAT -> {
                FloatBuffer b = t.getFloatBuffer();
                float[] a = new float[b.remaining()];
                b.get(a);
                yield HostTensor.f32(shape, a);
            }
            case INT32 -> {
                IntBuffer b = t.getIntBuffer();
                int[] a = new int[b.remaining()];
                b.get(a);
                yield HostTensor.i32(shape, a);
            }
            default -> throw new IllegalStateException("unsupported output element type " + info.type
                    + " of shape " + Arrays.toString(shape));
        };
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("component '" + name() + "' (" + file + ") is closed");
        }
    }

    /** Closes the session and every pooled call; callers must have finished (the bundle's leases ensure it). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        drainIdle();
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(file + ": failed to close the ONNX Runtime session: " + e.getMessage(), e);
        }
    }
}
