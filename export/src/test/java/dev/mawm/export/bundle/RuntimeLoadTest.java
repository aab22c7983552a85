package dev.mawm.export.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.export.TestNets;
import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.checkpoint.Checkpoint;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.ComponentCheck;
import dev.mawm.runtime.VerifyReport;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime's loader accepts what the writer produces: schema, family rules, checksums, interfaces, golden replay. */
class RuntimeLoadTest {
    @TempDir
    Path dir;

    @Test
    void runtimeLoadsAndReplaysExportedMlpAndGruBundles() {
        for (Checkpoint ckpt : new Checkpoint[] {TestNets.mlpCheckpoint(2, 5), TestNets.gruCheckpoint(6)}) {
            Path b = dir.resolve(ckpt.spec().family());
            BundleManifest written = BundleWriter.write(ckpt, b, ExportOptions.defaults("t", "1").withHorizon(4), new TfGoldenReference(),
                    Map.of());
            try (Bundle bundle = Bundle.load(b)) {
                VerifyReport r = bundle.replayGolden();
                assertTrue(r.passed(), r.toString());
                assertEquals(written.components().size(), r.checks().size());
                for (ComponentCheck c : r.checks()) {
                    assertTrue(c.maxError() <= 1e-5, c.toString());
                }
            }
        }
    }
}
