package dev.mawm.training.iris;

import dev.mawm.models.nn.iris.IrisModel;
import dev.mawm.models.nn.iris.IrisOutputs;
import dev.mawm.training.tf.Tensors;
import dev.mawm.training.tf.TfOps;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TInt32;

/**
 * Greedy forward passes of the {@code iris} transformer with the current weights, on Java arrays. {@link IrisModel}
 * takes a dynamic batch N but a static number of blocks, so one graph is built per block count t = 1..seqLen, all
 * attached to the training graph (sharing its variables); {@link #bind} the session before use. Large batches run in
 * chunks so the attention scores stay small.
 */
public final class IrisInference {
    private static final long MAX_SCORES = 16L << 20; // attention scores per chunk, N·H·L·L
    private final IrisModel model;
    private final List<Graph> graphs = new ArrayList<>();
    private Session session;

    /**
     * The greedy outputs of every block.
     *
     * @param frames {@code [N,t,C+2]} the most likely next frame of each block: C cells, then x, y
     * @param reward {@code [N,t]} the predicted reward of each transition
     * @param done   {@code [N,t]} the probability that the transition ends the episode
     */
    public record Prediction(int[] frames, float[] reward, float[] done) {
    }

    private record Graph(int t, Placeholder<?>[] in, Operand<?> frames, Operand<?> reward, Operand<?> done) {
    }

    private IrisInference(IrisModel model, TfOps ops, int maxBlocks) {
        this.model = model;
        int c = model.dims().cells();
        for (int t = 1; t <= maxBlocks; t++) {
            org.tensorflow.op.Ops tf = ops.tf().withSubScope("infer_t" + t);
            Placeholder<?>[] in = {
                i(tf, "cells", -1, t, c), i(tf, "pos", -1, t, 2), i(tf, "actions", -1, t), i(tf, "steps", -1, t),
                i(tf, "message", -1, model.dims().messageTokens())};
            IrisOutputs<Operand<?>> out = model.forward(ops, in[0], in[1], in[2], in[3], in[4]);
            graphs.add(new Graph(t, in, model.greedyFrame(ops, out), out.reward(), model.doneProb(ops, out)));
        }
    }

    private static Placeholder<?> i(org.tensorflow.op.Ops tf, String name, long... shape) {
        return tf.withName(name).placeholder(TInt32.class, Placeholder.shape(Shape.of(shape)));
    }

    /**
     * @param model the network
     * @param ops   the training graph's backend
     * @return the forward passes, one graph per block count
     */
    public static IrisInference attach(IrisModel model, TfOps ops) {
        return new IrisInference(model, ops, model.config().seqLen());
    }

    /**
     * @param model     the network
     * @param ops       the graph's backend
     * @param maxBlocks the longest window to build a graph for, at least 1 (tests compare a rollout's last
     *                  {@code seqLen} blocks with its whole history)
     * @return the forward passes, one graph per block count 1..maxBlocks
     */
    static IrisInference attach(IrisModel model, TfOps ops, int maxBlocks) {
        if (maxBlocks < 1) {
            throw new IllegalArgumentException("iris inference needs at least one block, got " + maxBlocks);
        }
        return new IrisInference(model, ops, maxBlocks);
    }

    /**
     * @param s the session of the graph the passes live in
     * @return this
     */
    public IrisInference bind(Session s) {
        this.session = s;
        return this;
    }

    /** @return the network */
    public IrisModel model() {
        return model;
    }

    /**
     * @param cells   {@code [N,t,C]}
     * @param pos     {@code [N,t,2]}
     * @param actions {@code [N,t]}
     * @param steps   {@code [N,t]} step indices in {@code [1, maxSteps]}
     * @param message {@code [N,M]}
     * @param n       N
     * @param t       blocks, 1..seqLen
     * @return every block's greedy outputs
     */
    public Prediction forward(int[] cells, int[] pos, int[] actions, int[] steps, int[] message, int n, int t) {
        if (t < 1 || t > graphs.size()) {
            throw new IllegalArgumentException("iris inference runs 1.." + graphs.size() + " blocks, got " + t);
        }
        if (session == null) {
            throw new IllegalStateException("iris inference is not bound to a session");
        }
        int c = model.dims().cells();
        int m = model.dims().messageTokens();
        long l = model.dims().sequenceLength(t);
        int chunk = (int) Math.max(1, MAX_SCORES / (model.config().heads() * l * l));
        int[] frames = new int[n * t * (c + 2)];
        float[] reward = new float[n * t];
        float[] done = new float[n * t];
        Graph g = graphs.get(t - 1);
        for (int from = 0; from < n; from += chunk) {
            int k = Math.min(chunk, n - from);
            List<Tensor> feeds = List.of(
                    Tensors.ints(slice(cells, from, k, t * c), k, t, c), Tensors.ints(slice(pos, from, k, t * 2), k, t, 2),
                    Tensors.ints(slice(actions, from, k, t), k, t), Tensors.ints(slice(steps, from, k, t), k, t),
                    Tensors.ints(slice(message, from, k, m), k, m));
            try {
                Session.Runner r = session.runner();
                for (int j = 0; j < feeds.size(); j++) {
                    r.feed(g.in()[j], feeds.get(j));
                }
                try (Result res = r.fetch(g.frames()).fetch(g.reward()).fetch(g.done()).run()) {
                    int[] f = new int[k * t * (c + 2)];
                    ((TInt32) res.get(0)).copyTo(DataBuffers.of(f, false, false));
                    System.arraycopy(f, 0, frames, from * t * (c + 2), f.length);
                    System.arraycopy(Tensors.toFloats(res.get(1)), 0, reward, from * t, k * t);
                    System.arraycopy(Tensors.toFloats(res.get(2)), 0, done, from * t, k * t);
                }
            } finally {
                feeds.forEach(Tensor::close);
            }
        }
        return new Prediction(frames, reward, done);
    }

    private static int[] slice(int[] a, int from, int count, int width) {
        return java.util.Arrays.copyOfRange(a, from * width, (from + count) * width);
    }
}
