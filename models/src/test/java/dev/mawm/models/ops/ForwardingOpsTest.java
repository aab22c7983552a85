package dev.mawm.models.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link ForwardingOps} gives the backend's results, and a subclass can replace where parameters come from. */
class ForwardingOpsTest {
    private static final RefTensor X = RefTensor.of(new float[] {-1.5f, 0.25f, 2f, -0.5f, 1f, 3f}, 2, 3);
    private static final RefTensor W = RefTensor.of(new float[] {1f, 2f, -1f, 0.5f, 0f, 1f}, 3, 2);

    @Test
    void everyOpGivesTheBackendsResult() {
        RefOps ref = new RefOps(Map.of("w", W));
        Ops<RefTensor> fwd = new ForwardingOps<>(ref);
        assertArrayEquals(ref.matmul(X, ref.param("w")).data(), fwd.matmul(X, fwd.param("w")).data());
        assertArrayEquals(ref.elu(ref.add(X, ref.scalar(1f))).data(), fwd.elu(fwd.add(X, fwd.scalar(1f))).data());
        assertArrayEquals(ref.sigmoid(ref.mul(X, X)).data(), fwd.sigmoid(fwd.square(X)).data());
        assertArrayEquals(ref.concat(-1, List.of(X, X)).data(), fwd.concat(-1, List.of(X, X)).data());
        assertArrayEquals(ref.reduceMean(X, 0, false).data(), fwd.reduceMean(X, 0, false).data());
        assertArrayEquals(ref.reshape(ref.slice(X, 1, 1, 3), -1).data(), fwd.reshape(fwd.slice(X, 1, 1, 3), -1).data());
        assertArrayEquals(ref.oneHot(RefTensor.ofInts(new int[] {1, 0}, 2), 2).data(),
                fwd.oneHot(RefTensor.ofInts(new int[] {1, 0}, 2), 2).data());
        assertArrayEquals(ref.dense(X, W, null).data(), fwd.dense(X, W, null).data());
        assertArrayEquals(ref.neg(X).data(), fwd.neg(X).data());
    }

    @Test
    void aSubclassReplacesParameters() {
        RefOps ref = new RefOps(Map.of("w", W));
        Ops<RefTensor> doubled = new ForwardingOps<>(ref) {
            @Override
            public RefTensor param(String name) {
                return delegate().mul(delegate().param(name), delegate().scalar(2f));
            }
        };
        assertArrayEquals(ref.mul(W, ref.scalar(2f)).data(), doubled.param("w").data());
        assertThrows(IllegalArgumentException.class, () -> new ForwardingOps<RefTensor>(null));
    }
}
