package dev.mawm.export.onnx;

import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dev.mawm.models.Names;
import dev.mawm.models.ops.ParamSpec;
import java.util.Arrays;

/** Small protobuf helpers of {@link OnnxGraph}. */
final class Protos {
    private Protos() {
    }

    static void checkCount(String what, int count, long[] shape) {
        for (long d : shape) {
            if (d < 1) {
                throw new IllegalArgumentException(what + " needs a fully known shape with dimensions >= 1, got " + Arrays.toString(shape));
            }
        }
        if (ParamSpec.size(shape) != count) {
            throw new IllegalArgumentException(what + " of shape " + Arrays.toString(shape) + " needs " + ParamSpec.size(shape)
                    + " values, got " + count);
        }
    }

    /** A graph input/output declaration; a dimension of -1 becomes the symbolic batch {@link Names#BATCH_DIM}. */
    static ValueInfoProto valueInfo(String name, ElemType type, long[] shape) {
        TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
        for (long d : shape) {
            s.addDim(d < 0 ? TensorShapeProto.Dimension.newBuilder().setDimParam(Names.BATCH_DIM)
                    : TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        TypeProto t = TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(type.onnx().getNumber()).setShape(s)).build();
        return ValueInfoProto.newBuilder().setName(name).setType(t).build();
    }
}
