/** The {@code mawm} subcommands, one class each, registered through {@code ServiceLoader}. */
package dev.mawm.cli.commands;
