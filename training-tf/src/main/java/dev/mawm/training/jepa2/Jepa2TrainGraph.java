package dev.mawm.training.jepa2;

import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.nn.jepa2.Jepa2Inputs;
import dev.mawm.models.nn.jepa2.Jepa2LossTerms;
import dev.mawm.models.nn.jepa2.Jepa2Model;
import dev.mawm.models.nn.jepa2.Jepa2Objective;
import dev.mawm.training.tf.Adam;
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
 * The jepa2 training graph on TensorFlow: placeholders of static shape ({@code B} windows, {@code T}
 * steps), the parameters as variables, {@link Jepa2Objective}'s loss and a deterministic {@link Adam}
 * step. One owner of the native graph and session; close it.
 */
public final class Jepa2TrainGraph implements AutoCloseable {
    private final TfGraph graph;
    private final VariableStore params;
    private final Adam adam;
    private final Placeholder<?>[] inputs;
    private final List<String> termNames;
    private final List<Operand<?>> terms;
    private final int batch;
    private final int seqLen;
    private final boolean cells;

    /**
     * @param model     the networks
     * @param batch     windows per step B
     * @param seqLen    steps per window T
     * @param directions SIGReg directions K
     * @param settings  Adam's hyper-parameters
     * @param threads   TensorFlow threads (1 = bit-reproducible on CPU)
     */
    public Jepa2TrainGraph(Jepa2Model model, int batch, int seqLen, int directions, Adam.Settings settings, int threads) {
        this.graph = new TfGraph(threads);
        this.batch = batch;
        this.seqLen = seqLen;
        this.cells = model.predictor().cellTokens();
        try {
            org.tensorflow.op.Ops tf = graph.tf();
            this.params = new VariableStore(tf.withSubScope("params"), model.params(), Precision.FLOAT32);
            TfOps ops = new TfOps(tf, Precision.FLOAT32, params);
            long b = batch;
            long t = seqLen;
            long s = model.dims().imageSize();
            long m = model.dims().cells();
            long p = model.config().proj();
            org.tensorflow.op.Ops in = tf.withSubScope("in");
            this.inputs = new Placeholder<?>[] {
                f(in, "image", b, t, 2, 3, s, s), f(in, "pos", b, t, 2, 2), i(in, "message", b, t, 2, m),
                cells ? i(in, "pred_message", b, t, 2, m) : null, f(in, "keep", b, 2), i(in, "action", b, t, 2),
                f(in, "mask", b, t), f(in, "reward", b, 2, t - 1), f(in, "done", b, 2, t - 1), f(in, "step_mask", b, 2, t - 1),
                f(in, "dirs_image", p, directions), f(in, "dirs_message", p, directions)};
            Jepa2Inputs<Operand<?>> x = new Jepa2Inputs<>(inputs[0], inputs[1], inputs[2], inputs[3], inputs[4], inputs[5],
                    inputs[6], inputs[7], inputs[8], inputs[9], inputs[10], inputs[11]);
            Jepa2LossTerms<Operand<?>> lt = new Jepa2Objective(model).build(ops, x);
            Map<String, Operand<?>> named = lt.byName();
            this.termNames = List.copyOf(named.keySet());
            this.terms = List.copyOf(named.values());
            this.adam = Adam.minimize(ops, graph.graph(), lt.total(), params, settings, terms);
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    private static Placeholder<?> f(org.tensorflow.op.Ops tf, String name, long... shape) {
        return tf.withName(name).placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape)));
    }

    private static Placeholder<?> i(org.tensorflow.op.Ops tf, String name, long... shape) {
        return tf.withName(name).placeholder(TInt32.class, Placeholder.shape(Shape.of(shape)));
    }

    /** @return the names of the values {@link #step} returns, {@code total} first */
    public List<String> termNames() {
        return termNames;
    }

    /**
     * Sets the parameters to their seeded initial values and zeroes Adam's state.
     *
     * @param seed the initialization seed
     */
    public void initialize(long seed) {
        Session session = graph.session();
        params.initialize(session, seed);
        adam.reset(session);
    }

    /**
     * One optimizer step.
     *
     * @param x           the batch (B windows of T steps)
     * @param dirsImage   SIGReg directions {@code [P,K]} for the image projections
     * @param dirsMessage SIGReg directions {@code [P,K]} for the message projections
     * @return the loss terms before the update, in {@link #termNames} order
     */
    public double[] step(Jepa2Batch x, float[] dirsImage, float[] dirsMessage) {
        List<Tensor> owned = new ArrayList<>();
        try {
            Session.Runner r = graph.session().runner();
            feed(r, owned, 0, Tensors.floats(Precision.FLOAT32, x.image(), shape(0)));
            feed(r, owned, 1, Tensors.floats(Precision.FLOAT32, x.pos(), shape(1)));
            feed(r, owned, 2, Tensors.ints(x.message(), shape(2)));
            if (cells) {
                feed(r, owned, 3, Tensors.ints(x.predMessage(), shape(3)));
            }
            feed(r, owned, 4, Tensors.floats(Precision.FLOAT32, x.keep(), shape(4)));
            feed(r, owned, 5, Tensors.ints(x.action(), shape(5)));
            feed(r, owned, 6, Tensors.floats(Precision.FLOAT32, x.mask(), shape(6)));
            feed(r, owned, 7, Tensors.floats(Precision.FLOAT32, x.rewardLabel(), shape(7)));
            feed(r, owned, 8, Tensors.floats(Precision.FLOAT32, x.doneLabel(), shape(8)));
            feed(r, owned, 9, Tensors.floats(Precision.FLOAT32, x.stepMask(), shape(9)));
            feed(r, owned, 10, Tensors.floats(Precision.FLOAT32, dirsImage, shape(10)));
            feed(r, owned, 11, Tensors.floats(Precision.FLOAT32, dirsMessage, shape(11)));
            terms.forEach(r::fetch);
            r.addTarget(adam.trainOp());
            double[] out = new double[terms.size()];
            try (Result res = r.run()) {
                for (int k = 0; k < out.length; k++) {
                    out[k] = Tensors.scalar(res.get(k));
                }
            }
            return out;
        } finally {
            owned.forEach(Tensor::close);
        }
    }

    private long[] shape(int k) {
        return inputs[k].shape().asArray();
    }

    private void feed(Session.Runner r, List<Tensor> owned, int k, Tensor t) {
        owned.add(t);
        long[] want = shape(k);
        if (!java.util.Arrays.equals(t.shape().asArray(), want)) {
            throw new IllegalArgumentException("jepa2 input " + inputs[k] + " needs shape " + java.util.Arrays.toString(want));
        }
        r.feed(inputs[k], t);
    }

    /** @return the current parameter values by name */
    public Map<String, FloatTensor> weights() {
        return params.read(graph.session());
    }

    /** @return windows per step */
    public int batch() {
        return batch;
    }

    /** @return steps per window */
    public int seqLen() {
        return seqLen;
    }

    @Override
    public void close() {
        graph.close();
    }
}
