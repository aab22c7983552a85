/** Network building blocks and the networks of every model family, written once against {@link dev.mawm.models.ops.Ops}. */
package dev.mawm.models.nn;
