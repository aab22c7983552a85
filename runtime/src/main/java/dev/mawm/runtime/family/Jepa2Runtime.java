package dev.mawm.runtime.family;

import dev.mawm.models.bundle.BundleDims;
import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.models.nn.jepa2.Jepa2Names;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.engine.FamilyEngine;
import dev.mawm.runtime.engine.Jepa2Engine;
import java.nio.file.Path;
import java.util.Optional;

/** Family {@code jepa2} in the {@code runtime} layer: the rules of {@link Jepa2Rules}; engine {@link Jepa2Engine}. */
public final class Jepa2Runtime implements RuntimeFamily {
    /** The one instance, registered in {@link RuntimeFamilies}. */
    public static final Jepa2Runtime INSTANCE = new Jepa2Runtime();

    private Jepa2Runtime() {
    }

    @Override
    public String name() {
        return Jepa2Names.FAMILY;
    }

    @Override
    public void checkManifest(BundleManifest m, Path file) {
        Jepa2Rules.check(m, file);
    }

    @Override
    public Optional<TensorSpec> expected(String tensor, BundleDims d, int horizon) {
        return Optional.ofNullable(Jepa2Rules.expected(tensor, d, horizon));
    }

    @Override
    public FamilyEngine engine(Bundle bundle) {
        return new Jepa2Engine(bundle);
    }
}
