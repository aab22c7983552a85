package dev.mawm.runtime;

import dev.mawm.models.io.Sha256;
import dev.mawm.models.Names;
import dev.mawm.models.bundle.ActionSpace;
import dev.mawm.models.bundle.BundleDims;
import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.bundle.ComponentSpec;
import dev.mawm.models.bundle.GoldenSpec;
import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.models.config.CemConfig;
import dev.mawm.models.nn.mlp.MlpFamily;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import dev.mawm.runtime.family.MlpRuntime;
import java.util.Map;

/**
 * Writes structurally valid mlp bundle directories whose files are placeholder bytes (not ONNX): enough for the
 * loader steps that run before ONNX Runtime (manifest, presence, checksums).
 */
final class FakeBundles {
    static final int S = 4;
    static final int L = 6;
    static final int A = 2;
    static final int H = 3;

    private FakeBundles() {
    }

    /** @return the default planner settings with horizon {@code h} (a manifest's planning horizon equals dims.horizon) */
    static CemConfig horizon(int h) {
        CemConfig d = CemConfig.defaults();
        return new CemConfig(h, d.samples(), d.elites(), d.iterations(), d.alpha(), d.pMin(), d.discount(), d.keepElites(),
                d.includeMode(), d.beta(), d.seed());
    }

    static BundleManifest write(Path dir) throws IOException {
        BundleDims dims = new BundleDims(S, L, A, H, 1, Map.of());
        List<ComponentSpec> components = new ArrayList<>();
        List<GoldenSpec> golden = new ArrayList<>();
        for (String name : MlpFamily.INSTANCE.components(H)) {
            List<TensorSpec> in = MlpFamily.INSTANCE.inputNames(name, Map.of()).stream()
                    .map(t -> ManifestRules.expected(MlpRuntime.INSTANCE, t, dims, H)).toList();
            List<TensorSpec> out = MlpFamily.INSTANCE.outputNames(name).stream()
                    .map(t -> ManifestRules.expected(MlpRuntime.INSTANCE, t, dims, H)).toList();
            byte[] graph = ("not really onnx: " + name).getBytes(StandardCharsets.UTF_8);
            byte[] gold = ("not really golden: " + name).getBytes(StandardCharsets.UTF_8);
            Files.createDirectories(dir.resolve(GoldenSpec.DIRECTORY));
            Files.write(dir.resolve(ComponentSpec.defaultFile(name)), graph);
            Files.write(dir.resolve(GoldenSpec.defaultFile(name)), gold);
            components.add(new ComponentSpec(name, ComponentSpec.defaultFile(name), Sha256.hex(graph), in, out));
            golden.add(new GoldenSpec(name, GoldenSpec.defaultFile(name), Sha256.hex(gold), 1e-5, 8));
        }
        BundleManifest m = new BundleManifest(1, "fake", "1", MlpFamily.NAME, dims, ActionSpace.discrete(A), null,
                components, horizon(H), Map.of(), golden);
        m.write(dir.resolve(BundleManifest.FILE_NAME));
        return m;
    }
}
