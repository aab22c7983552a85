package dev.mawm.runtime.family;

import dev.mawm.models.nn.gru.GruFamily;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.engine.FamilyEngine;
import dev.mawm.runtime.engine.GruEngine;

/** Family {@code gru} in the {@code runtime} layer: only the shared manifest rules; engine {@link GruEngine}. */
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
    public FamilyEngine engine(Bundle bundle) {
        return new GruEngine(bundle);
    }
}
