package dev.mawm.cli.commands;

import dev.mawm.cli.JsonOption;
import dev.mawm.cli.MawmCommand;
import dev.mawm.cli.Report;
import dev.mawm.cli.ThreadsOption;
import dev.mawm.models.bundle.BundleException;
import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.bundle.BundleRule;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.ComponentCheck;
import dev.mawm.runtime.Device;
import dev.mawm.runtime.EngineOptions;
import dev.mawm.runtime.VerifyReport;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mawm verify BUNDLE}: validates a bundle (manifest, files, SHA-256, graph interfaces) and replays every
 * golden file, printing each component's max error; exits 1 on any mismatch. A failed rule is named by its stable
 * code ({@link BundleRule#code()}) in the report's {@code rule} field, the message in {@code message}.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Validate a bundle and replay its golden I/O; exit 1 on any mismatch.")
public final class VerifyCommand implements MawmCommand {
    @Parameters(index = "0", paramLabel = "BUNDLE", description = "The bundle directory.")
    Path bundle;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu or cuda (falls back to cpu with a warning).")
    String device;

    @Mixin
    ThreadsOption threads;

    @Mixin
    JsonOption json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        EngineOptions options = threads.applyTo(EngineOptions.defaults().withDevice(Device.parse(device)));
        VerifyReport report;
        try {
            report = Bundle.verify(bundle, options);
        } catch (BundleException e) {
            Report r = new Report("verify " + bundle);
            r.put("bundle", bundle.toString());
            r.put("passed", false);
            r.put("rule", e.rule().code());
            r.put("message", e.getMessage());
            json.print(r);
            throw e;
        }
        Report r = new Report("verify " + bundle);
        r.put("bundle", bundle.toString());
        r.put("device", report.device().active().name().toLowerCase(java.util.Locale.ROOT));
        if (report.device().fellBack()) {
            r.put("deviceFallback", report.device().fallbackReason());
        }
        r.put("passed", report.passed());
        if (!report.passed()) {
            r.put("rule", BundleRule.GOLDEN_MISMATCH.code());
        }
        Report.Table t = r.table("components", "component", "samples", "maxError", "tolerance", "worstOutput",
                "worstIndex", "status");
        BundleManifest manifest = BundleManifest.read(bundle);
        for (ComponentCheck c : report.checks()) {
            int samples = manifest.goldenFor(c.component()).orElseThrow().samples();
            t.row(c.component(), samples, c.maxError(), c.tolerance(), c.worstOutput(), c.worstIndex(),
                    c.passed() ? "ok" : "MISMATCH");
        }
        json.print(r);
        if (!report.passed()) {
            report.checks().stream().filter(c -> !c.passed())
                    .forEach(c -> spec.commandLine().getErr().println("mawm verify: " + c.describe(bundle)));
            spec.commandLine().getErr().flush();
            return 1;
        }
        return 0;
    }
}
