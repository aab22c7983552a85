package dev.mawm.envs.grid2;

import dev.mawm.envs.Env;
import dev.mawm.envs.Envs;
import dev.mawm.envs.collect.CollectSummary;
import dev.mawm.envs.collect.DatasetCollector;
import dev.mawm.models.config.CollectConfig;
import dev.mawm.models.config.MawmConfig;
import dev.mawm.models.progress.ProgressListener;
import java.io.IOException;
import java.nio.file.Path;

/** The two-agent gridworld {@code grid2} as an {@link Env}: collected with its {@code grid2} section, with scenarios, rendered. */
public final class Grid2Environment implements Env {
    /** The one instance, registered in {@link Envs}. */
    public static final Grid2Environment INSTANCE = new Grid2Environment();

    private Grid2Environment() {
    }

    @Override
    public String name() {
        return Envs.GRID2;
    }

    @Override
    public CollectSummary collect(MawmConfig config, CollectConfig collect, Path out, ProgressListener progress) throws IOException {
        return DatasetCollector.grid2(config.grid2(), collect, out, progress);
    }

    @Override
    public boolean hasScenarios() {
        return true;
    }

    @Override
    public boolean renders() {
        return true;
    }
}
