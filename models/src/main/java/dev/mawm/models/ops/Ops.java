package dev.mawm.models.ops;

import java.util.List;

/**
 * The small op set every network's forward pass is written against, once. It is generic in the
 * tensor handle type {@code T}: the TensorFlow backend (module {@code training-tf}) implements it
 * with graph operands and variables, the ONNX backend (module {@code export}) by emitting nodes
 * with trained weights as initializers, so trained and exported graphs cannot drift.
 *
 * <p>Conventions: float tensors are float32, index tensors int32; elementwise ops broadcast like
 * NumPy; a dimension of -1 in {@link #shape} is unknown at graph-build time (the batch). Images
 * are NHWC ({@code [batch, height, width, channels]}) because TensorFlow's CPU convolution only
 * supports that layout; the ONNX backend transposes around its NCHW {@code Conv}.
 *
 * <p>Add an op when a network needs it, in both backends, with a gradient check in training-tf
 * and a parity check in export.
 *
 * @param <T> the backend's tensor handle
 */
public interface Ops<T> {

    // ---- parameters, inputs, constants --------------------------------------------------------

    /**
     * A declared parameter (see {@link ParamSpec}); a variable in training, an initializer in export.
     *
     * @param name the parameter's stable name, e.g. {@code "encoder.l0.weight"}
     * @return the parameter tensor, of the declared shape
     */
    T param(String name);

    /**
     * A float constant.
     *
     * @param values row-major values
     * @param shape the shape; its product must equal {@code values.length} ({@code []} for a scalar)
     * @return the constant
     */
    T constant(float[] values, long... shape);

    /**
     * An int32 constant (indices, shapes).
     *
     * @param values row-major values
     * @param shape the shape
     * @return the constant
     */
    T constantInt(int[] values, long... shape);

    /**
     * A float scalar constant.
     *
     * @param value the value
     * @return a rank-0 tensor
     */
    default T scalar(float value) {
        return constant(new float[] {value});
    }

    /**
     * The static shape known at graph-build time.
     *
     * @param x a tensor
     * @return its dimensions, -1 where unknown
     */
    long[] shape(T x);

    // ---- elementwise --------------------------------------------------------------------------

    /** @return {@code a + b} (broadcasting) */
    T add(T a, T b);

    /** @return {@code a - b} (broadcasting) */
    T sub(T a, T b);

    /** @return {@code a * b} (broadcasting) */
    T mul(T a, T b);

    /** @return {@code a / b} (broadcasting) */
    T div(T a, T b);

    /** @return {@code max(a, b)} elementwise (broadcasting) */
    T maximum(T a, T b);

    /** @return {@code exp(x)} */
    T exp(T x);

    /** @return {@code log(x)} */
    T log(T x);

    /** @return {@code sqrt(x)} */
    T sqrt(T x);

    /** @return {@code cos(x)} */
    T cos(T x);

    /** @return {@code sin(x)} */
    T sin(T x);

    /** @return {@code max(x, 0)} */
    T relu(T x);

    /** @return {@code x > 0 ? x : exp(x) - 1} */
    T elu(T x);

    /** @return {@code tanh(x)} */
    T tanh(T x);

    /** @return {@code 1 / (1 + exp(-x))} */
    T sigmoid(T x);

    /**
     * Identity in the forward pass, blocking gradients in training (a detached target, e.g. the
     * encoder's latent that {@code obsPred} regresses onto). Abstract, so every backend decides:
     * forward-only backends (ONNX, the reference) return {@code x}; a training backend stops the
     * gradient there (TensorFlow: {@code StopGradient}).
     *
     * @param x a tensor
     * @return {@code x}, with no gradient flowing back to it
     */
    T stopGradient(T x);

    /** @return {@code x * x} */
    default T square(T x) {
        return mul(x, x);
    }

    /** @return {@code -x} */
    default T neg(T x) {
        return sub(scalar(0f), x);
    }

    // ---- shapes and indexing ------------------------------------------------------------------

    /**
     * Matrix product with NumPy {@code matmul} semantics.
     *
     * @param a {@code [..., m, k]}
     * @param b {@code [..., k, n]} (leading dims broadcast) or {@code [k, n]}
     * @return {@code [..., m, n]}
     */
    T matmul(T a, T b);

    /**
     * Concatenation.
     *
     * @param axis the axis (negative counts from the end)
     * @param xs tensors equal in every other dimension
     * @return the concatenation
     */
    T concat(int axis, List<T> xs);

    /**
     * A contiguous slice along one axis.
     *
     * @param x the tensor
     * @param axis the axis (negative counts from the end)
     * @param start first index, inclusive
     * @param end last index, exclusive
     * @return {@code x[..., start:end, ...]}
     */
    T slice(T x, int axis, long start, long end);

    /**
     * Reshape; at most one dimension may be -1 (inferred), typically the batch.
     *
     * @param x the tensor
     * @param shape the new shape
     * @return the reshaped tensor
     */
    T reshape(T x, long... shape);

