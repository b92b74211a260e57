package io.github.schemadrift.maven;

import io.github.schemadrift.FixMigration;
import io.github.schemadrift.SchemaDrift;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code schemadrift:sql}: writes the SQL that repairs the ERROR and WARNING drift, Flyway style, to
 * {@code outputFile}, or with {@code migrationsDir} as the next versioned migration in that folder,
 * {@code V<next>__fix_schema_drift.sql}. Drift does not fail this goal; broken input is a BUILD ERROR.
 */
@Mojo(name = "sql", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class SqlMojo extends DriftMojo {

    /** Where the script goes when {@code migrationsDir} is not given. */
    @Parameter(property = "schemadrift.outputFile", defaultValue = "${project.build.directory}/schemadrift/fix.sql")
    File outputFile;

    /**
     * A Flyway migrations folder to save the script in as the next versioned migration: one past the highest
     * {@code V<version>__*.sql} there, in the same numbering shape ({@code V1 → V2}, {@code V1.1 → V1.2},
     * {@code V20251028_120000 → V20251028_120001}). Nothing is written there when there is nothing to fix.
     */
    @Parameter(property = "schemadrift.migrationsDir")
    File migrationsDir;

    /** Maven instantiates goals itself. */
    public SqlMojo() {
    }

    @Override
    void run(SchemaDrift check) {
        FixMigration fix = check.fixMigration();
        if (migrationsDir == null) {
            Path file = fix.writeTo(outputFile.toPath());
            getLog().info("schemadrift: " + (fix.hasFixes() ? "the fix for " + fix.fixedDrifts() + " drift(s)"
                    : "nothing to fix; a script without statements") + " written to " + file);
            return;
        }
        Optional<Path> written = fix.writeAsNextMigrationIn(migrationsDir.toPath());
        if (written.isPresent()) {
            getLog().info("schemadrift: the fix for " + fix.fixedDrifts() + " drift(s) written to " + written.get()
                    + ". Review its '-- review:' lines before you commit it.");
        } else {
            getLog().info("schemadrift: nothing to fix; no migration written to " + migrationsDir + ".");
        }
    }
}
