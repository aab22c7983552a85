package dev.mawm.cli.eval.grid2;

/**
 * One codec × communication mode of a {@code --codec} evaluation (docs/program-messages.md): the planner's figures and
 * those of the information-limited oracle that receives the same decoded messages.
 *
 * @param codec    the codec's name ({@code raw}, {@code program}, {@code program:5})
 * @param mode     the communication mode's name
 * @param planner  the decentralized planner's figures; its {@code bits} are the real bits sent per episode (messages as
 *                 {@code BitMessage.bits()}, plus broadcast actions and plans)
 * @param informed the information-limited oracle's figures (its bits are not counted, as in the mode table)
 */
public record Grid2CodecResult(String codec, String mode, Grid2PolicyResult planner, Grid2PolicyResult informed) {
}
