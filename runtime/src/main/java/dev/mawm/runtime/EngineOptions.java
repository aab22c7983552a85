package dev.mawm.runtime;

import java.util.Objects;

/**
 * How a bundle's ONNX Runtime sessions are created.
 *
 * @param device         requested execution provider (default {@link Device#CPU})
 * @param cudaDeviceId   CUDA device ordinal when {@code device} is CUDA, ≥ 0 (default 0)
 * @param intraOpThreads threads ONNX Runtime may use inside one operator, 1..256 (default 1: no thread pool,
 *                       stable timings on small machines; raise it for large batches)
 * @param cpuFallback    when CUDA is requested but unavailable: {@code true} logs a warning and runs on the CPU
 *                       (recorded in {@link Bundle#deviceStatus()}), {@code false} fails the load (default true)
 */
public record EngineOptions(Device device, int cudaDeviceId, int intraOpThreads, boolean cpuFallback) {

    /** Validates every field. */
    public EngineOptions {
        Objects.requireNonNull(device, "device must be given");
        if (cudaDeviceId < 0) {
            throw new IllegalArgumentException("cudaDeviceId must be >= 0, got " + cudaDeviceId);
        }
        if (intraOpThreads < 1 || intraOpThreads > 256) {
            throw new IllegalArgumentException("intraOpThreads must be in [1, 256], got " + intraOpThreads);
        }
    }

    /** @return CPU, one intra-op thread, fallback allowed */
    public static EngineOptions defaults() {
        return new EngineOptions(Device.CPU, 0, 1, true);
    }

    /**
     * @param newDevice the device to request
     * @return a copy with {@code device} replaced
     */
    public EngineOptions withDevice(Device newDevice) {
        return new EngineOptions(newDevice, cudaDeviceId, intraOpThreads, cpuFallback);
    }

    /**
     * @param threads intra-op threads, 1..256
     * @return a copy with {@code intraOpThreads} replaced
     */
    public EngineOptions withIntraOpThreads(int threads) {
        return new EngineOptions(device, cudaDeviceId, threads, cpuFallback);
    }
}
