package dev.mawm.runtime;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process-wide ONNX Runtime environment, created once with telemetry disabled.
 *
 * <p>Creation runs on a dedicated thread with a 64 MiB stack: ONNX Runtime's native environment set-up was seen
 * to overflow a default 1 MiB Java thread stack (a silent SIGSEGV of the whole JVM) in a process with a large
 * classpath, while needing less than 256 KiB in a small one. Sessions and runs do not need the large stack.
 * When DJL's ONNX Runtime engine is on the classpath it is started first, on the same thread, because it insists
 * on creating this environment itself (see {@link dev.mawm.runtime.djl.DjlEngines}).
 */
public final class OrtEnv {
    private static final Logger LOG = LoggerFactory.getLogger(OrtEnv.class);
    private static final long INIT_STACK_BYTES = 64L << 20;
    private static volatile OrtEnvironment env;

    private OrtEnv() {
    }

    /**
     * @return the shared environment (default name and logging level, as DJL's, so sharing it logs nothing)
     * @throws IllegalStateException when ONNX Runtime's native library cannot start
     */
    public static OrtEnvironment get() {
        OrtEnvironment e = env;
        if (e == null) {
            synchronized (OrtEnv.class) {
                e = env;
                if (e == null) {
                    e = createOnLargeStack();
                    env = e;
                }
            }
        }
        return e;
    }

    private static OrtEnvironment createOnLargeStack() {
        AtomicReference<OrtEnvironment> made = new AtomicReference<>();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                startDjlIfPresent();
                OrtEnvironment e = OrtEnvironment.getEnvironment();
                try {
                    e.setTelemetry(false);
                } catch (OrtException ex) {
                    LOG.debug("could not disable ONNX Runtime telemetry: {}", ex.getMessage());
                }
                made.set(e);
            } catch (Throwable ex) {
                failed.set(ex);
            }
        }, "mawm-ort-init", INIT_STACK_BYTES);
        t.setDaemon(true);
        t.start();
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException ex) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (made.get() == null) {
            throw new IllegalStateException("ONNX Runtime could not start: " + failed.get(), failed.get());
        }
        return made.get();
    }

    private static void startDjlIfPresent() {
        try {
            Class.forName("ai.djl.onnxruntime.engine.OrtEngine", false, OrtEnv.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError absent) {
            return;
        }
        try {
            dev.mawm.runtime.djl.DjlEngines.startEngine();
        } catch (RuntimeException | LinkageError ex) {
            LOG.debug("DJL's ONNX Runtime engine did not start: {}", ex.toString());
        }
    }
}
