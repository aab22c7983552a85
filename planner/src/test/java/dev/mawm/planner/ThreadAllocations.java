package dev.mawm.planner;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Assumptions;

/**
 * Test helper: the bytes the calling thread has allocated, as the JVM counts them
 * ({@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}, which includes the used part of the current
 * TLAB). Reading the count allocates nothing.
 */
public final class ThreadAllocations {
    private final com.sun.management.ThreadMXBean mx;
    private final long thread;

    private ThreadAllocations(com.sun.management.ThreadMXBean mx, long thread) {
        this.mx = mx;
        this.thread = thread;
    }

    /**
     * Turns allocation counting on for the calling thread; skips the test (a JUnit assumption) where the JVM cannot
     * count.
     *
     * @return the counter of the calling thread
     */
    public static ThreadAllocations ofCurrentThread() {
        java.lang.management.ThreadMXBean std = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(std instanceof com.sun.management.ThreadMXBean, "needs com.sun.management.ThreadMXBean");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) std;
        Assumptions.assumeTrue(mx.isThreadAllocatedMemorySupported(), "allocation counting not supported by this JVM");
        mx.setThreadAllocatedMemoryEnabled(true);
        return new ThreadAllocations(mx, Thread.currentThread().getId());
    }

    /** @return the bytes the thread has allocated so far */
    public long bytes() {
        return mx.getThreadAllocatedBytes(thread);
    }
}
