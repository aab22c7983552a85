package dev.mawm.cli;

import java.util.concurrent.Callable;

/**
 * A {@code mawm} subcommand: a picocli {@code @Command} class registered in
 * {@code META-INF/services/dev.mawm.cli.MawmCommand}. It returns the process exit code and
 * reports failures by throwing an exception with a one-line message.
 */
public interface MawmCommand extends Callable<Integer> {
}
