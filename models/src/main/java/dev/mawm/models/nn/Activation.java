package dev.mawm.models.nn;

import dev.mawm.models.ops.Ops;

/** Elementwise activations selectable by name in configs. */
public enum Activation {
    /** {@code x > 0 ? x : exp(x) − 1}. */
    ELU,
    /** {@code max(x, 0)}. */
    RELU,
    /** {@code tanh(x)}. */
    TANH;

    /**
     * @param name {@code elu}, {@code relu} or {@code tanh}
     * @return the activation
     * @throws IllegalArgumentException for another name
     */
    public static Activation of(String name) {
        return switch (name == null ? "" : name) {
            case "elu" -> ELU;
            case "relu" -> RELU;
            case "tanh" -> TANH;
            default -> throw new IllegalArgumentException("unknown activation '" + name + "', expected elu, relu or tanh");
        };
    }

    /**
     * @param ops the backend
     * @param x any tensor
     * @param <T> the backend's tensor type
     * @return the activation applied elementwise
     */
    public <T> T apply(Ops<T> ops, T x) {
        return switch (this) {
            case ELU -> ops.elu(x);
            case RELU -> ops.relu(x);
            case TANH -> ops.tanh(x);
        };
    }
}
