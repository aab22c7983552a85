package dev.mawm.runtime.family;

import dev.mawm.models.bundle.BundleDims;
import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.models.nn.gru.GruFamily;
import dev.mawm.models.nn.gru.GruNames;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.engine.FamilyEngine;
import dev.mawm.runtime.engine.GruEngine;
import java.util.Optional;

/**
 * Family {@code gru} in the {@code runtime} layer: the shared manifest rules, its hidden-state tensors
 * ({@code hidden}, {@code next_hidden}: float32 {@code [N, latentSize]}); engine {@link GruEngine}.
 */
public final class GruRuntime implements RuntimeFamily {
    /** The one instance, registered in {@link RuntimeFamilies}. */
    public static final GruRuntime INSTANCE = new GruRuntime();

    private GruRuntime() {
    }

    @Override
    public String name() {
        return GruFamily.NAME;
    }

    @Override
    public Optional<TensorSpec> expected(String tensor, BundleDims d, int horizon) {
        if (GruNames.HIDDEN.equals(tensor) || GruNames.NEXT_HIDDEN.equals(tensor)) {
            return Optional.of(TensorSpec.f32(tensor, TensorSpec.DYNAMIC, d.latentSize()));
        }
        return Optional.empty();
    }

    @Override
    public FamilyEngine engine(Bundle bundle) {
        return new GruEngine(bundle);
    }
}
