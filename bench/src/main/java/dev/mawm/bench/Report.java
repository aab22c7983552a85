package dev.mawm.bench;

import dev.mawm.models.Names;
import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.models.nn.jepa2.Jepa2Names;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.engine.RolloutSequenceModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.CommandLineOptionException;

/**
 * Runs the benchmarks and prints every model figure as a fraction of the machine's FMA peak measured in the same
 * run ({@link PeakBenchmark}; the larger of the 256- and 512-bit figures). FLOPs per operation are counted from the
 * graphs as ONNX Runtime runs them ({@link GraphFlops}): one fused-rollout call for {@code modelCall} and
 * {@code teamModelCall}, I of them (the bundle's CEM iterations) for {@code decision} and {@code teamDecision}
 * (whose CEM bookkeeping, and for the team its single-step encode calls, take time but count no FLOPs).
 *
 * <p>{@code java -cp bench/target/benchmarks.jar dev.mawm.bench.Report [JMH options]}, e.g.
 * {@code -f 1 -wi 3 -w 2s -i 5 -r 2s -p samples=64,256,1024,4096}; without a benchmark pattern it runs every
 * benchmark of this module.
 */
public final class Report {
    private Report() {
    }

    /**
     * @param args JMH command-line options
     * @throws RunnerException when JMH fails
     * @throws CommandLineOptionException for bad options
     */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Collection<RunResult> results = new Runner(new CommandLineOptions(args)).run();
        double peak = 0;
        Map<String, Double> peaks = new HashMap<>();
        for (RunResult r : results) {
            String name = method(r);
            if (name.startsWith("fma")) {
                double gflops = peakFlopsPerOp(Integer.parseInt(name.substring(3))) / r.getPrimaryResult().getScore() / 1e3;
                peaks.put(name, gflops);
                peak = Math.max(peak, gflops);
            }
        }
        System.out.println();
        peaks.forEach((k, v) -> System.out.printf(Locale.ROOT, "peak %s: %.1f GFLOP/s (one core)%n", k, v));
        List<String> rows = new ArrayList<>();
        rows.add(String.format(Locale.ROOT, "%-16s %6s %12s %10s %10s %9s %9s %8s", "benchmark", "N", "time/op us",
                "MFLOP/op", "GFLOP/s", "of peak", "us/cand", "kernels"));
        Map<String, GraphFlops> cache = new HashMap<>();
        for (RunResult r : results) {
            String name = method(r);
            double us = r.getPrimaryResult().getScore();
            Workload w = workload(name, r, cache);
            if (w == null) {
                if (!name.startsWith("fma")) {
                    rows.add(String.format(Locale.ROOT, "%-16s %6s %12.1f", name, "", us));
                }
                continue;
            }
            double flops = w.calls * w.graph.flops();
            double gflops = flops / us / 1e3;
            rows.add(String.format(Locale.ROOT, "%-16s %6d %12.1f %10.1f %10.1f %8.1f%% %9.3f %8d", name, w.candidates,
                    us, flops / 1e6, gflops, peak > 0 ? 100 * gflops / peak : Double.NaN, us / w.candidates,
                    w.graph.kernels()));
        }
        rows.forEach(System.out::println);
        cache.forEach((k, g) -> System.out.println("kernel time by operator, " + k + ": " + top(g.timeShare())));
    }

    /**
     * @param bits the vector width of a {@link PeakBenchmark} benchmark, 256 or 512
     * @return FLOPs of one of its operations (an FMA counts as 2); the constants are inlined, so the Vector API
     *     classes are not loaded here
     */
    static double peakFlopsPerOp(int bits) {
        return 2.0 * (bits / 32) * PeakBenchmark.ACCUMULATORS * PeakBenchmark.ITERS;
    }

    private record Workload(GraphFlops graph, int calls, int candidates) {
    }

    private static String method(RunResult r) {
        String b = r.getParams().getBenchmark();
        return b.substring(b.lastIndexOf('.') + 1);
    }

    private static Workload workload(String name, RunResult r, Map<String, GraphFlops> cache) {
        String dir = r.getParams().getParam("bundle");
        if (dir == null) {
            return null;
        }
        boolean team = name.startsWith("team");
        if (!team && !name.equals("modelCall") && !name.equals("decision")) {
            return null;
        }
        try (Bundle b = PlannerFixture.load(dir)) {
            int iterations = PlannerFixture.planning(b).iterations();
            int n = team ? PlannerFixture.planning(b).samples() : Integer.parseInt(r.getParams().getParam("samples"));
            String component = Names.rollout(b.manifest().dims().horizon());
            GraphFlops g = cache.computeIfAbsent(dir + " N " + n, k -> team ? teamFlops(b, component, n) : stateFlops(b, component, n));
            int calls = name.endsWith("ecision") ? iterations : 1;
            return new Workload(g, calls, team ? 2 * n : n);
        }
    }

    /** A state rollout as the planner calls it: N candidates, the start as many rows as the adapter sends. */
    private static GraphFlops stateFlops(Bundle b, String component, int n) {
        int startRows = RolloutSequenceModel.startRows(b, n);
        return GraphFlops.profile(b, component, n, Map.of(Names.START_STATE, startRows));
    }

    /** The jepa2 team rollout: 2 agents' contexts (the leading context inputs), 2·N candidate rows. */
    private static GraphFlops teamFlops(Bundle b, String component, int n) {
        Map<String, Integer> rows = new HashMap<>();
        List<TensorSpec> in = b.component(component).spec().inputs();
        for (TensorSpec t : in) {
            if (!t.name().equals(Jepa2Names.AGENT) && !t.name().equals(Names.ACTIONS)) {
                rows.put(t.name(), 2);
            }
        }
        return GraphFlops.profile(b, component, 2 * n, rows);
    }

    private static String top(Map<String, Double> share) {
        StringBuilder s = new StringBuilder();
        share.entrySet().stream().sorted((a, c) -> Double.compare(c.getValue(), a.getValue())).limit(8)
                .forEach(e -> s.append(String.format(Locale.ROOT, "%s %.0f%%  ", e.getKey(), 100 * e.getValue())));
        return s.toString().trim();
    }
}
