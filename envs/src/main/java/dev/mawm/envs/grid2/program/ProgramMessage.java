package dev.mawm.envs.grid2.program;

import dev.mawm.envs.grid2.GridPos;
import java.util.Objects;

/**
 * What a program codec sends: the sender's position (as the raw message carries it after its
 * window) and the program that describes its window. The position is a header of the bit format,
 * not a primitive: none of seed 003's 13 templates places the sender.
 *
 * @param sender  the sender's absolute cell, or null when the message form carries no position
 *                ({@code grid2.messagePosition = false}); checked against the grid by {@link ProgramSpace#require(GridPos)}
 * @param program the program, not null
 */
public record ProgramMessage(GridPos sender, Program program) {
    /** Checks that the program is present. */
    public ProgramMessage {
        Objects.requireNonNull(program, "program message's program");
    }

    /**
     * Checks the message against a space: a position exactly when the space carries one, inside the grid, and every
     * token's parameters in range.
     *
     * @param space the window and grid
     * @throws IllegalArgumentException naming the position or the token at fault
     */
    public void require(ProgramSpace space) {
        if (space.withPosition() && sender == null) {
            throw new IllegalArgumentException("program message needs the sender's position: the space carries one (grid2.messagePosition)");
        }
        if (!space.withPosition() && sender != null) {
            throw new IllegalArgumentException("program message has a sender position " + sender
                    + " but the space carries none (grid2.messagePosition = false)");
        }
        if (sender != null) {
            space.require(sender);
        }
        space.require(program);
    }

    @Override
    public String toString() {
        return (sender == null ? "" : "@" + sender + " ") + program;
    }
}
