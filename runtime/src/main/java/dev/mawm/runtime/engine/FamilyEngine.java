package dev.mawm.runtime.engine;

/**
 * A family's typed engine over a loaded bundle ({@link MlpEngine}, {@link GruEngine}, {@link Jepa2Engine}), as
 * {@link dev.mawm.runtime.family.RuntimeFamily#engine} returns it; cast to the family's class for its methods.
 */
public interface FamilyEngine {
    /** @return the family the engine serves, e.g. {@code mlp} */
    String family();
}
