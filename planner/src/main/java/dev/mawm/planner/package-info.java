/**
 * Planning for mawm agents: discrete cross-entropy-method search ({@link dev.mawm.planner.DiscreteCem}) over
 * categorical action sequences, and a model-predictive-control loop ({@link dev.mawm.planner.MpcPlanner}) that
 * warm-starts the search between ticks and scores candidates through a small model interface
 * ({@link dev.mawm.planner.SequenceModel}), so the planner needs no native library and is tested against
 * pure-Java stub models. {@link dev.mawm.planner.DiscreteCem}'s lockstep API (begin, prepare/finish each iteration,
 * end) lets several agents share one batched model call per iteration: the decentralized two-agent protocol in
 * {@link dev.mawm.planner.team}.
 *
 * <p>Hot path: after construction, planning a tick allocates nothing on the Java heap (flat primitive arrays
 * preallocated once). Instances are not thread-safe; use one planner per agent and thread.
 */
package dev.mawm.planner;
