package dev.mawm.cli.commands;

import dev.mawm.cli.ConfigOptions;
import dev.mawm.cli.JsonOption;
import dev.mawm.cli.MawmCommand;
import dev.mawm.cli.QuietOption;
import dev.mawm.cli.Report;
import dev.mawm.cli.SeedOption;
import dev.mawm.models.config.ConfigLoader;
import dev.mawm.models.config.MawmConfig;
import dev.mawm.training.TrainRun;
import dev.mawm.training.TrainingFamilies;
import dev.mawm.training.TrainingFamily;
import dev.mawm.training.loop.TrainResult;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mawm train}: trains a world-model family on a dataset and writes a checkpoint directory
 * ({@code weights.safetensors}, {@code spec.json}, {@code metrics.json}, {@code loss.png},
 * {@code train_state.safetensors}); see docs/training.md.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a world model (TensorFlow Java, CPU by default) and write a checkpoint directory.",
            "Families: mlp (seed 004 MLP world model, ensemble), gru (seed 001 GRU world model); both train on cartpole datasets.",
            "jepa2 (seeds 003/000 multi-agent JEPA world model) trains on grid2 datasets and reports held-out quality bars."})
public final class TrainCommand implements MawmCommand {
    @Option(names = "--family", required = true, paramLabel = "FAMILY", completionCandidates = Families.class,
            description = "A registered family: ${COMPLETION-CANDIDATES} (TrainingFamilies).")
    String family;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Dataset file from 'mawm collect'.")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (files replaced atomically).")
    Path out;

    @Option(names = "--resume", description = "Continue the run saved in --out (weights, Adam state, step count).")
    boolean resume;

    @Option(names = "--quick", description = "A small config for a fast run, where the family defines one (jepa2: "
            + "Jepa2Config.quick replaces every jepa2.* setting); --set still applies after it.")
    boolean quick;

    @Mixin
    SeedOption seed;

    @Mixin
    QuietOption quiet;

    @Mixin
    ConfigOptions config;

    @Mixin
    JsonOption json;

    /** The names picocli lists in {@code --family}'s help: the registered families, in registration order. */
    static final class Families implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return TrainingFamilies.names().iterator();
        }
    }

    @Override
    public Integer call() {
        TrainingFamilies.find(family).orElseThrow(() -> new IllegalArgumentException("--family must be one of "
                + TrainingFamilies.names() + ", got '" + family + "'"));
        MawmConfig cfg = config.load();
        if (seed.given()) {
            cfg = ConfigLoader.load(MawmConfig.class, cfg, List.of(), List.of("train.seed=" + seed.orElse(0)));
        }
        if (quick) {
            List<String> quickOverrides = TrainingFamilies.get(family).quickOverrides();
            if (quickOverrides.isEmpty()) {
                List<String> withQuick = TrainingFamilies.all().stream().filter(f -> !f.quickOverrides().isEmpty())
                        .map(TrainingFamily::name).toList();
                throw new IllegalArgumentException("--quick is defined for --family " + String.join(" or ", withQuick)
                        + " only, got '" + family + "'");
            }
            // the quick config replaces the family's settings; the user's --set still wins over it
            List<String> then = new java.util.ArrayList<>(quickOverrides);
            then.addAll(config.overrides());
            cfg = ConfigLoader.load(MawmConfig.class, cfg, List.of(), then);
        }
        TrainResult r = TrainRun.run(family, data, out, cfg, resume, quiet.progress());
        Report report = new Report("train " + family)
                .put("family", r.family())
                .put("out", out.toString())
                .put("steps", r.steps())
                .put("bestStep", r.bestStep())
                .put("stoppedEarly", r.stoppedEarly())
                .put("seconds", r.seconds())
                .put("stepsPerSecond", r.stepsPerSecond())
                .put("trainLoss", r.trainLoss())
                .put("valLoss", r.valLoss());
        for (Map.Entry<String, Object> e : r.metrics().entrySet()) {
            if (!(e.getValue() instanceof List<?>) && !(e.getValue() instanceof double[]) && !(e.getValue() instanceof Map<?, ?>)) {
                report.put(e.getKey(), e.getValue());
            }
        }
        json.print(report);
        return 0;
    }
}
