package dev.mawm.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Test helper: one in-process {@code mawm} invocation ({@link Main#run}) and what it printed. Shared with the
 * cross-module tests through this module's test-jar.
 *
 * @param code the exit code
 * @param out standard output
 * @param err standard error
 */
public record CliRun(int code, String out, String err) {

    /**
     * @param args the command line
     * @return the exit code and both outputs
     */
    public static CliRun mawm(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }
}
