package dev.mawm.cli;

import dev.mawm.runtime.EngineOptions;
import picocli.CommandLine.Option;

/** Picocli mixin for {@code --threads T} on the commands that run bundles: ONNX Runtime's intra-op threads. */
public final class ThreadsOption {
    @Option(names = "--threads", defaultValue = "1", paramLabel = "T",
            description = "ONNX Runtime intra-op threads (default: ${DEFAULT-VALUE}).")
    int threads;

    /**
     * Checks {@code --threads} before a command starts its work.
     *
     * @throws IllegalArgumentException naming the option when it is outside [1, 256]
     */
    public void check() {
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("--threads must be in [1, 256], got " + threads);
        }
    }

    /**
     * The engine options with {@code --threads} applied.
     *
     * @param base the command's other engine options
     * @return {@code base} with {@code intraOpThreads} = {@code --threads} (validated there)
     */
    public EngineOptions applyTo(EngineOptions base) {
        return base.withIntraOpThreads(threads);
    }
}
