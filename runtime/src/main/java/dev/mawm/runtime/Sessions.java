package dev.mawm.runtime;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Session creation with the options of an {@link EngineOptions}, including the CUDA → CPU fallback. */
final class Sessions {
    private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);

    private Sessions() {
    }

    /** Mutable per-load state: the first CUDA failure switches the rest of the bundle to the CPU. */
    static final class DeviceChoice {
        private final EngineOptions options;
        private Device active;
        private String fallbackReason;

        DeviceChoice(EngineOptions options) {
            this.options = options;
            this.active = options.device();
        }

        DeviceStatus status() {
            return new DeviceStatus(options.device(), active, fallbackReason);
        }

        /**
         * Creates a session on the active device, falling back to the CPU if CUDA fails and fallback is allowed.
         *
         * @param model the ONNX bytes
         * @param what  the file, for messages
         * @return the session
         * @throws OrtException when the graph does not load on the CPU (or on CUDA without fallback)
         */
        OrtSession create(byte[] model, String what) throws OrtException {
            OrtEnv.get();
            if (active == Device.CUDA) {
                String reason;
                if (!OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) {
                    reason = "this ONNX Runtime build has no CUDA execution provider (build with the Maven profile "
                            + "'cuda', which uses com.microsoft.onnxruntime:onnxruntime_gpu)";
                } else {
                    try (SessionOptions o = options(true)) {
                        return OrtEnv.get().createSession(model, o);
                    } catch (OrtException e) {
                        reason = "the CUDA execution provider failed for " + what + ": " + e.getMessage();
                    }
                }
                if (!options.cpuFallback()) {
                    throw new OrtException("CUDA was requested but is not available: " + reason);
                }
                LOG.warn("CUDA requested but not available, running on the CPU: {}", reason);
                active = Device.CPU;
                fallbackReason = reason;
            }
            try (SessionOptions o = options(false)) {
                return OrtEnv.get().createSession(model, o);
            }
        }

        private SessionOptions options(boolean cuda) throws OrtException {
            SessionOptions o = new SessionOptions();
            try {
                o.setIntraOpNumThreads(options.intraOpThreads());
                o.setInterOpNumThreads(1);
                o.setExecutionMode(SessionOptions.ExecutionMode.SEQUENTIAL);
                o.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
                o.setDeterministicCompute(true);
                // every graph optimization (ORT's default too, stated here): folds the fused rollout's
                // parameter-only subgraphs (the stacked ensemble weights) into constants and fuses MatMul + Add
                o.setOptimizationLevel(SessionOptions.OptLevel.ALL_OPT);
                if (cuda) {
                    o.addCUDA(options.cudaDeviceId());
                }
                return o;
            } catch (OrtException | RuntimeException e) {
                o.close();
                throw e;
            }
        }
    }
}