    /**
     * Permutes dimensions.
     *
     * @param x the tensor
     * @param perm the permutation
     * @return the transposed tensor
     */
    T transpose(T x, int... perm);

    /**
     * Row lookup (embedding).
     *
     * @param table {@code [V, D]}
     * @param indices int32 {@code [...]} in {@code [0, V)}
     * @return {@code [..., D]}
     */
    T gather(T table, T indices);

    /**
     * One-hot encoding.
     *
     * @param indices int32 {@code [...]}
     * @param depth the number of classes
     * @return float {@code [..., depth]}
     */
    T oneHot(T indices, int depth);

    /**
     * Sum over one axis.
     *
     * @param x the tensor
     * @param axis the axis (negative counts from the end)
     * @param keepDims keep the reduced axis with size 1
     * @return the sum
     */
    T reduceSum(T x, int axis, boolean keepDims);

    /**
     * Mean over one axis.
     *
     * @param x the tensor
     * @param axis the axis (negative counts from the end)
     * @param keepDims keep the reduced axis with size 1
     * @return the mean
     */
    T reduceMean(T x, int axis, boolean keepDims);

    /**
     * Softmax over the last axis.
     *
     * @param x {@code [..., n]}
     * @return {@code [..., n]}, each row summing to 1
     */
    T softmax(T x);

    /**
     * Log-softmax over the last axis, {@code x − max − log Σ exp(x − max)}: finite where {@code log(softmax(x))}
     * underflows to {@code −∞} (a confident logit), so cross-entropies are taken on it (TensorFlow {@code LogSoftmax},
     * ONNX {@code LogSoftmax} with opset-13 semantics: the last axis only).
     *
     * @param x {@code [..., n]}
     * @return {@code [..., n]}, each row's {@code exp} summing to 1
     */
    T logSoftmax(T x);

    /**
     * The index of the largest value along the last axis (greedy decoding of token logits in exported rollouts). Not
     * differentiable: training graphs never put it on a path to the loss. Ties: callers must not rely on which of the
     * equal maxima wins (TensorFlow does not promise one; the reference and ONNX take the first).
     *
     * @param x float {@code [..., n]}
     * @return int32 {@code [...]} in {@code [0, n)}
     */
    T argMax(T x);

    /**
     * 2-D convolution, NHWC.
     *
     * @param x {@code [batch, h, w, cin]}
     * @param filter {@code [kh, kw, cin, cout]}
     * @param stride the stride in both spatial dims
     * @param samePadding {@code true} for SAME padding (output {@code ceil(h / stride)}), {@code false} for VALID
     * @return {@code [batch, h', w', cout]}
     */
    T conv2d(T x, T filter, int stride, boolean samePadding);

    // ---- compositions (written once here, run by every backend) -------------------------------

    /**
     * An affine layer.
     *
     * @param x {@code [..., in]}
     * @param weight {@code [in, out]}
     * @param bias {@code [out]}, or {@code null}
     * @return {@code [..., out]}
     */
    default T dense(T x, T weight, T bias) {
        T y = matmul(x, weight);
        return bias == null ? y : add(y, bias);
    }

    /**
     * Layer normalization over the last axis: {@code (x - mean) / sqrt(var + eps) * gamma + beta}, with the
     * population variance (PyTorch's {@code nn.LayerNorm}). The ONNX backend emits it as one opset-17
     * {@code LayerNormalization} node (one ONNX Runtime {@code SkipLayerNormalization} when {@code x} is a sum it just
     * emitted); the others run this composition.
     *
     * @param x {@code [..., d]}
     * @param gamma {@code [d]}
     * @param beta {@code [d]}
     * @param eps variance floor
     * @return {@code [..., d]}
     */
    default T layerNorm(T x, T gamma, T beta, float eps) {
        T mean = reduceMean(x, -1, true);
        T centered = sub(x, mean);
        T var = reduceMean(square(centered), -1, true);
        T normed = div(centered, sqrt(add(var, scalar(eps))));
        return add(mul(normed, gamma), beta);
    }

    /**
     * GELU, the tanh approximation of Hendrycks &amp; Gimpel (2016) ({@code nn.GELU(approximate="tanh")}, GPT-2's MLP):
     * {@code 0.5·x·(1 + tanh(sqrt(2/π)·(x + 0.044715·x³)))}; within 1e-3 of the exact {@code x·Φ(x)}. The ONNX backend
     * emits one ONNX Runtime {@code FastGelu} node (the same formula).
     *
     * @param x a float tensor
     * @return {@code gelu(x)}, same shape
     */
    default T gelu(T x) {
        T cube = mul(square(x), x);
        T inner = mul(add(x, mul(cube, scalar(0.044715f))), scalar((float) Math.sqrt(2.0 / Math.PI)));
        return mul(mul(x, scalar(0.5f)), add(tanh(inner), scalar(1f)));
    }
}
