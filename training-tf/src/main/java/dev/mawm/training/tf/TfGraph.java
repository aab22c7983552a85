package dev.mawm.training.tf;

import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;

/**
 * Owns one TensorFlow graph and, once {@link #session()} is first called, its session, configured with
 * a fixed number of intra-op and inter-op threads (1 keeps CPU runs bit-reproducible). Close it to free
 * the native memory; it refuses use after close.
 */
public final class TfGraph implements AutoCloseable {
    private final Graph graph = new Graph();
    private final Ops tf = Ops.create(graph);
    private final int threads;
    private Session session;
    private boolean closed;

    /**
     * An empty graph; its session is made on the first {@link #session()} call.
     *
     * @param threads intra-op and inter-op threads, ≥ 1
     */
    public TfGraph(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
    }

    /** @return the op builder of this graph */
    public Ops tf() {
        check();
        return tf;
    }

    /** @return the graph */
    public Graph graph() {
        check();
        return graph;
    }

    /** @return the session, created on first use (build the graph first) */
    public synchronized Session session() {
        check();
        if (session == null) {
            ConfigProto config = ConfigProto.newBuilder()
                    .setIntraOpParallelismThreads(threads)
                    .setInterOpParallelismThreads(threads)
                    .build();
            session = new Session(graph, config);
        }
        return session;
    }

    private void check() {
        if (closed) {
            throw new IllegalStateException("TfGraph is closed");
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (session != null) {
            session.close();
        }
        graph.close();
    }
}
