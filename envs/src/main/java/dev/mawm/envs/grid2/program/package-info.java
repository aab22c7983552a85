/**
 * Program messages for grid2 (seed 003's primitives, DESIGN §7, docs/program-messages.md): a
 * sender's window described as a {@link dev.mawm.envs.grid2.program.Program} of
 * {@link dev.mawm.envs.grid2.program.Primitive} tokens, sent in a bit-exact prefix code
 * ({@link dev.mawm.envs.grid2.program.ProgramBits}) and decoded to a window with a sixth cell value,
 * {@link dev.mawm.envs.grid2.program.ProgramWindows#UNKNOWN} = 5, for what the program does not say.
 *
 * <p>Codecs ({@link dev.mawm.envs.grid2.program.MessageCodec}, by name through
 * {@link dev.mawm.envs.grid2.program.MessageCodecs}): {@code raw} (today's message as one mixed-radix integer),
 * {@code program} (lossless: every non-empty cell) and {@code program:L} (the first L facts of
 * {@link dev.mawm.envs.grid2.program.DecisionOrder}: goal, other agent, the walls next to the path).
 * "Bits sent" is {@link dev.mawm.envs.grid2.program.BitMessage#bits()}, the real length of what
 * {@code encode} wrote. Pure Java, no TensorFlow; everything deterministic.
 */
package dev.mawm.envs.grid2.program;
