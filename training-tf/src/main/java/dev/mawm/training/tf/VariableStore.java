package dev.mawm.training.tf;

import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.ops.ParamSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.family.TType;

/**
 * Named graph variables of known shapes, each with an assign op fed from a placeholder, so values are
 * set from Java ({@link #load}, {@link #initialize}) and read back ({@link #read}) by name. Used for
 * model parameters and for optimizer slots. Only explicitly listed variables exist here: nothing is
 * ever picked up as "all variables of the graph".
 */
public final class VariableStore {
    private final Precision precision;
    private final Map<String, ParamSpec> specs = new LinkedHashMap<>();
    private final Map<String, Variable<?>> vars = new LinkedHashMap<>();
    private final Map<String, Placeholder<?>> feeds = new LinkedHashMap<>();
    private final List<Op> assigns = new ArrayList<>();

    /**
     * Creates the variables.
     *
     * @param tf the graph's op builder (a sub-scope keeps names apart, e.g. {@code tf.withSubScope("params")})
     * @param specs the variables: unique names, shapes, initializers
     * @param precision the float type
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public VariableStore(Ops tf, List<ParamSpec> specs, Precision precision) {
        this.precision = precision;
        for (ParamSpec s : specs) {
            if (this.specs.put(s.name(), s) != null) {
                throw new IllegalArgumentException("parameter '" + s.name() + "' is declared twice");
            }
            Shape shape = Shape.of(s.shape());
            Variable v = tf.withName(s.name()).variable(shape, (Class) precision.type());
            Placeholder p = tf.withName(s.name() + "_in").placeholder((Class) precision.type(), Placeholder.shape(shape));
            vars.put(s.name(), v);
            feeds.put(s.name(), p);
            assigns.add(tf.withName(s.name() + "_assign").assign((Operand) v, (Operand) p));
        }
    }

    /** @return the declared variables in order */
    public List<ParamSpec> specs() {
        return List.copyOf(specs.values());
    }

    /** @return the precision */
    public Precision precision() {
        return precision;
    }

    /**
     * @param name a variable name
     * @return the variable
     * @throws IllegalArgumentException naming the unknown variable
     */
    public Variable<?> variable(String name) {
        Variable<?> v = vars.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no parameter '" + name + "' is declared; declared: " + specs.keySet());
        }
        return v;
    }

    /** @return the variables in declaration order */
    public List<Variable<?>> variables() {
        return Collections.unmodifiableList(new ArrayList<>(vars.values()));
    }

    /**
     * Draws initial values with {@link dev.mawm.models.ops.Init#sample} from one {@code SplittableRandom(seed)},
     * in declaration order (the same values every backend gets for this seed).
     *
     * @param specs the parameters
     * @param seed the seed
     * @return values by name
     */
    public static Map<String, FloatTensor> sample(List<ParamSpec> specs, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Map<String, FloatTensor> out = new LinkedHashMap<>();
        for (ParamSpec s : specs) {
            out.put(s.name(), new FloatTensor(s.shape(), s.init().sample(s.shape(), rng)));
        }
        return out;
    }

    /**
     * Sets every variable to its seeded initial value ({@link #sample}).
     *
     * @param session the session
     * @param seed the seed
     */
    public void initialize(Session session, long seed) {
        load(session, sample(specs(), seed));
    }

    /**
     * Assigns every variable in one run.
     *
     * @param session the session
     * @param values a value for every variable, exactly the declared shapes; extra names are refused
     */
    public void load(Session session, Map<String, FloatTensor> values) {
        for (String name : values.keySet()) {
            if (!specs.containsKey(name)) {
                throw new IllegalArgumentException("value given for undeclared parameter '" + name + "'");
            }
        }
        List<Tensor> owned = new ArrayList<>();
        try {
            Session.Runner r = session.runner();
            for (ParamSpec s : specs.values()) {
                FloatTensor v = values.get(s.name());
                if (v == null) {
                    throw new IllegalArgumentException("no value for parameter '" + s.name() + "'");
                }
                if (!Arrays.equals(v.shape(), s.shape())) {
                    throw new IllegalArgumentException("parameter '" + s.name() + "' has shape " + Arrays.toString(s.shape())
                            + ", the value has " + Arrays.toString(v.shape()));
                }
                Tensor t = Tensors.floats(precision, v.data(), v.shape());
                owned.add(t);
                r.feed(feeds.get(s.name()), t);
            }
            assigns.forEach(r::addTarget);
            r.run().close();
        } finally {
            owned.forEach(Tensor::close);
        }
    }

    /**
     * Reads every variable in one run.
     *
     * @param session the session
     * @return values by name, in declaration order (float32 copies)
     */
    public Map<String, FloatTensor> read(Session session) {
        Session.Runner r = session.runner();
        vars.values().forEach(r::fetch);
        Map<String, FloatTensor> out = new LinkedHashMap<>();
        try (Result res = r.run()) {
            int i = 0;
            for (String name : vars.keySet()) {
                out.put(name, Tensors.toFloatTensor(res.get(i++)));
            }
        }
        return out;
    }
}
