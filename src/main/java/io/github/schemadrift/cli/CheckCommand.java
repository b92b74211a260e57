package io.github.schemadrift.cli;

import io.github.schemadrift.FailOn;
import io.github.schemadrift.SchemaDrift;
import io.github.schemadrift.model.DriftReport;
import io.github.schemadrift.report.JsonReport;
import io.github.schemadrift.report.TextReport;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code schemadrift check}: prints the drift report and exits 1 when there is drift at or above {@code --fail-on}. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = "Compares the entities with the database and prints every drift. Exit code 0: nothing at or"
                + " above --fail-on; 1: drift at or above it; 2: an error (on stderr).")
final class CheckCommand extends DriftCommand {

    /** The report's shape on stdout. */
    enum Format { TEXT, JSON }

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "The report's format: text for people, json for tools (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--fail-on", paramLabel = "error|warning|info|never", defaultValue = "warning",
            description = "The least severity that makes the exit code 1 (default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @Override
    public Integer call() {
        try (SchemaDrift check = load()) {
            DriftReport report = check.detect();
            PrintWriter out = spec.commandLine().getOut();
            out.print(format == Format.JSON ? JsonReport.render(report) : TextReport.render(report, Integer.MAX_VALUE));
            out.flush();
            return failOn.fails(report) ? SchemaDriftCli.DRIFT : SchemaDriftCli.OK;
        }
    }
}
