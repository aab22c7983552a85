package dev.mawm.training.tf;

import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.family.TNumber;

/** The float type a {@link TfOps} graph computes in: float32 for training, float64 for gradient checks. */
public enum Precision {
    /** float32, the training and export precision. */
    FLOAT32(TFloat32.class),
    /** float64, for finite-difference gradient checks. */
    FLOAT64(TFloat64.class);

    private final Class<? extends TNumber> type;

    Precision(Class<? extends TNumber> type) {
        this.type = type;
    }

    /** @return the TensorFlow type class */
    public Class<? extends TNumber> type() {
        return type;
    }
}
