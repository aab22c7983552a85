package dev.mawm.export.onnx;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;

/** The element types the exporter emits, and their ONNX {@code TensorProto.DataType}. */
public enum ElemType {
    /** float32, every activation and parameter. */
    FLOAT(DataType.FLOAT),
    /** int32, actions and indices (the op interface's index type). */
    INT32(DataType.INT32),
    /** int64, ONNX's own shape and axis operands. */
    INT64(DataType.INT64),
    /** bool, comparison results. */
    BOOL(DataType.BOOL);

    private final DataType onnx;

    ElemType(DataType onnx) {
        this.onnx = onnx;
    }

    /** @return the ONNX data type */
    public DataType onnx() {
        return onnx;
    }
}
