package dev.mawm.export.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import java.util.Arrays;
import java.util.List;

/**
 * Emits the op interface's NHWC {@code conv2d} as {@code Transpose}(NHWC→NCHW) → {@code Conv} →
 * {@code Transpose}(NCHW→NHWC), with TensorFlow's padding rules.
 */
final class Conv2dNodes {
    private Conv2dNodes() {
    }

    /**
     * @param graph the graph
     * @param x {@code [batch, h, w, cin]}
     * @param filter {@code [kh, kw, cin, cout]}
     * @param stride stride in both spatial dims, ≥ 1
     * @param same TensorFlow SAME padding, else VALID
     * @return {@code [batch, h', w', cout]}
     */
    static OnnxValue emit(OnnxGraph graph, OnnxValue x, OnnxValue filter, int stride, boolean same) {
        long[] xs = x.shape();
        long[] fs = filter.shape();
        if (xs.length != 4 || fs.length != 4) {
            throw new IllegalArgumentException("conv2d needs x [batch, h, w, cin] and filter [kh, kw, cin, cout], got "
                    + Arrays.toString(xs) + " and " + Arrays.toString(fs));
        }
        if (stride < 1) {
            throw new IllegalArgumentException("conv2d: stride must be >= 1, got " + stride);
        }
        if (fs[0] < 1 || fs[1] < 1) {
            throw new IllegalArgumentException("conv2d: the filter's kernel size must be static, got " + Arrays.toString(fs));
        }
        if (xs[3] != -1 && fs[2] != -1 && xs[3] != fs[2]) {
            throw new IllegalArgumentException("conv2d: input channels " + xs[3] + " differ from the filter's " + fs[2]);
        }
        long kh = fs[0];
        long kw = fs[1];
        long oh = Shapes.convOut(xs[1], kh, stride, same);
        long ow = Shapes.convOut(xs[2], kw, stride, same);

        OnnxValue nchw = graph.node("Transpose", List.of(x), ElemType.FLOAT, new long[] {xs[0], xs[3], xs[1], xs[2]},
                Attrs.ofInts("perm", 0, 3, 1, 2));
        OnnxValue oihw = graph.node("Transpose", List.of(filter), ElemType.FLOAT, new long[] {fs[3], fs[2], kh, kw},
                Attrs.ofInts("perm", 3, 2, 0, 1));
        AttributeProto padding;
        if (!same) {
            padding = Attrs.ofInts("pads", 0L, 0L, 0L, 0L);
        } else if (xs[1] != -1 && xs[2] != -1) {
            long[] ph = samePads(xs[1], kh, stride);
            long[] pw = samePads(xs[2], kw, stride);
            padding = Attrs.ofInts("pads", ph[0], pw[0], ph[1], pw[1]);
        } else {
            padding = Attrs.ofString("auto_pad", "SAME_UPPER");
        }
        OnnxValue conv = graph.node("Conv", List.of(nchw, oihw), ElemType.FLOAT, new long[] {xs[0], fs[3], oh, ow},
                Attrs.ofInts("kernel_shape", kh, kw), Attrs.ofInts("strides", (long) stride, stride), padding,
                Attrs.ofInts("dilations", 1L, 1L));
        return graph.node("Transpose", List.of(conv), ElemType.FLOAT, new long[] {xs[0], oh, ow, fs[3]},
                Attrs.ofInts("perm", 0, 2, 3, 1));
    }

    /** TensorFlow SAME padding of one spatial dim: total = max((ceil(in/s) − 1)·s + k − in, 0), extra at the end. */
    private static long[] samePads(long in, long k, int stride) {
        long out = (in + stride - 1) / stride;
        long total = Math.max((out - 1) * stride + k - in, 0);
        return new long[] {total / 2, total - total / 2};
    }
}
