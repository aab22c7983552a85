/** The {@code mawm} command line: entry point, output, config and progress helpers. */
package dev.mawm.cli;
