package dev.mawm.runtime;

import java.util.Locale;

/** Where ONNX Runtime executes the graphs. */
public enum Device {
    /** The CPU execution provider (always available). */
    CPU,
    /** The CUDA execution provider; needs the {@code onnxruntime_gpu} artifact (Maven profile {@code cuda}) and a GPU. */
    CUDA;

    /**
     * @param text {@code cpu} or {@code cuda}, any case
     * @return the device
     * @throws IllegalArgumentException naming the value and the allowed ones
     */
    public static Device parse(String text) {
        if (text != null) {
            switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "cpu":
                    return CPU;
                case "cuda":
                case "gpu":
                    return CUDA;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("device must be 'cpu' or 'cuda', got '" + text + "'");
    }
}
