package dev.mawm.envs;

import dev.mawm.models.family.Registry;
import dev.mawm.envs.cartpole.CartPoleEnvironment;
import dev.mawm.envs.grid2.Grid2Environment;
import java.util.List;
import java.util.Optional;

/**
 * The environments: their names (the one home of {@code "grid2"} and {@code "cartpole"}) and the registry of
 * {@link Env}s. Adding an env is its own package plus one line here.
 */
public final class Envs {
    /** Environment name of the two-agent gridworld. */
    public static final String GRID2 = "grid2";
    /** Environment name of CartPole-v1. */
    public static final String CARTPOLE = "cartpole";

    private static final Registry<Env> REGISTRY = new Registry<>(List.of(Grid2Environment.INSTANCE, CartPoleEnvironment.INSTANCE),
            Env::name,
            name -> "unknown env '" + name + "', expected one of " + Envs.names());

    private Envs() {
    }

    /** @return every env, in registration order */
    public static List<Env> all() {
        return REGISTRY.all();
    }

    /** @return the env names, in registration order */
    public static List<String> names() {
        return REGISTRY.names();
    }

    /**
     * @param name an env name
     * @return the env, or empty when there is none of that name
     */
    public static Optional<Env> find(String name) {
        return REGISTRY.find(name);
    }

    /**
     * @param name an env name
     * @return the env
     * @throws IllegalArgumentException naming the envs when there is none of that name
     */
    public static Env get(String name) {
        return REGISTRY.get(name);
    }
}
