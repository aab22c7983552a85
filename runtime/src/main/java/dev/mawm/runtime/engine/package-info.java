/**
 * Typed engines over a loaded {@link dev.mawm.runtime.Bundle}: {@link dev.mawm.runtime.engine.MlpEngine} and
 * {@link dev.mawm.runtime.engine.GruEngine} (single-step components), {@link dev.mawm.runtime.engine.FusedRollout}
 * (the whole horizon for N candidates in one ONNX Runtime call) and
 * {@link dev.mawm.runtime.engine.RolloutSequenceModel}, the planner's {@link dev.mawm.planner.SequenceModel} over
 * the fused rollout with every buffer preallocated. Family jepa2: {@link dev.mawm.runtime.engine.Jepa2Engine}
 * (single steps and {@link dev.mawm.runtime.engine.Jepa2Engine#start}), {@link dev.mawm.runtime.engine.Jepa2RolloutRunner}
 * (the imagined-message rollout of DESIGN §7) and {@link dev.mawm.runtime.engine.Jepa2TeamModel} (the decentralized planner's model).
 *
 * <p>Engines are thread-safe (each call borrows a pooled {@link dev.mawm.runtime.Call}); arrays are row-major
 * with the batch first; float inputs are checked for NaN/infinity and actions for range.
 */
package dev.mawm.runtime.engine;
