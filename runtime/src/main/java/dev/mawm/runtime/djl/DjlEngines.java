package dev.mawm.runtime.djl;

import ai.djl.engine.Engine;
import dev.mawm.runtime.OrtEnv;

/**
 * DJL's ONNX Runtime engine, started offline. DJL's engine must create the JVM's ONNX Runtime environment itself
 * (it fails if one exists), so {@link OrtEnv} starts it before creating the environment whenever DJL is on the
 * classpath; a program that creates an ONNX Runtime environment on its own must do so after {@link #init()}.
 */
public final class DjlEngines {
    private DjlEngines() {
    }

    /**
     * Starts (once) the runtime's environment and DJL's {@code OnnxRuntime} engine, offline.
     *
     * @return the engine
     * @throws IllegalStateException when DJL's engine cannot start
     */
    public static Engine init() {
        OrtEnv.get();
        return startEngine();
    }

    /**
     * Sets {@code ai.djl.offline=true} unless the program set it, then loads DJL's {@code OnnxRuntime} engine on the
     * calling thread (called by {@link OrtEnv} on its large-stack thread).
     *
     * @return the engine
     * @throws IllegalStateException when DJL's engine cannot start
     */
    public static synchronized Engine startEngine() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        try {
            return Engine.getEngine(DjlBundle.ENGINE);
        } catch (RuntimeException | Error e) {
            throw new IllegalStateException("DJL's ONNX Runtime engine could not start (it must create the JVM's ONNX "
                    + "Runtime environment itself: call DjlEngines.init() before any other ONNX Runtime use): " + e, e);
        }
    }
}
