package dev.mawm.training.tf;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Tensor;

/** Tensors to feed into placeholders for one run; owns the tensors and closes them. */
public final class Feeds implements AutoCloseable {
    private final List<Operand<?>> targets = new ArrayList<>();
    private final List<Tensor> tensors = new ArrayList<>();
    private boolean closed;

    /**
     * @param placeholder where to feed
     * @param tensor the value; owned by this object from now on
     * @return this
     */
    public Feeds put(Operand<?> placeholder, Tensor tensor) {
        if (closed) {
            tensor.close();
            throw new IllegalStateException("feeds are closed");
        }
        targets.add(placeholder);
        tensors.add(tensor);
        return this;
    }

    /**
     * @param runner a session runner
     * @return the runner with every feed added
     */
    public Session.Runner applyTo(Session.Runner runner) {
        for (int i = 0; i < targets.size(); i++) {
            runner.feed(targets.get(i), tensors.get(i));
        }
        return runner;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            tensors.forEach(Tensor::close);
            tensors.clear();
        }
    }
}
