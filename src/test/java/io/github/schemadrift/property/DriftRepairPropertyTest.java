package io.github.schemadrift.property;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.schemadrift.SchemaDrift;
import io.github.schemadrift.fixtures.rich.RichModel;
import io.github.schemadrift.hibernate.ExpectedSchemaReader;
import io.github.schemadrift.hibernate.HibernateMetadata;
import io.github.schemadrift.hibernate.ModelSources;
import io.github.schemadrift.model.DriftReport;
import io.github.schemadrift.model.SchemaSnapshot;
import io.github.schemadrift.model.Severity;
import io.github.schemadrift.report.TextReport;
import io.github.schemadrift.testing.FreshDatabase;
import io.github.schemadrift.testing.HibernateDdl;
import io.github.schemadrift.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;
import org.hibernate.boot.Metadata;

/**
 * Detection and repair, checked on random drift: start from Hibernate's own DDL for the rich model with rows
 * in every table, make 1–4 random {@link Mutation}s (drop a table or column, flip nullability, change a type
 * or a length, add an unmapped column), then
 *
 * <ol>
 *   <li>the ERROR and WARNING drift detected is exactly the drift the mutations imply, as (kind, table,
 *       column, severity), and</li>
 *   <li>the generated Flyway migration applies in one transaction, as Flyway runs it, and leaves no ERROR
 *       or WARNING.</li>
 * </ol>
 *
 * Each try works on its own copy of one seeded template database ({@code CREATE DATABASE … TEMPLATE}), made
 * ahead on a background thread.
 * On failure jqwik prints the seed and the (shrunk) list of mutations; replay it with
 * {@code @Property(seed = "<seed>")}, or run the test again: the failing sample is tried first.
 */
class DriftRepairPropertyTest {

    private static final Metadata METADATA = HibernateMetadata.build(ModelSources.ofClasses(RichModel.classes()));

    /** Hibernate's DDL, generated before the expected schema is read (both apply Bean Validation once). */
    private static final String DDL = HibernateDdl.createScript(METADATA);

    private static final SchemaSnapshot EXPECTED = ExpectedSchemaReader.read(METADATA).inSchemaIfUnqualified("public");

    private static final MutationCatalog CATALOG = new MutationCatalog(EXPECTED);

    /** Copies of the seeded template, made ahead of the tries that use them. */
    private static final Copies COPIES = new Copies();

    @Property(tries = 200, shrinking = ShrinkingMode.BOUNDED, afterFailure = AfterFailureMode.SAMPLE_FIRST)
    void detectsExactlyTheImpliedDriftAndTheMigrationRepairsIt(@ForAll("mutations") List<Mutation> mutations) {
        mutations.forEach(m -> Statistics.label("mutation kinds").collect(m.getClass().getSimpleName()));
        Statistics.label("mutations per try").collect(mutations.size());
        FreshDatabase database = COPIES.take();
        try {
            database.execute(mutations.stream().map(Mutation::sql).collect(Collectors.joining(";\n")));
            SchemaDrift check = SchemaDrift.configure()
                    .metadata(METADATA)
                    .url(database.url(), database.user(), database.password())
                    .load();

            DriftReport before = check.detect();
            Set<ImpliedDrift> implied = mutations.stream().flatMap(m -> m.implied().stream()).collect(Collectors.toSet());
            assertThat(errorsAndWarnings(before))
                    .as("ERROR/WARNING drift after %s%n%s", mutations, TextReport.render(before))
                    .containsExactlyInAnyOrderElementsOf(implied);

            String script = check.migrationScript();
            applyAsFlyway(database, script, mutations);
            DriftReport after = check.detect();
            assertThat(errorsAndWarnings(after))
                    .as("drift left after %s and applying%n%s%n%s", mutations, script, TextReport.render(after))
                    .isEmpty();
        } finally {
            COPIES.discard(database);
        }
    }

    @AfterContainer
    static void dropCopiesMadeAhead() {
        COPIES.close();
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        List<Arbitrary<? extends Mutation>> kinds = CATALOG.byKind().stream()
                .<Arbitrary<? extends Mutation>>map(Arbitraries::of)
                .toList();
        return Arbitraries.<Mutation>oneOf(kinds).list().ofMinSize(1).ofMaxSize(4).filter(MutationCatalog::compatible);
    }

    private static Set<ImpliedDrift> errorsAndWarnings(DriftReport report) {
        return report.drifts(d -> d.severity().isAtLeast(Severity.WARNING)).stream()
                .map(ImpliedDrift::of)
                .collect(Collectors.toSet());
    }

    /** One execute in one transaction, as Flyway runs a migration. */
    private static void applyAsFlyway(FreshDatabase database, String script, List<Mutation> mutations) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute(script);
            connection.commit();
        } catch (SQLException e) {
            throw new AssertionError("the migration failed after " + mutations + ": " + e.getMessage() + "\n" + script, e);
        }
    }

    /**
     * Copies of one template database holding the rich model's DDL and rows. Copying takes a few hundred
     * milliseconds, mostly I/O, so a background thread makes the next copies (and drops used ones) while a try
     * runs. One thread: a second does not copy faster, and the template is seeded on it alone.
     */
    private static final class Copies {

        private static final int AHEAD = 2;

        private final ExecutorService background = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "database-copies");
            thread.setDaemon(true);
            return thread;
        });
        private final Deque<Future<FreshDatabase>> ahead = new ArrayDeque<>();
        private FreshDatabase template;

        synchronized FreshDatabase take() {
            while (ahead.size() <= AHEAD) {
                ahead.add(background.submit(() -> TestDatabase.copyOf(template())));
            }
            try {
                return ahead.poll().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("copying the template failed", e.getCause());
            }
        }

        void discard(FreshDatabase database) {
            background.submit(() -> TestDatabase.drop(database));
        }

        synchronized void close() {
            ahead.forEach(copy -> background.submit(() -> {
                try {
                    TestDatabase.drop(copy.get());
                } catch (InterruptedException | ExecutionException e) {
                    // nothing was made, nothing to drop
                }
                return null;
            }));
            ahead.clear();
            background.shutdown();
            try {
                background.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Runs on the background thread only; no session stays connected to it, so it can be copied. */
        private FreshDatabase template() {
            if (template == null) {
                FreshDatabase seeded = TestDatabase.create();
                seeded.execute(DDL);
                seeded.execute(resource("schemas/rich-rows.sql"));
                template = seeded;
            }
            return template;
        }
    }

    private static String resource(String name) {
        try (InputStream in = DriftRepairPropertyTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
