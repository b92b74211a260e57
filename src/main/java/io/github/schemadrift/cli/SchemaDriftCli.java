package io.github.schemadrift.cli;

import io.github.schemadrift.SchemaDriftInputException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line: {@code java -jar schemadrift-VERSION-cli.jar check|sql [options]}. See {@code docs/cli.md}
 * for the contract scripts rely on: output on stdout, one paragraph per error on stderr, and exit codes
 * {@value #OK} (no drift at or above {@code --fail-on}), {@value #DRIFT} (drift) and {@value #ERROR} (any error).
 */
@Command(name = "schemadrift",
        mixinStandardHelpOptions = true,
        versionProvider = SchemaDriftCli.Version.class,
        subcommands = {CheckCommand.class, SqlCommand.class},
        description = "Finds where a PostgreSQL database has drifted from its Hibernate entities.")
public final class SchemaDriftCli implements Callable<Integer> {

    /** Exit code: nothing at or above {@code --fail-on}, or the command did what it was asked. */
    public static final int OK = 0;
    /** Exit code: drift at or above {@code --fail-on}. */
    public static final int DRIFT = 1;
    /** Exit code: bad input or any other error; the reason is on stderr. */
    public static final int ERROR = 2;

    private static final String DEBUG_OPTION = "--debug";

    @Spec
    private CommandSpec spec;

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        boolean debug = List.of(args).contains(DEBUG_OPTION);
        configureLogging(debug);
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        Consumer<String> progress = System.console() == null ? step -> { } : step -> err.println("schemadrift: " + step);
        int code = run(args, out, err, progress);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Runs the command line without exiting (what {@code main} does before it exits with the code).
     *
     * @param args the arguments
     * @param out where reports and scripts go
     * @param err where errors and progress go
     * @param progress receives a line before each long step
     * @return the exit code: {@link #OK}, {@link #DRIFT} or {@link #ERROR}
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Consumer<String> progress) {
        Secrets secrets = Secrets.in(args);
        boolean debug = List.of(args).contains(DEBUG_OPTION);
        PrintWriter redactedOut = secrets.redacting(out);
        PrintWriter redactedErr = secrets.redacting(err);
        CommandLine commandLine = new CommandLine(new SchemaDriftCli())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(redactedOut)
                .setErr(redactedErr)
                .setParameterExceptionHandler((e, arguments) -> parameterError(e, redactedErr, debug))
                .setExecutionExceptionHandler((e, command, parseResult) -> executionError(e, redactedErr, debug));
        for (CommandLine subcommand : commandLine.getSubcommands().values()) {
            if (subcommand.getCommand() instanceof DriftCommand command) {
                command.progress(progress);
            }
        }
        int code = commandLine.execute(args);
        redactedOut.flush();
        redactedErr.flush();
        return code;
    }

    /** Without a command there is nothing to do: say which there are. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("No command given: use 'schemadrift check' to report drift or"
                + " 'schemadrift sql' to print the SQL that fixes it; 'schemadrift check --help' lists the options.");
        return ERROR;
    }

    /** picocli's own messages, re-worded into one paragraph that names the bad input and where help is. */
    private static int parameterError(ParameterException e, PrintWriter err, boolean debug) {
        String command = e.getCommandLine().getCommandSpec().qualifiedName();
        String problem;
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            // Name only the first token: the ones after it may be a mistyped option's value, such as a password.
            String first = unmatched.getUnmatched().get(0);
            problem = (first.startsWith("-") ? "Unknown option '" : "Unexpected argument '") + first + "' for " + command + ".";
        } else {
            problem = sentence(e.getMessage());
        }
        err.println(sentence(problem) + " Run '" + command + " --help' to see the options.");
        if (debug) {
            e.printStackTrace(err);
        }
        return ERROR;
    }

    private static int executionError(Exception e, PrintWriter err, boolean debug) {
        if (e instanceof SchemaDriftInputException) {
            err.println(sentence(e.getMessage()));
        } else {
            err.println(sentence("schemadrift failed unexpectedly: " + e)
                    + (debug ? "" : " Run again with --debug to see where, and report it with that output."));
        }
        if (debug) {
            e.printStackTrace(err);
        }
        return ERROR;
    }

    /** A message as one paragraph on one line, ending with a full stop. */
    private static String sentence(String message) {
        String line = message == null ? "no detail" : message.strip().replaceAll("\\s*\\R\\s*", " ");
        return line.endsWith(".") ? line : line + ".";
    }

    /**
     * The CLI owns its process, so it owns java.util.logging: Hibernate (through JBoss Logging), SchemaCrawler
     * and the embedded PostgreSQL log there, and none of it belongs on the console in a normal run; errors
     * reach the user as one paragraph instead. With {@code --debug} their INFO and above go to stderr.
     * Flyway and zonky log through SLF4J, which the runnable jar binds to nothing.
     */
    private static void configureLogging(boolean debug) {
        System.setProperty("org.jboss.logging.provider", "jdk");
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(debug ? Level.INFO : Level.OFF);
        if (debug) {
            ConsoleHandler handler = new ConsoleHandler();
            handler.setLevel(Level.ALL);
            root.addHandler(handler);
        }
    }

    /** The version from the runnable jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = SchemaDriftCli.class.getPackage().getImplementationVersion();
            return new String[] {"schemadrift " + (version == null ? "(development build)" : version)};
        }
    }

    /**
     * The password given on this command line, directly or through {@code --password-env}, so that no output
     * ever shows it, not even a stack trace or an echo of a mistyped option.
     */
    private record Secrets(List<String> values) {

        static Secrets in(String[] args) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if ((arg.equals("--password") || arg.equals("--password-env")) && i + 1 < args.length) {
                    values.add(arg.equals("--password") ? args[i + 1] : System.getenv(args[i + 1]));
                } else if (arg.startsWith("--password=")) {
                    values.add(arg.substring("--password=".length()));
                } else if (arg.startsWith("--password-env=")) {
                    values.add(System.getenv(arg.substring("--password-env=".length())));
                }
            }
            values.removeIf(value -> value == null || value.isEmpty());
            return new Secrets(List.copyOf(values));
        }

        PrintWriter redacting(PrintWriter target) {
            if (values.isEmpty()) {
                return target;
            }
            return new PrintWriter(target, true) {
                @Override
                public void write(String s, int off, int len) {
                    target.write(redact(s.substring(off, off + len)));
                }

                @Override
                public void write(char[] buf, int off, int len) {
                    target.write(redact(new String(buf, off, len)));
                }

                @Override
                public void write(int c) {
                    target.write(c);
                }
            };
        }

        private String redact(String text) {
            String result = text;
            for (String value : values) {
                result = result.replace(value, "****");
            }
            return result;
        }
    }
}
