package dev.mawm.runtime.family;

import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.nn.mlp.MlpFamily;
import dev.mawm.models.nn.mlp.MlpNames;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.engine.FamilyEngine;
import dev.mawm.runtime.engine.MlpEngine;
import java.util.Map;

/**
 * Family {@code mlp} in the {@code runtime} layer: bundles may hold an ensemble, every graph carries
 * {@value MlpNames#META_ENSEMBLE_SIZE} = {@code dims.ensembleSize}, engine {@link MlpEngine}.
 */
public final class MlpRuntime implements RuntimeFamily {
    /** The one instance, registered in {@link RuntimeFamilies}. */
    public static final MlpRuntime INSTANCE = new MlpRuntime();

    private MlpRuntime() {
    }

    @Override
    public String name() {
        return MlpFamily.NAME;
    }

    @Override
    public boolean ensembles() {
        return true;
    }

    @Override
    public Map<String, String> graphMetadata(BundleManifest m) {
        return Map.of(MlpNames.META_ENSEMBLE_SIZE, Integer.toString(m.dims().ensembleSize()));
    }

    @Override
    public FamilyEngine engine(Bundle bundle) {
        return new MlpEngine(bundle);
    }
}
