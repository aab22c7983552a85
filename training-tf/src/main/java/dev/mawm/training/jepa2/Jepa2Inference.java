package dev.mawm.training.jepa2;

import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.nn.jepa2.Jepa2Model;
import dev.mawm.training.tf.Precision;
import dev.mawm.training.tf.Tensors;
import dev.mawm.training.tf.TfGraph;
import dev.mawm.training.tf.TfOps;
import dev.mawm.training.tf.VariableStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Forward passes of every jepa2 component on TensorFlow with fixed weights, on Java arrays
 * (dynamic batch {@code N}; {@code L} latent, {@code M} message cells, {@code S} image side). Used by
 * the evaluator. Either standalone ({@link #load}: owns its graph and session; close it) or attached to
 * the training graph ({@link #attach}, sharing its variables).
 */
public final class Jepa2Inference implements AutoCloseable {
    private final TfGraph graph; // null when attached
    private final Jepa2Model model;
    private final int latent;
    private final Placeholder<?> image;
    private final Placeholder<?> pos;
    private final Placeholder<?> message;
    private final Placeholder<?> z;
    private final Placeholder<?> h;
    private final Placeholder<?> action;
    private final Placeholder<?> cells;
    private final Operand<?> encoded;
    private final Operand<?> encodedMessage;
    private final Operand<?> predicted;
    private final Operand<?> obsPred;
    private final Operand<?> msgPred;
    private final Operand<?> reward;
    private final Operand<?> done;
    private final Operand<?> shaping;

    private Session session;

    private Jepa2Inference(TfGraph owned, TfOps ops, Jepa2Model model) {
        this.graph = owned;
        this.model = model;
        this.latent = model.config().latent();
        org.tensorflow.op.Ops tf = ops.tf().withSubScope("infer");
        long s = model.dims().imageSize();
        long m = model.dims().cells();
        image = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 3, s, s)));
        pos = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 2)));
        message = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(-1, model.dims().messageLength())));
        z = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, latent)));
        h = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, latent)));
        action = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
        cells = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(-1, m)));
        encoded = model.encode(ops, image, pos);
        encodedMessage = model.encodeMessage(ops, message);
        predicted = model.predict(ops, z, action, model.predictor().cellTokens() ? cells : h);
        obsPred = model.obsPred(ops, h);
        msgPred = model.msgPred(ops, z);
        reward = model.rewardLogit(ops, z, action);
        done = model.doneLogit(ops, z, action);
        shaping = model.predictor().cellTokens() ? null : model.shaping(ops, z, action, h);
    }

    /**
     * A standalone instance with its own graph and session holding the given weights.
     *
     * @param model   the networks
     * @param weights a value for every parameter
     * @param threads TensorFlow threads
     * @return the forward passes (close it)
     */
    public static Jepa2Inference load(Jepa2Model model, Map<String, FloatTensor> weights, int threads) {
        TfGraph g = new TfGraph(threads);
        try {
            VariableStore params = new VariableStore(g.tf().withSubScope("params"), model.params(), Precision.FLOAT32);
            Jepa2Inference inf = new Jepa2Inference(g, new TfOps(g.tf(), Precision.FLOAT32, params), model);
            params.load(g.session(), weights);
            return inf.bind(g.session());
        } catch (RuntimeException e) {
            g.close();
            throw e;
        }
    }

    /**
     * Builds the forward passes into an existing graph whose parameters {@code ops} resolves (e.g. the
     * training graph, sharing its variables); {@link #bind} a session before use. Closing it frees nothing:
     * the graph's owner does.
     *
     * @param model the networks
     * @param ops   the graph's backend
     * @return the forward passes
     */
    public static Jepa2Inference attach(Jepa2Model model, TfOps ops) {
        return new Jepa2Inference(null, ops, model);
    }

    /**
     * @param s the session that runs the graph these ops live in
     * @return this
     */
    public Jepa2Inference bind(Session s) {
        this.session = s;
        return this;
    }

    /** @return the networks */
    public Jepa2Model model() {
        return model;
    }

    /**
     * @param images {@code [N,3,S,S]} in [0, 1]
     * @param xy     {@code [N,2]}
     * @param n      N
     * @return z {@code [N,L]}
     */
    public float[] encode(float[] images, float[] xy, int n) {
        long s = model.dims().imageSize();
        return run(encoded, List.of(image, pos), List.of(
                Tensors.floats(Precision.FLOAT32, images, n, 3, s, s), Tensors.floats(Precision.FLOAT32, xy, n, 2)));
    }

    /**
     * Encodes messages.
     *
     * @param msg {@code [N,M]} messages (window, then position when the model's messages carry it)
     * @param n   N
     * @return h {@code [N,L]}
     */
    public float[] encodeMessage(int[] msg, int n) {
        return run(encodedMessage, List.of(message), List.of(Tensors.ints(msg, n, model.dims().messageLength())));
    }

    /**
     * @param zs      {@code [N,L]}
     * @param actions {@code [N]}
     * @param hs      vector mode: the other agent's message latents {@code [N,L]} (zeros = none); else ignored
     * @param cellMsg cells mode: the other agent's cells {@code [N,M]} (object-type count = no information); else ignored
     * @param n       N
     * @return next z {@code [N,L]}
     */
    public float[] predict(float[] zs, int[] actions, float[] hs, int[] cellMsg, int n) {
        if (model.predictor().cellTokens()) {
            return run(predicted, List.of(z, action, cells), List.of(Tensors.floats(Precision.FLOAT32, zs, n, latent),
                    Tensors.ints(actions, n), Tensors.ints(cellMsg, n, model.dims().cells())));
        }
        return run(predicted, List.of(z, action, h), List.of(Tensors.floats(Precision.FLOAT32, zs, n, latent),
                Tensors.ints(actions, n), Tensors.floats(Precision.FLOAT32, hs, n, latent)));
    }

    /**
     * The observation predictor on message latents.
     *
     * @param hs {@code [N,L]}
     * @param n  N
     * @return obsPred(h) {@code [N,L]}
     */
    public float[] obsPred(float[] hs, int n) {
        return run(obsPred, List.of(h), List.of(Tensors.floats(Precision.FLOAT32, hs, n, latent)));
    }

    /**
     * The message predictor on observation latents.
     *
     * @param zs {@code [N,L]}
     * @param n  N
     * @return msgPred(z) {@code [N,L]}
     */
    public float[] msgPred(float[] zs, int n) {
        return run(msgPred, List.of(z), List.of(Tensors.floats(Precision.FLOAT32, zs, n, latent)));
    }

    /**
     * The reward head: logits that the action is the agent's first arrival at the goal.
     *
     * @param zs      {@code [N,L]}
     * @param actions {@code [N]}
     * @param n       N
     * @return reward logits {@code [N]}
     */
    public float[] rewardLogit(float[] zs, int[] actions, int n) {
        return run(reward, List.of(z, action), List.of(Tensors.floats(Precision.FLOAT32, zs, n, latent), Tensors.ints(actions, n)));
    }

    /**
     * @param zs      {@code [N,L]}
     * @param actions {@code [N]}
     * @param hs      {@code [N,L]} the other agent's message latents (zeros: none)
     * @param n       N
     * @return predicted BFS steps toward the goal {@code [N]} (vector message mode only)
     */
    public float[] shaping(float[] zs, int[] actions, float[] hs, int n) {
        if (shaping == null) {
            throw new IllegalStateException("the shaping head reads a message latent; cells-mode models have none here");
        }
        return run(shaping, List.of(z, action, h), List.of(Tensors.floats(Precision.FLOAT32, zs, n, latent), Tensors.ints(actions, n),
                Tensors.floats(Precision.FLOAT32, hs, n, latent)));
    }

    /**
     * The done head: logits that the episode ends with the transition.
     *
     * @param zs      {@code [N,L]}
     * @param actions {@code [N]}
     * @param n       N
     * @return done logits {@code [N]}
     */
    public float[] doneLogit(float[] zs, int[] actions, int n) {
        return run(done, List.of(z, action), List.of(Tensors.floats(Precision.FLOAT32, zs, n, latent), Tensors.ints(actions, n)));
    }

    private float[] run(Operand<?> out, List<Placeholder<?>> feeds, List<Tensor> values) {
        List<Tensor> owned = new ArrayList<>(values);
        try {
            if (session == null) {
                throw new IllegalStateException("jepa2 inference is not bound to a session");
            }
            Session.Runner r = session.runner();
            for (int i = 0; i < feeds.size(); i++) {
                r.feed(feeds.get(i), values.get(i));
            }
            try (Result res = r.fetch(out).run()) {
                return Tensors.toFloats(res.get(0));
            }
        } finally {
            owned.forEach(Tensor::close);
        }
    }

    @Override
    public void close() {
        if (graph != null) {
            graph.close();
        }
    }
}
