/**
 * The {@code mawm} command line: entry point, output, config and progress helpers, and the options several commands
 * share, each a picocli mixin declared once ({@link dev.mawm.cli.ConfigOptions}, {@link dev.mawm.cli.SeedOption},
 * {@link dev.mawm.cli.JsonOption}, {@link dev.mawm.cli.QuietOption}, {@link dev.mawm.cli.ThreadsOption},
 * {@link dev.mawm.cli.EpisodesOption}).
 */
package dev.mawm.cli;
