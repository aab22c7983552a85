package dev.mawm.bench;

import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The machine's single-core FP32 fused-multiply-add peak, measured in plain Java (the JDK's Vector API, no native
 * code): {@value #ACCUMULATORS} independent vector accumulators, each updated {@code c = c·a + b} {@value #ITERS}
 * times per operation, so the loop is bound by the FMA ports' throughput, not by an FMA's latency or by memory.
 * One operation is {@code 2 · lanes · ACCUMULATORS · ITERS} FLOPs ({@link Report#peakFlopsPerOp}); {@link Report} divides
 * it by the measured time and prints every other figure as a fraction of it.
 *
 * <p>{@link #fma512}: 512-bit vectors (16 floats, AVX-512: what ONNX Runtime's MLAS kernels use on a CPU that has
 * it); {@link #fma256}: 256-bit vectors (8 floats, AVX2). On a CPU without AVX-512 the 512-bit species is not
 * intrinsified and {@code fma512} comes out far below {@code fma256}: the report then takes the larger of the two.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PeakBenchmark {
    /** Independent accumulators: more than FMA latency × FMA ports (4 × 2 on current x86 cores). */
    static final int ACCUMULATORS = 12;
    /** Loop trips per operation. */
    static final long ITERS = 100_000;

    private static final VectorSpecies<Float> S256 = FloatVector.SPECIES_256;
    private static final VectorSpecies<Float> S512 = FloatVector.SPECIES_512;

    /** @return a sum of the accumulators (so nothing is dead code) */
    @Benchmark
    public float fma512() {
        return fma512(ITERS);
    }

    /** @return a sum of the accumulators (so nothing is dead code) */
    @Benchmark
    public float fma256() {
        return fma256(ITERS);
    }

    private static float fma512(long iters) {
        FloatVector a = FloatVector.broadcast(S512, 0.999f);
        FloatVector b = FloatVector.broadcast(S512, 1e-4f);
        FloatVector c0 = FloatVector.broadcast(S512, 0);
        FloatVector c1 = FloatVector.broadcast(S512, 1);
        FloatVector c2 = FloatVector.broadcast(S512, 2);
        FloatVector c3 = FloatVector.broadcast(S512, 3);
        FloatVector c4 = FloatVector.broadcast(S512, 4);
        FloatVector c5 = FloatVector.broadcast(S512, 5);
        FloatVector c6 = FloatVector.broadcast(S512, 6);
        FloatVector c7 = FloatVector.broadcast(S512, 7);
        FloatVector c8 = FloatVector.broadcast(S512, 8);
        FloatVector c9 = FloatVector.broadcast(S512, 9);
        FloatVector c10 = FloatVector.broadcast(S512, 10);
        FloatVector c11 = FloatVector.broadcast(S512, 11);
        for (long i = 0; i < iters; i++) {
            c0 = c0.fma(a, b);
            c1 = c1.fma(a, b);
            c2 = c2.fma(a, b);
            c3 = c3.fma(a, b);
            c4 = c4.fma(a, b);
            c5 = c5.fma(a, b);
            c6 = c6.fma(a, b);
            c7 = c7.fma(a, b);
            c8 = c8.fma(a, b);
            c9 = c9.fma(a, b);
            c10 = c10.fma(a, b);
            c11 = c11.fma(a, b);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11).reduceLanes(VectorOperators.ADD);
    }

    private static float fma256(long iters) {
        FloatVector a = FloatVector.broadcast(S256, 0.999f);
        FloatVector b = FloatVector.broadcast(S256, 1e-4f);
        FloatVector c0 = FloatVector.broadcast(S256, 0);
        FloatVector c1 = FloatVector.broadcast(S256, 1);
        FloatVector c2 = FloatVector.broadcast(S256, 2);
        FloatVector c3 = FloatVector.broadcast(S256, 3);
        FloatVector c4 = FloatVector.broadcast(S256, 4);
        FloatVector c5 = FloatVector.broadcast(S256, 5);
        FloatVector c6 = FloatVector.broadcast(S256, 6);
        FloatVector c7 = FloatVector.broadcast(S256, 7);
        FloatVector c8 = FloatVector.broadcast(S256, 8);
        FloatVector c9 = FloatVector.broadcast(S256, 9);
        FloatVector c10 = FloatVector.broadcast(S256, 10);
        FloatVector c11 = FloatVector.broadcast(S256, 11);
        for (long i = 0; i < iters; i++) {
            c0 = c0.fma(a, b);
            c1 = c1.fma(a, b);
            c2 = c2.fma(a, b);
            c3 = c3.fma(a, b);
            c4 = c4.fma(a, b);
            c5 = c5.fma(a, b);
            c6 = c6.fma(a, b);
            c7 = c7.fma(a, b);
            c8 = c8.fma(a, b);
            c9 = c9.fma(a, b);
            c10 = c10.fma(a, b);
            c11 = c11.fma(a, b);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11).reduceLanes(VectorOperators.ADD);
    }
}
