package dev.mawm.training.tf;

import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.ops.Init;
import dev.mawm.models.ops.ParamSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Adam (Kingma &amp; Ba 2015) built from raw graph ops over an explicit variable list, deterministic on CPU.
 * One {@link #trainOp()} run does, with {@code t} the step count before the run:
 * <pre>
 *   g      = ∂loss/∂w                       (graph.addGradients over exactly the given variables)
 *   m      ← β1·m + (1 − β1)·g
 *   v      ← β2·v + (1 − β2)·g²
 *   w      ← w − lr·√(1 − β2^(t+1)) / (1 − β1^(t+1)) · m / (√v + ε)
 *   t      ← t + 1
 * </pre>
 * Ordering is explicit: every slot and weight update is control-dependent on all gradients, on the loss
 * and on any extra tensor fetched in the same run (so nothing reads a weight after it changed), and the
 * step update is control-dependent on every weight update (TensorFlow's stock Adam updates its β-powers
 * racing the weight updates, which is not reproducible).
 *
 * <p>Slots are named {@code adam.m.<param>}, {@code adam.v.<param>} and {@code adam.step} ({@link #state}),
 * so a run can be resumed exactly.
 */
public final class Adam {
    /** Name of the step-count slot. */
    public static final String STEP = "adam.step";

    private final VariableStore slots;
    private final Op trainOp;
    private final Variable<?> step;

    /**
     * Adam's hyper-parameters.
     *
     * @param lr learning rate, &gt; 0
     * @param beta1 first-moment decay in [0, 1)
     * @param beta2 second-moment decay in [0, 1)
     * @param epsilon denominator epsilon, &gt; 0
     */
    public record Settings(double lr, double beta1, double beta2, double epsilon) {
        /** Validates. */
        public Settings {
            if (!(lr > 0) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(epsilon > 0)) {
                throw new IllegalArgumentException("Adam needs lr > 0, beta1 and beta2 in [0, 1), epsilon > 0; got "
                        + lr + ", " + beta1 + ", " + beta2 + ", " + epsilon);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Adam(TfOps ops, Graph graph, Operand<?> loss, VariableStore params, Settings s, List<Operand<?>> fetchedWith) {
        org.tensorflow.op.Ops tf = ops.tf();
        List<Variable<?>> vars = params.variables();
        List<ParamSpec> slotSpecs = new ArrayList<>();
        for (ParamSpec p : params.specs()) {
            slotSpecs.add(new ParamSpec("adam.m." + p.name(), p.shape(), Init.zeros()));
        }
        for (ParamSpec p : params.specs()) {
            slotSpecs.add(new ParamSpec("adam.v." + p.name(), p.shape(), Init.zeros()));
        }
        slotSpecs.add(new ParamSpec(STEP, new long[0], Init.zeros()));
        this.slots = new VariableStore(tf.withSubScope("adam"), slotSpecs, params.precision());
        this.step = slots.variable(STEP);

        Output<?>[] xs = new Output<?>[vars.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = vars.get(i).asOutput();
        }
        Output<?>[] grads = graph.addGradients(loss.asOutput(), xs);
        List<Op> before = new ArrayList<>();
        for (int i = 0; i < grads.length; i++) {
            if (grads[i] == null) {
                throw new IllegalArgumentException("parameter '" + params.specs().get(i).name() + "' does not affect the loss");
            }
            before.add(grads[i]);
        }
        before.add(loss);
        before.addAll(fetchedWith);
        org.tensorflow.op.Ops ordered = tf.withControlDependencies(before);

        Operand<?> tNext = ops.add(step, ops.scalar(1f));
        Operand<?> b1t = tf.math.pow((Operand<TFloat32>) ops.scalar((float) s.beta1()), (Operand<TFloat32>) tNext);
        Operand<?> b2t = tf.math.pow((Operand<TFloat32>) ops.scalar((float) s.beta2()), (Operand<TFloat32>) tNext);
        Operand<?> one = ops.scalar(1f);
        Operand<?> lrT = ops.div(ops.mul(ops.scalar((float) s.lr()), ops.sqrt(ops.sub(one, b2t))), ops.sub(one, b1t));
        List<Op> updates = new ArrayList<>();
        for (int i = 0; i < vars.size(); i++) {
            String name = params.specs().get(i).name();
            Variable m = slots.variable("adam.m." + name);
            Variable v = slots.variable("adam.v." + name);
            Operand<?> g = grads[i];
            Operand<?> mVal = ops.add(ops.mul(ops.scalar((float) s.beta1()), m), ops.mul(ops.scalar((float) (1 - s.beta1())), g));
            Operand<?> vVal = ops.add(ops.mul(ops.scalar((float) s.beta2()), v), ops.mul(ops.scalar((float) (1 - s.beta2())), ops.square(g)));
            Operand mNew = ordered.assign(m, (Operand) mVal);
            Operand vNew = ordered.assign(v, (Operand) vVal);
            Operand<?> delta = ops.div(ops.mul(lrT, mNew), ops.add(ops.sqrt(vNew), ops.scalar((float) s.epsilon())));
            updates.add(ordered.assignSub((Operand) vars.get(i), (Operand) delta));
        }
        Op stepUpdate = tf.withControlDependencies(updates).assign((Operand) step, (Operand) tNext);
        this.trainOp = tf.withControlDependencies(List.of(stepUpdate)).withName("adam_train").noOp();
    }

    /**
     * Builds Adam for {@code loss} over every variable of {@code params}.
     *
     * @param ops the backend the loss was built with (its precision is used)
     * @param graph the graph
     * @param loss a scalar loss
     * @param params the variables to train (exactly these)
     * @param settings hyper-parameters
     * @param fetchedWith tensors fetched in the same run as the train op (metrics), which must be computed
     *     before any weight changes
     * @return the optimizer; call {@link #reset} or {@link #loadState} before the first step
     */
    public static Adam minimize(TfOps ops, Graph graph, Operand<?> loss, VariableStore params, Settings settings,
            List<Operand<?>> fetchedWith) {
        return new Adam(ops, graph, loss, params, settings, fetchedWith);
    }

    /** @return the op to run as a target once per step */
    public Op trainOp() {
        return trainOp;
    }

    /**
     * Zeroes the moments and the step count.
     *
     * @param session the session
     */
    public void reset(Session session) {
        Map<String, FloatTensor> zeros = new LinkedHashMap<>();
        for (ParamSpec p : slots.specs()) {
            zeros.put(p.name(), FloatTensor.zeros(p.shape()));
        }
        slots.load(session, zeros);
    }

    /**
     * @param session the session
     * @return the moments and step count by slot name
     */
    public Map<String, FloatTensor> state(Session session) {
        return slots.read(session);
    }

    /**
     * @param session the session
     * @param state moments and step count as returned by {@link #state}
     */
    public void loadState(Session session, Map<String, FloatTensor> state) {
        slots.load(session, state);
    }

    /**
     * @param session the session
     * @return the number of steps taken
     */
    public long steps(Session session) {
        try (var r = session.runner().fetch(step).run()) {
            return Math.round(Tensors.scalar(r.get(0)));
        }
    }
}
