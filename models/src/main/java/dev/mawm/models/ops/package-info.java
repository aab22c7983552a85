/**
 * The op interface networks are written against once ({@link dev.mawm.models.ops.Ops}), and
 * parameter declarations ({@link dev.mawm.models.ops.ParamSpec}, {@link dev.mawm.models.ops.Init}).
 */
package dev.mawm.models.ops;
