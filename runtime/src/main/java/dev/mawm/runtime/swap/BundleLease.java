package dev.mawm.runtime.swap;

import dev.mawm.runtime.Bundle;

/**
 * A claim on the bundle that was serving when it was taken: the bundle stays open until every lease on it is
 * closed, even if a newer bundle was swapped in meanwhile. Close it when the call is done (try-with-resources);
 * closing twice has no further effect. Not for sharing between threads.
 */
public final class BundleLease implements AutoCloseable {
    private final BundleHolder.Entry entry;
    private boolean closed;

    BundleLease(BundleHolder.Entry entry) {
        this.entry = entry;
    }

    /** @return the leased bundle; valid until this lease is closed */
    public Bundle bundle() {
        if (closed) {
            throw new IllegalStateException("lease is closed");
        }
        return entry.bundle;
    }

    /** @return the generation of the leased bundle (1 for the initial one) */
    public long generation() {
        return entry.generation;
    }

    /** Releases the claim; the bundle is closed if it was replaced and this was its last lease. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            entry.release();
        }
    }
}
