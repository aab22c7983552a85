package dev.mawm.export.graphs;

import dev.mawm.models.ops.Ops;
import java.util.List;

/** Mean and population standard deviation over ensemble members, written against {@link Ops}. */
final class MemberStats {
    private MemberStats() {
    }

    /**
     * @param ops the backend
     * @param xs one tensor per member, equal shapes
     * @param <T> tensor type
     * @return the elementwise mean {@code Σ x_k / K}
     */
    static <T> T mean(Ops<T> ops, List<T> xs) {
        T sum = xs.get(0);
        for (int k = 1; k < xs.size(); k++) {
            sum = ops.add(sum, xs.get(k));
        }
        return xs.size() == 1 ? sum : ops.mul(sum, ops.scalar(1f / xs.size()));
    }

    /**
     * @param ops the backend
     * @param xs one tensor per member, equal shapes
     * @param mean their {@link #mean}
     * @param <T> tensor type
     * @return the elementwise population std {@code sqrt(Σ (x_k − mean)² / K)}; exactly 0 for one member
     */
    static <T> T std(Ops<T> ops, List<T> xs, T mean) {
        T sq = null;
        for (T x : xs) {
            T d = ops.square(ops.sub(x, mean));
            sq = sq == null ? d : ops.add(sq, d);
        }
        return ops.sqrt(xs.size() == 1 ? sq : ops.mul(sq, ops.scalar(1f / xs.size())));
    }
}
