package dev.mawm.cli.commands;

import dev.mawm.cli.ConfigOptions;
import dev.mawm.cli.JsonOption;
import dev.mawm.cli.MawmCommand;
import dev.mawm.cli.Report;
import dev.mawm.cli.SeedOption;
import dev.mawm.export.Exporter;
import dev.mawm.export.bundle.ExportOptions;
import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.bundle.ComponentSpec;
import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.models.config.CemConfig;
import java.nio.file.Path;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mawm export --checkpoint DIR --out BUNDLE} (or {@code --from-bundle BUNDLE}): writes a model bundle (one ONNX graph per component,
 * the fused rollout {@code rollout_h{H}}, golden files computed by TensorFlow, {@code bundle.json}); an
 * existing bundle at {@code --out} is replaced only once the new one is complete. The manifest's planning defaults
 * are the config's {@code cem} section ({@code --config} / {@code --set cem.*}), with {@code cem.horizon} set to
 * {@code --horizon} when given.
 *
 * <p>{@code --from-bundle} exports an existing bundle's weights again with this exporter (for a jepa2 or iris bundle
 * whose checkpoint is gone, to take up a newer graph lowering; {@link dev.mawm.export.bundle.BundleWeights}): name,
 * version, horizon and planning defaults are the source bundle's unless {@code --name}, {@code --bundle-version} or
 * {@code --horizon} are given; {@code --config}/{@code --set} do not apply.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a checkpoint as an ONNX model bundle with golden files.")
public final class ExportCommand implements MawmCommand {
    @Option(names = "--checkpoint", paramLabel = "DIR", description = "Checkpoint directory (spec.json + weights.safetensors).")
    Path checkpoint;

    @Option(names = "--from-bundle", paramLabel = "BUNDLE",
            description = "Instead of a checkpoint: re-export this jepa2/iris bundle's weights with this exporter (same name, "
                    + "version, horizon and planning defaults unless given; may equal --out).")
    Path fromBundle;

    @Option(names = "--out", required = true, paramLabel = "BUNDLE", description = "Bundle directory to create or replace.")
    Path out;

    @Option(names = "--horizon", paramLabel = "H",
            description = "Horizon of the fused rollout graph; also the planning defaults' cem.horizon (default: cem.horizon, "
                    + "12 unless set).")
    Integer horizon;

    @Option(names = "--name", paramLabel = "NAME", description = "Bundle name (default: the output directory's name, or the source's with --from-bundle).")
    String name;

    @Option(names = "--bundle-version", paramLabel = "VERSION", description = "Bundle version (default: 1, or the source's).")
    String version;

    @Option(names = "--golden-batch", paramLabel = "N", description = "Batch size of the golden inputs (default: ${DEFAULT-VALUE}).")
    int goldenBatch = ExportOptions.DEFAULT_GOLDEN_BATCH;

    /** The golden inputs' seed: {@code --seed}, as on every seeded command; 0 without it. */
    @Mixin
    SeedOption seed;

    /** The earlier spelling of {@code --seed}, still read (hidden from the help). */
    @Option(names = "--golden-seed", paramLabel = "SEED", hidden = true, description = "Same as --seed.")
    Long goldenSeed;

    @Mixin
    ConfigOptions config;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        if (goldenSeed != null && seed.given() && goldenSeed != seed.orElse(0)) {
            throw new IllegalArgumentException("--golden-seed " + goldenSeed + " and --seed " + seed.orElse(0)
                    + " disagree; --golden-seed is the older name of --seed, give one");
        }
        if ((checkpoint == null) == (fromBundle == null)) {
            throw new IllegalArgumentException("give exactly one of --checkpoint DIR and --from-bundle BUNDLE");
        }
        long goldenInputsSeed = goldenSeed != null ? goldenSeed : seed.orElse(0);
        BundleManifest source = null;
        if (fromBundle != null) {
            if (config.given()) {
                throw new IllegalArgumentException("--config/--set do not apply with --from-bundle: the planning defaults are the "
                        + "source bundle's (give --horizon to change the rollout horizon)");
            }
            source = BundleManifest.read(fromBundle.resolve(BundleManifest.FILE_NAME));
        }
        String bundleName = name != null ? name : source != null ? source.name() : out.toAbsolutePath().normalize().getFileName().toString();
        String bundleVersion = version != null ? version : source != null ? source.version() : "1";
        CemConfig cem = source != null ? source.planningDefaults() : config.load().cem();
        ExportOptions options = new ExportOptions(bundleName, bundleVersion, cem.horizon(), goldenBatch, goldenInputsSeed,
                ExportOptions.defaults(bundleName, bundleVersion).goldenTolerance(), cem)
                .withHorizon(horizon != null ? horizon : cem.horizon());
        BundleManifest m = source != null ? Exporter.reexport(fromBundle, out, options) : Exporter.export(checkpoint, out, options);

        Report report = new Report("export " + m.name() + " " + m.version())
                .put("bundle", out.toAbsolutePath().normalize().toString())
                .put("family", m.family())
                .put("stateSize", m.dims().stateSize())
                .put("latentSize", m.dims().latentSize())
                .put("actionCount", m.dims().actionCount())
                .put("ensembleSize", m.dims().ensembleSize())
                .put("horizon", m.dims().horizon());
        Report.Table t = report.table("components", "name", "file", "inputs", "outputs", "sha256");
        for (ComponentSpec c : m.components()) {
            t.row(c.name(), c.file(), describe(c.inputs()), describe(c.outputs()), c.sha256().substring(0, 12));
        }
        json.print(report);
        return 0;
    }

    private static String describe(java.util.List<TensorSpec> specs) {
        return specs.stream().map(s -> s.name() + ":" + (TensorSpec.INT32.equals(s.dtype()) ? "i32" : "f32")
                + s.shape().stream().map(d -> d == TensorSpec.DYNAMIC ? "N" : Long.toString(d)).collect(Collectors.joining(",", "[", "]")))
                .collect(Collectors.joining(" "));
    }
}
