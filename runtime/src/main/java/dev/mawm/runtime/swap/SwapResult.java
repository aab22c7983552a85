package dev.mawm.runtime.swap;

import java.nio.file.Path;

/**
 * The outcome of {@link BundleHolder#swap(Path)}.
 *
 * @param bundle     the directory that was offered
 * @param accepted   whether it now serves
 * @param reason     why it was rejected (the validation message), or {@code null} when accepted
 * @param generation the generation serving after the attempt (incremented by each accepted swap)
 */
public record SwapResult(Path bundle, boolean accepted, String reason, long generation) {
}
