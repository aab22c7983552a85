package dev.mawm.runtime.family;

import dev.mawm.models.bundle.BundleDims;
import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.models.nn.iris.IrisNames;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.engine.FamilyEngine;
import dev.mawm.runtime.engine.IrisEngine;
import java.nio.file.Path;
import java.util.Optional;

/** Family {@code iris} in the {@code runtime} layer: the rules of {@link IrisRules}; engine {@link IrisEngine}. */
public final class IrisRuntime implements RuntimeFamily {
    /** The one instance, registered in {@link RuntimeFamilies}. */
    public static final IrisRuntime INSTANCE = new IrisRuntime();

    private IrisRuntime() {
    }

    @Override
    public String name() {
        return IrisNames.FAMILY;
    }

    @Override
    public void checkManifest(BundleManifest m, Path file) {
        IrisRules.check(m, file);
    }

    @Override
    public Optional<TensorSpec> expected(String tensor, BundleDims d, int horizon) {
        return Optional.ofNullable(IrisRules.expected(tensor, d, horizon));
    }

    @Override
    public FamilyEngine engine(Bundle bundle) {
        return new IrisEngine(bundle);
    }
}
