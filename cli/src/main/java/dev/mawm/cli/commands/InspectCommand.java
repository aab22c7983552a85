package dev.mawm.cli.commands;

import dev.mawm.cli.JsonOption;
import dev.mawm.cli.MawmCommand;
import dev.mawm.cli.Report;
import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.bundle.ComponentSpec;
import dev.mawm.models.bundle.GoldenSpec;
import dev.mawm.models.bundle.TensorSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code mawm inspect BUNDLE}: the manifest's components, shapes, planning defaults and provenance. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show a bundle's components, tensor shapes, planning defaults and provenance.")
public final class InspectCommand implements MawmCommand {
    @Parameters(index = "0", paramLabel = "BUNDLE", description = "The bundle directory (or its bundle.json).")
    Path bundle;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        BundleManifest m = BundleManifest.read(bundle);
        Report r = new Report("inspect " + bundle);
        r.put("name", m.name());
        r.put("version", m.version());
        r.put("family", m.family());
        r.put("formatVersion", m.formatVersion());
        r.put("dims", m.dims());
        r.put("actionSpace", m.actionSpace());
        r.put("messageFormat", m.messageFormat());
        r.put("planningDefaults", m.planningDefaults());
        r.put("provenance", m.provenance());
        Report.Table c = r.table("components", "component", "file", "inputs", "outputs", "sha256");
        for (ComponentSpec s : m.components()) {
            c.row(s.name(), s.file(), signature(s.inputs()), signature(s.outputs()), s.sha256().substring(0, 12));
        }
        Report.Table g = r.table("golden", "component", "file", "tolerance", "samples");
        for (GoldenSpec s : m.golden()) {
            g.row(s.component(), s.file(), s.tolerance(), s.samples());
        }
        json.print(r);
        return 0;
    }

    private static String signature(List<TensorSpec> specs) {
        return specs.stream().map(t -> t.name() + ":" + t.dtype() + t.shape().toString().replace(" ", ""))
                .collect(Collectors.joining(" "));
    }
}
