package io.github.schemadrift.maven;

import io.github.schemadrift.FailOn;
import io.github.schemadrift.SchemaDrift;
import io.github.schemadrift.SchemaDriftInputException;
import io.github.schemadrift.model.DriftReport;
import io.github.schemadrift.report.JsonReport;
import io.github.schemadrift.report.TextReport;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code schemadrift:check}: compares the project's entities with the database and fails the build (BUILD
 * FAILURE) when there is drift at or above {@code failOn}, with the report in the log. Broken input (an
 * unreachable database, no entities found, a failing migration) is a BUILD ERROR instead. Every run writes
 * {@code report.txt} and {@code report.json} into {@code outputDirectory}, also when it passes.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public class CheckMojo extends DriftMojo {

    /** The least severity that fails the build: {@code error}, {@code warning}, {@code info} or {@code never}. */
    @Parameter(property = "schemadrift.failOn", defaultValue = "warning")
    String failOn;

    /** Where {@code report.txt} and {@code report.json} are written. */
    @Parameter(property = "schemadrift.outputDirectory", defaultValue = "${project.build.directory}/schemadrift")
    File outputDirectory;

    /** Maven instantiates goals itself. */
    public CheckMojo() {
    }

    @Override
    void run(SchemaDrift check) throws MojoFailureException {
        FailOn threshold = FailOn.parse(failOn, "failOn (schemadrift.failOn)");
        DriftReport report = check.detect();
        String text = TextReport.render(report, Integer.MAX_VALUE);
        Path txt = write("report.txt", text);
        write("report.json", JsonReport.render(report));
        boolean fails = threshold.fails(report);
        log(text, fails);
        getLog().info("schemadrift: report written to " + txt + " and report.json beside it.");
        if (fails) {
            throw new MojoFailureException(scrub("Schema drift at or above " + threshold.name().toLowerCase(java.util.Locale.ROOT)
                    + " (failOn): " + TextReport.summary(report) + ". The report is above and in " + txt
                    + "; mvn schemadrift:sql writes the migration that fixes it."));
        }
    }

    private Path write(String name, String content) {
        Path file = outputDirectory.toPath().resolve(name);
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, scrub(content));
        } catch (IOException e) {
            throw new SchemaDriftInputException("Cannot write " + file + ": " + e.getMessage()
                    + ". Check that outputDirectory is writable.", e);
        }
    }
}
