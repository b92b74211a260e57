package io.github.schemadrift.cli;

import io.github.schemadrift.SchemaDrift;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/**
 * {@code schemadrift sql}: prints the SQL script that repairs the ERROR and WARNING drift, written as the next
 * Flyway migration (no {@code BEGIN}/{@code COMMIT}: Flyway supplies the transaction). Drift is not a failure
 * here: the exit code is 0 whenever the script was written.
 */
@Command(name = "sql",
        mixinStandardHelpOptions = true,
        description = "Prints the SQL script that repairs the ERROR and WARNING drift, ready to save as the next Flyway"
                + " migration (V<next>__fix_schema_drift.sql). Review its '-- review:' lines before running it."
                + " Exit code 0, or 2 on an error (on stderr).")
final class SqlCommand extends DriftCommand {

    @Override
    public Integer call() {
        try (SchemaDrift check = load()) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(check.migrationScript());
            out.flush();
            return SchemaDriftCli.OK;
        }
    }
}
