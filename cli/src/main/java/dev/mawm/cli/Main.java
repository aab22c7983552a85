package dev.mawm.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code mawm} command line: collect, train, export, verify, inspect, eval, render, demo, config.
 * Subcommands are discovered with {@link ServiceLoader} over {@link MawmCommand}.
 */
@Command(name = "mawm", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Multi-agent latent world models: collect, train, export, verify, inspect, evaluate, render, demo, config.",
        subcommands = CommandLine.HelpCommand.class)
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Runs the CLI and exits with its code.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the CLI without exiting (used by tests).
     *
     * @param args command-line arguments
     * @param out standard output
     * @param err standard error
     * @return the exit code: 0 ok, 1 failure, 2 bad usage
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** @return the configured command line with every registered subcommand */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        List<MawmCommand> commands = new ArrayList<>();
        ServiceLoader.load(MawmCommand.class).forEach(commands::add);
        commands.sort(Comparator.comparing(c -> c.getClass().getName()));
        for (MawmCommand command : commands) {
            cli.addSubcommand(command);
        }
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("mawm " + commandLine.getCommandName() + ": " + oneLine(ex));
            if (System.getenv("MAWM_DEBUG") != null) {
                ex.printStackTrace(commandLine.getErr());
            }
            return 1;
        });
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("mawm " + c.getCommandName() + ": " + printable(String.valueOf(ex.getMessage())));
            c.getErr().println("Try 'mawm " + (c.getParent() == null ? "" : c.getCommandName() + " ") + "--help'.");
            return 2;
        });
        return cli;
    }

    /**
     * The message of an exception and its causes, on one line: a line break becomes a space, and every other
     * control character (a {@code \r} in a corrupted tensor name would garble the terminal) is shown as an escape
     * ({@code \r}, {@code \t}, {@code \u001b}).
     *
     * @param ex the failure
     * @return a one-line reason
     */
    static String oneLine(Throwable ex) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = ex; t != null; t = t.getCause()) {
            String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (sb.indexOf(msg) < 0) {
                sb.append(sb.length() > 0 ? ": " : "").append(msg);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return printable(sb.toString());
    }

    /**
     * @param text any text
     * @return the text on one line with control characters escaped ({@code \n} becomes a space)
     */
    static String printable(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n') {
                sb.append(' ');
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reports the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"mawm " + (v == null ? "dev" : v)};
        }
    }
}
