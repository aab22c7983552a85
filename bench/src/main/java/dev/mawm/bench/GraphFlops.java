package dev.mawm.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mawm.models.bundle.ComponentSpec;
import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.OrtEnv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The arithmetic one call of a bundle's graph really does, counted by ONNX Runtime's own profiler: the graph is
 * loaded into a profiling session (same options as the runtime: all graph optimizations, one thread), run at
 * the given input sizes ({@value #RUNS} times), and every kernel of the profile is read back with its operator and its input and output
 * shapes. Multiply-adds are counted for the matrix kernels as they run after ONNX Runtime's fusions
 * ({@code MatMul}, {@code Gemm}, {@code FusedGemm}, {@code FusedMatMul}: output elements × the contracted size;
 * {@code Conv}, {@code FusedConv}: output elements × the filter's {@code C/group · kh · kw}); elementwise and data
 * movement kernels count no FLOPs. So a figure is the graph's executed matrix arithmetic, zero padding included.
 *
 * @param flops     2 × the multiply-adds of one call
 * @param kernels   kernels run in one call
 * @param timeShare per operator type, its share of the profiled kernel time (sums to 1)
 */
record GraphFlops(double flops, int kernels, Map<String, Double> timeShare) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Profiled runs: counts are per run; time shares are over all runs (the first run's one-off costs diluted). */
    private static final int RUNS = 20;

    /**
     * @param bundle    the loaded bundle (its manifest names the graph file)
     * @param component the component's name
     * @param batch     rows of every input whose leading dimension is dynamic, except those in {@code rows}
     * @param rows      rows per input name, overriding {@code batch}
     * @return the counts of one call (inputs: 0.5 in every float, 0 in every int)
     */
    static GraphFlops profile(Bundle bundle, String component, int batch, Map<String, Integer> rows) {
        ComponentSpec spec = bundle.component(component).spec();
        Path file = bundle.directory().resolve(spec.file());
        OrtEnvironment env = OrtEnv.get();
        Path dir;
        try {
            dir = Files.createTempDirectory("mawm-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
            o.setIntraOpNumThreads(1);
            o.setInterOpNumThreads(1);
            o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            o.enableProfiling(dir.resolve("p").toString());
            try (OrtSession s = env.createSession(Files.readAllBytes(file), o)) {
                for (TensorSpec t : spec.inputs()) {
                    long[] shape = t.shapeArray();
                    if (shape.length > 0 && shape[0] == TensorSpec.DYNAMIC) {
                        shape[0] = rows.getOrDefault(t.name(), batch);
                    }
                    inputs.put(t.name(), tensor(env, t, shape));
                }
                for (int r = 0; r < RUNS; r++) {
                    s.run(inputs).close();
                }
                Path profile = Path.of(s.endProfiling());
                try {
                    GraphFlops all = parse(JSON.readTree(profile.toFile()));
                    return new GraphFlops(all.flops() / RUNS, all.kernels() / RUNS, all.timeShare());
                } finally {
                    Files.deleteIfExists(profile);
                }
            }
        } catch (OrtException e) {
            throw new IllegalStateException("cannot profile " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
            try {
                Files.deleteIfExists(dir);
            } catch (IOException ignored) {
                // a leftover empty temporary directory
            }
        }
    }

    private static OnnxTensor tensor(OrtEnvironment env, TensorSpec t, long[] shape) throws OrtException {
        int n = Math.toIntExact(Arrays.stream(shape).reduce(1, (a, b) -> a * b));
        if (TensorSpec.INT32.equals(t.dtype())) {
            return OnnxTensor.createTensor(env, IntBuffer.wrap(new int[n]), shape);
        }
        float[] v = new float[n];
        Arrays.fill(v, 0.5f);
        return OnnxTensor.createTensor(env, FloatBuffer.wrap(v), shape);
    }

    /** Reads the kernels of one profiled run (Chrome trace events, category Node, names ending in _kernel_time). */
    static GraphFlops parse(JsonNode events) {
        double macs = 0;
        int kernels = 0;
        Map<String, Double> time = new TreeMap<>();
        double total = 0;
        for (JsonNode e : events) {
            if (!"Node".equals(e.path("cat").asText()) || !e.path("name").asText().endsWith("_kernel_time")) {
                continue;
            }
            JsonNode args = e.path("args");
            String op = args.path("op_name").asText();
            kernels++;
            double dur = e.path("dur").asDouble();
            time.merge(op, dur, Double::sum);
            total += dur;
            macs += macs(op, shapes(args.path("input_type_shape")), shapes(args.path("output_type_shape")));
        }
        Map<String, Double> share = new TreeMap<>();
        for (Map.Entry<String, Double> t : time.entrySet()) {
            share.put(t.getKey(), total > 0 ? t.getValue() / total : 0);
        }
        return new GraphFlops(2 * macs, kernels, Map.copyOf(share));
    }

    private static List<long[]> shapes(JsonNode list) {
        List<long[]> out = new ArrayList<>();
        for (JsonNode typed : list) {
            JsonNode dims = typed.elements().hasNext() ? typed.elements().next() : null;
            long[] s = new long[dims == null ? 0 : dims.size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = dims.get(i).asLong();
            }
            out.add(s);
        }
        return out;
    }

    private static double macs(String op, List<long[]> in, List<long[]> out) {
        if (out.isEmpty() || in.isEmpty()) {
            return 0;
        }
        double outElems = Arrays.stream(out.get(0)).asDoubleStream().reduce(1, (a, b) -> a * b);
        long[] a = in.get(0);
        // the profile lists only the inputs that are not initializers: a constant weight is missing, and what
        // follows the activation may be a bias
        long[] b = in.size() > 1 ? in.get(1) : new long[0];
        return switch (op) {
            case "MatMul", "Gemm", "FusedGemm", "FusedMatMul" -> outElems * contracted(a, b);
            case "Conv", "FusedConv" -> b.length < 2 ? Double.NaN : outElems * Arrays.stream(b).skip(1).asDoubleStream().reduce(1, (x, y) -> x * y);
            default -> 0;
        };
    }

    /**
     * The contracted size of a matrix product {@code a · b}: {@code a}'s last dimension unless {@code b} (when the
     * profile names it as a matrix) shows that {@code a} is transposed.
     */
    private static long contracted(long[] a, long[] b) {
        if (a.length == 0) {
            return 0;
        }
        long aLast = a[a.length - 1];
        if (b.length < 2) {
            return aLast;  // b is a constant weight (not listed) or the bias after it
        }
        long bRows = b[b.length - 2];
        long bCols = b[b.length - 1];
        if (aLast == bRows || aLast == bCols || a.length == 1) {
            return aLast;  // a · b, or a · bᵀ
        }
        return a[a.length - 2];  // aᵀ · b
    }
}
