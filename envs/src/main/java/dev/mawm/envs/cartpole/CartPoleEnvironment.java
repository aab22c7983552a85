package dev.mawm.envs.cartpole;

import dev.mawm.envs.Env;
import dev.mawm.envs.Envs;
import dev.mawm.envs.collect.CollectSummary;
import dev.mawm.envs.collect.DatasetCollector;
import dev.mawm.models.config.CollectConfig;
import dev.mawm.models.config.MawmConfig;
import dev.mawm.models.progress.ProgressListener;
import java.io.IOException;
import java.nio.file.Path;

/** CartPole-v1 ({@code cartpole}) as an {@link Env}: collected with its {@code cartpole} section; no scenarios, no renderer. */
public final class CartPoleEnvironment implements Env {
    /** The one instance, registered in {@link Envs}. */
    public static final CartPoleEnvironment INSTANCE = new CartPoleEnvironment();

    private CartPoleEnvironment() {
    }

    @Override
    public String name() {
        return Envs.CARTPOLE;
    }

    @Override
    public CollectSummary collect(MawmConfig config, CollectConfig collect, Path out, ProgressListener progress) throws IOException {
        return DatasetCollector.cartpole(config.cartpole(), collect, out, progress);
    }

    @Override
    public boolean hasScenarios() {
        return false;
    }

    @Override
    public boolean renders() {
        return false;
    }
}
