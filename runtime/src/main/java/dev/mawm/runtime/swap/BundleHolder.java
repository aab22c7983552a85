package dev.mawm.runtime.swap;

import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.bundle.ComponentSpec;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.EngineOptions;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one bundle at a time and replaces it atomically.
 *
 * <p>{@link #acquire()} is lock-free: it bumps the reference count of the current entry and returns a lease.
 * {@link #swap(Path)} runs on the caller's thread (keep it off the hot path): it loads and fully validates the
 * new bundle ({@link Bundle#load}), checks it is compatible with the serving one (same family and action count,
 * and every served component with the same input/output names, dtypes and shapes, so planners built on the old one
 * keep working), then swaps the reference. The old
 * bundle's sessions are closed when its last lease is returned. A rejected bundle is closed and reported; the
 * old one keeps serving. Swaps are serialized.
 */
public final class BundleHolder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BundleHolder.class);
    private final EngineOptions options;
    private final AtomicReference<Entry> current;
    private final ReentrantLock swapLock = new ReentrantLock();
    private volatile boolean closed;

    private BundleHolder(Bundle initial, EngineOptions options) {
        this.options = options;
        this.current = new AtomicReference<>(new Entry(initial, 1));
    }

    /**
     * @param dir     the initial bundle
     * @param options device and threading for this and every later bundle
     * @return a holder serving the initial bundle
     * @throws dev.mawm.models.bundle.BundleException when the initial bundle fails validation
     */
    public static BundleHolder open(Path dir, EngineOptions options) {
        return new BundleHolder(Bundle.load(dir, options), options);
    }

    /**
     * @param initial an already loaded bundle; the holder takes ownership and closes it when replaced
     * @param options device and threading for later bundles
     * @return a holder serving {@code initial}
     */
    public static BundleHolder of(Bundle initial, EngineOptions options) {
        return new BundleHolder(initial, options);
    }

    /**
     * @return a lease on the serving bundle; close it when the call is done
     * @throws IllegalStateException when the holder is closed
     */
    public BundleLease acquire() {
        while (true) {
            if (closed) {
                throw new IllegalStateException("bundle holder is closed");
            }
            Entry e = current.get();
            if (e.tryRetain()) {
                return new BundleLease(e);
            }
            // e was replaced and fully released between get() and tryRetain(): read the new one
        }
    }

    /**
     * Runs {@code work} on the serving bundle under a lease.
     *
     * @param work the call
     * @param <T>  its result type
     * @return what {@code work} returned
     */
    public <T> T withBundle(Function<Bundle, T> work) {
        try (BundleLease lease = acquire()) {
            return work.apply(lease.bundle());
        }
    }

    /** @return the serving generation (1 for the initial bundle, +1 per accepted swap) */
    public long generation() {
        return current.get().generation;
    }

    /** @return the serving bundle's manifest */
    public BundleManifest manifest() {
        return current.get().bundle.manifest();
    }

    /**
     * Loads, validates and, if valid and compatible, swaps in a new bundle.
     *
     * @param dir the new bundle directory
     * @return accepted with the new generation, or rejected with the reason (the old bundle keeps serving)
     */
    public SwapResult swap(Path dir) {
        swapLock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("bundle holder is closed");
            }
            Entry old = current.get();
            Bundle fresh;
            try {
                fresh = Bundle.load(dir, options);
            } catch (RuntimeException e) {
                LOG.warn("rejected bundle: {}", e.getMessage());
                return new SwapResult(dir, false, e.getMessage(), old.generation);
            }
            String incompatible = incompatibility(dir, old.bundle.manifest(), fresh.manifest());
            if (incompatible != null) {
                fresh.close();
                LOG.warn("rejected bundle: {}", incompatible);
                return new SwapResult(dir, false, incompatible, old.generation);
            }
            Entry next = new Entry(fresh, old.generation + 1);
            current.set(next);
            old.release();
            LOG.info("swapped in bundle {} ({} {}), generation {}", dir, fresh.manifest().name(),
                    fresh.manifest().version(), next.generation);
            return new SwapResult(dir, true, null, next.generation);
        } finally {
            swapLock.unlock();
        }
    }

    private static String incompatibility(Path dir, BundleManifest serving, BundleManifest offered) {
        String what = dir + ": " + offered.name() + " " + offered.version() + " is incompatible with the serving bundle: ";
        if (!serving.family().equals(offered.family()) || serving.dims().actionCount() != offered.dims().actionCount()) {
            return what + "family/actionCount " + offered.family() + "/" + offered.dims().actionCount() + ", expected "
                    + serving.family() + "/" + serving.dims().actionCount();
        }
        // Callers hold buffers shaped by the serving graphs' interfaces (state or latent sizes, horizon,
        // message mode), so every component served now must keep its exact inputs and outputs.
        for (ComponentSpec old : serving.components()) {
            ComponentSpec fresh = offered.components().stream()
                    .filter(c -> c.name().equals(old.name())).findFirst().orElse(null);
            if (fresh == null) {
                return what + "it lacks component '" + old.name() + "'";
            }
            if (!fresh.inputs().equals(old.inputs()) || !fresh.outputs().equals(old.outputs())) {
                return what + "component '" + old.name() + "' has inputs " + fresh.inputs() + " and outputs "
                        + fresh.outputs() + ", expected " + old.inputs() + " and " + old.outputs();
            }
        }
        return null;
    }

    /** Stops serving; the current bundle is closed when its last lease is returned. Idempotent. */
    @Override
    public void close() {
        swapLock.lock();
        try {
            if (!closed) {
                closed = true;
                current.get().release();
            }
        } finally {
            swapLock.unlock();
        }
    }

    /** A served bundle with a reference count: 1 for the holder while current, +1 per open lease. */
    static final class Entry {
        final Bundle bundle;
        final long generation;
        private final AtomicInteger refs = new AtomicInteger(1);

        Entry(Bundle bundle, long generation) {
            this.bundle = bundle;
            this.generation = generation;
        }

        boolean tryRetain() {
            while (true) {
                int r = refs.get();
                if (r == 0) {
                    return false;
                }
                if (refs.compareAndSet(r, r + 1)) {
                    return true;
                }
            }
        }

        void release() {
            int r = refs.decrementAndGet();
            if (r == 0) {
                bundle.close();
            } else if (r < 0) {
                throw new IllegalStateException("bundle lease released more often than acquired");
            }
        }
    }
}
