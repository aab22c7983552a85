package dev.mawm.cli.eval.grid2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mawm.envs.Envs;
import dev.mawm.cli.Report;
import dev.mawm.cli.eval.LatencyStats;
import dev.mawm.envs.render.BarChart;
import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.config.CemConfig;
import dev.mawm.models.config.Grid2Config;
import dev.mawm.models.config.MawmConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** The grid2 evaluation's config defaults (from the bundle), its table / JSON report, and its bar chart. */
public final class Grid2Reports {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Grid2Reports() {
    }

    /**
     * The config an evaluation of {@code manifest} starts from: the defaults, with the grid2 section the bundle was
     * trained with (its provenance {@code config.grid2}, when recorded) and the bundle's planning defaults as {@code cem}.
     *
     * @param manifest a bundle manifest
     * @return the base config (files and {@code --set} overrides apply on top)
     */
    public static MawmConfig bundleDefaults(BundleManifest manifest) {
        MawmConfig d = MawmConfig.defaults();
        Grid2Config grid = d.grid2();
        Object cfg = manifest.provenance().get("config");
        if (cfg != null) {
            JsonNode g = JSON.valueToTree(cfg).path(Envs.GRID2);
            if (g.isObject()) {
                try {
                    grid = JSON.treeToValue(g, Grid2Config.class);
                } catch (IOException | IllegalArgumentException e) {
                    throw new IllegalArgumentException("bundle provenance config.grid2 is not a valid grid2 config: " + e.getMessage(), e);
                }
            }
        }
        return d.withGrid2(grid).withCem(manifest.planningDefaults());
    }

    /**
     * @param bundle the bundle directory
     * @param eval   the evaluation's settings
     * @param cem    the planner settings
     * @param r      the results
     * @param chart  the bar chart file
     * @return the report (table {@code results}, one row per policy)
     */
    public static Report report(Path bundle, Grid2Eval eval, CemConfig cem, Grid2Evaluation r, Path chart) {
        Grid2Config g = eval.config();
        Report report = new Report("eval grid2 " + eval.scenario())
                .put("env", Envs.GRID2)
                .put("bundle", bundle.toString())
                .put("scenario", eval.scenario())
                .put("grid", g.width() + "x" + g.height() + ", density " + g.wallDensity() + ", " + g.stepLimit() + " steps, "
                        + (g.messagePosition() ? "51" : "49") + "-integer messages")
                .put("planning", "H " + cem.horizon() + ", N " + cem.samples() + ", K " + cem.elites() + ", I " + cem.iterations()
                        + ", revisit penalty " + r.revisitPenalty())
                .put("chart", chart.toString())
                .put("seconds", r.seconds());
        table(report, "results", r.results());
        if (!r.codecs().isEmpty()) {
            codecTable(report, r.codecs());
        }
        return report;
    }

    /**
     * Adds table {@code codecs}: per codec × mode, the planner's team success against the real bits sent per episode
     * (all, and messages alone), its arrivals, and the information-limited oracle's success with the same messages.
     *
     * @param report the report
     * @param rows   the codec × mode results
     */
    public static void codecTable(Report report, List<Grid2CodecResult> rows) {
        Report.Table t = report.table("codecs", "codec", "comm", "teamSuccess", "bitsPerEpisode", "messageBitsPerEpisode",
                "arrivalSeer", "arrivalBlind", "informedSuccess");
        for (Grid2CodecResult c : rows) {
            Grid2PolicyResult p = c.planner();
            t.row(c.codec(), c.mode(), p.teamSuccess(), p.bits(), p.messageBits(), orNull(p.arrivalSeer()), orNull(p.arrivalBlind()),
                    c.informed().teamSuccess());
        }
    }

    /**
     * Writes the planner's team success against bits sent per episode (log x axis), one series per communication mode,
     * one point per codec (modes that send nothing are left out: no point on a log axis).
     *
     * @param file  the PNG
     * @param title its title
     * @param rows  the codec × mode results
     * @return whether a chart was written (false when no row sent any bits)
     */
    public static boolean codecChart(Path file, String title, List<Grid2CodecResult> rows) {
        java.util.Map<String, List<double[]>> series = new java.util.LinkedHashMap<>();
        java.util.Map<String, List<String>> labels = new java.util.LinkedHashMap<>();
        for (Grid2CodecResult c : rows) {
            series.computeIfAbsent(c.mode(), k -> new java.util.ArrayList<>()).add(new double[] {c.planner().bits(), c.planner().teamSuccess()});
            labels.computeIfAbsent(c.mode(), k -> new java.util.ArrayList<>()).add(c.codec());
        }
        if (rows.stream().noneMatch(c -> c.planner().bits() > 0)) {
            return false;
        }
        dev.mawm.cli.eval.EvalPlots.successVsBits(file, title, series, labels);
        return true;
    }

    /**
     * Adds one row per policy: success, steps, SPL, arrivals, blocked moves, bits, latency.
     *
     * @param report  the report
     * @param name    the table's name
     * @param results the policies
     */
    public static void table(Report report, String name, List<Grid2PolicyResult> results) {
        Report.Table t = report.table(name, "policy", "teamSuccess", "meanSteps", "spl", "arrival", "arrivalSeer", "arrivalBlind",
                "blocked", "bitsPerEpisode", "latencyMedianMs", "latencyP99Ms");
        for (Grid2PolicyResult p : results) {
            LatencyStats l = p.latency();
            t.row(p.policy(), p.teamSuccess(), orNull(p.meanSteps()), p.spl(), p.arrival(), orNull(p.arrivalSeer()),
                    orNull(p.arrivalBlind()), orNull(p.blocked()), p.bits(), l == null ? null : l.medianMs(), l == null ? null : l.p99Ms());
        }
    }

    /** JSON has no NaN: a figure that does not exist (no success, no comm scenario, untimed) is null ("-" in text). */
    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }

    /**
     * Writes a bar chart of team success per policy (atomically: temp file + rename).
     *
     * @param file    the PNG
     * @param title   its title
     * @param results the policies
     */
    public static void chart(Path file, String title, List<Grid2PolicyResult> results) {
        double[] v = results.stream().mapToDouble(Grid2PolicyResult::teamSuccess).toArray();
        try {
            BarChart.write(file, title, results.stream().map(Grid2PolicyResult::policy).toList(), v, 1.0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
