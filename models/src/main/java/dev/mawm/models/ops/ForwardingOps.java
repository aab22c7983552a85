package dev.mawm.models.ops;

import java.util.List;

/**
 * An {@link Ops} that passes every op to another backend unchanged, default methods included (a backend may
 * override {@code square}, {@code neg}, {@code dense}, …). Subclasses override what they change, e.g. where
 * {@link #param} comes from.
 *
 * @param <T> the backend's tensor handle
 */
public class ForwardingOps<T> implements Ops<T> {
    private final Ops<T> delegate;

    /** @param delegate the backend every op goes to */
    public ForwardingOps(Ops<T> delegate) {
        if (delegate == null) {
            throw new IllegalArgumentException("ForwardingOps needs a backend");
        }
        this.delegate = delegate;
    }

    /** @return the backend every op goes to */
    public final Ops<T> delegate() {
        return delegate;
    }

    @Override
    public T param(String name) {
        return delegate.param(name);
    }

    @Override
    public T constant(float[] values, long... shape) {
        return delegate.constant(values, shape);
    }

    @Override
    public T constantInt(int[] values, long... shape) {
        return delegate.constantInt(values, shape);
    }

    @Override
    public T scalar(float value) {
        return delegate.scalar(value);
    }

    @Override
    public long[] shape(T x) {
        return delegate.shape(x);
    }

    @Override
    public T add(T a, T b) {
        return delegate.add(a, b);
    }

    @Override
    public T sub(T a, T b) {
        return delegate.sub(a, b);
    }

    @Override
    public T mul(T a, T b) {
        return delegate.mul(a, b);
    }

    @Override
    public T div(T a, T b) {
        return delegate.div(a, b);
    }

    @Override
    public T maximum(T a, T b) {
        return delegate.maximum(a, b);
    }

    @Override
    public T exp(T x) {
        return delegate.exp(x);
    }

    @Override
    public T log(T x) {
        return delegate.log(x);
    }

    @Override
    public T sqrt(T x) {
        return delegate.sqrt(x);
    }

    @Override
    public T cos(T x) {
        return delegate.cos(x);
    }

    @Override
    public T sin(T x) {
        return delegate.sin(x);
    }

    @Override
    public T relu(T x) {
        return delegate.relu(x);
    }

    @Override
    public T elu(T x) {
        return delegate.elu(x);
    }

    @Override
    public T tanh(T x) {
        return delegate.tanh(x);
    }

    @Override
    public T sigmoid(T x) {
        return delegate.sigmoid(x);
    }

    @Override
    public T stopGradient(T x) {
        return delegate.stopGradient(x);
    }

    @Override
    public T square(T x) {
        return delegate.square(x);
    }

    @Override
    public T neg(T x) {
        return delegate.neg(x);
    }

    @Override
    public T matmul(T a, T b) {
        return delegate.matmul(a, b);
    }

    @Override
    public T concat(int axis, List<T> xs) {
        return delegate.concat(axis, xs);
    }

    @Override
    public T slice(T x, int axis, long start, long end) {
        return delegate.slice(x, axis, start, end);
    }

    @Override
    public T reshape(T x, long... shape) {
        return delegate.reshape(x, shape);
    }

    @Override
    public T transpose(T x, int... perm) {
        return delegate.transpose(x, perm);
    }

    @Override
    public T gather(T table, T indices) {
        return delegate.gather(table, indices);
    }

    @Override
    public T oneHot(T indices, int depth) {
        return delegate.oneHot(indices, depth);
    }

    @Override
    public T reduceSum(T x, int axis, boolean keepDims) {
        return delegate.reduceSum(x, axis, keepDims);
    }

    @Override
    public T reduceMean(T x, int axis, boolean keepDims) {
        return delegate.reduceMean(x, axis, keepDims);
    }

    @Override
    public T softmax(T x) {
        return delegate.softmax(x);
    }

    @Override
    public T conv2d(T x, T filter, int stride, boolean samePadding) {
        return delegate.conv2d(x, filter, stride, samePadding);
    }

    @Override
    public T dense(T x, T weight, T bias) {
        return delegate.dense(x, weight, bias);
    }

    @Override
    public T layerNorm(T x, T gamma, T beta, float eps) {
        return delegate.layerNorm(x, gamma, beta, eps);
    }
}
