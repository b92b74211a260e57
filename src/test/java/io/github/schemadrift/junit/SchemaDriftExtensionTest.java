package io.github.schemadrift.junit;

import static io.github.schemadrift.assertj.SchemaDriftAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.schemadrift.SchemaDrift;
import io.github.schemadrift.SchemaDriftInputException;
import io.github.schemadrift.fixtures.seed000.IntegrationToken;
import io.github.schemadrift.fixtures.seed004.User;
import io.github.schemadrift.model.DriftKind;
import io.github.schemadrift.model.DriftReport;
import io.github.schemadrift.testing.FreshDatabase;
import io.github.schemadrift.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The extension as a user meets it: test classes that use it run through JUnit's EngineTestKit, and we check
 * which of their tests pass and how the others fail. Those classes are static nested classes not named
 * {@code *Test}, so only the kit runs them, never the build's own discovery.
 */
class SchemaDriftExtensionTest {

    @Test
    void aDriftedDatabaseFailsTheTestWithTheDriftReport() {
        Events tests = run(DriftedAtV1.class);

        tests.assertStatistics(stats -> stats.started(1).failed(1));
        tests.assertThatEvents().haveExactly(1, event(test("noDrift"), finishedWithFailure(
                instanceOf(AssertionError.class),
                message(text -> text.startsWith("""
                        Expecting no drift between the model and the database, but found 2:

                        2 drifts: 1 error, 1 warning, 0 infos
                          model:    Hibernate model of classes [io.github.schemadrift.fixtures.seed000.IntegrationToken]
                          database: jdbc:postgresql://localhost:""")
                        && text.contains("""
                        /schemadrift

                        public.integration_tokens
                          ERROR   MISSING_COLUMN       is_active
                              found:    nothing
                              expected: boolean not null
                              from:     io.github.schemadrift.fixtures.seed000.IntegrationToken#active
                        """)
                        && text.contains("""
                          WARNING NULLABILITY_MISMATCH updated_date
                              found:    timestamp without time zone
                              expected: timestamp(6) not null
                        """)))));
    }

    @Test
    void aDatabaseMigratedToTheFixPasses() {
        run(FixedByV2.class).assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
    }

    @Test
    void aFailingMigrationFailsTheClassWithTheOneParagraphMessage() {
        Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(BrokenMigration.class)).execute()
                .containerEvents();

        events.assertThatEvents().haveExactly(1, event(finishedWithFailure(
                instanceOf(SchemaDriftInputException.class),
                message("Migration V1__broken.sql (in classpath:junit/broken) failed at line 3: ERROR: type \"integr\""
                        + " does not exist. The scripts ran on a throwaway embedded PostgreSQL, so nothing else was"
                        + " changed: fix the script and run the check again."))));
    }

    @Test
    void noEntitiesFailsTheClassWithTheOneParagraphMessage() {
        Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(NoEntities.class)).execute()
                .containerEvents();

        events.assertThatEvents().haveExactly(1, event(finishedWithFailure(
                instanceOf(SchemaDriftInputException.class),
                message("No model given. Name entity classes, packages to scan, a persistence unit, or pass Hibernate"
                        + " Metadata to SchemaDrift.configure()."))));
    }

    @Test
    void reportDataSourceAndCheckAreResolvedAndAFixIsSeenByTheNextDetect() {
        run(ResolvesEverything.class).assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void aClassKeepsOneDatabaseForItsTestsAndItIsGoneAfterTheClass() throws SQLException {
        SeenDatabases.urls.clear();
        SeenDatabases.dataSources.clear();

        Events events = run(SharesOneDatabase.class, SharesOneDatabaseToo.class);
        events.assertStatistics(stats -> stats.started(4).succeeded(4));

        List<String> urls = SeenDatabases.urls;
        assertThat(urls).hasSize(4);
        assertThat(urls.get(0)).isEqualTo(urls.get(1));
        assertThat(urls.get(2)).isEqualTo(urls.get(3)).isNotEqualTo(urls.get(0));
        for (DataSource closed : SeenDatabases.dataSources) {
            assertThatThrownBy(closed::getConnection).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void theBuilderChecksADataSourceTheTestSupplies() {
        SuppliedDataSource.database = TestDatabase.create();
        SuppliedDataSource.database.execute(resource004());

        Events tests = run(SuppliedDataSource.class);

        tests.assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(SuppliedDataSource.database.query("select count(*) as n from users"))
                .containsExactly(java.util.Map.of("n", 0L));
    }

    @Test
    void theBuilderRefusesMigrationsForASuppliedDataSource() {
        Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(DataSourceAndMigrations.class))
                .execute().containerEvents();

        events.assertThatEvents().haveExactly(1, event(finishedWithFailure(
                instanceOf(SchemaDriftInputException.class),
                message(text -> text.startsWith("Both a data source and migrations (classpath:junit/seed000) given")))));
    }

    @Test
    void theAnnotationsTargetStopsAtAVersionAndTheBuildersToo() {
        run(BuilderAtV1.class).assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    private static Events run(Class<?>... classes) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(java.util.Arrays.stream(classes).map(c -> selectClass(c))
                        .toArray(org.junit.platform.engine.DiscoverySelector[]::new))
                .execute()
                .testEvents();
    }

    private static String resource004() {
        try (var in = SchemaDriftExtensionTest.class.getResourceAsStream("/seeds/004/V1__create_users.sql")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---- Test classes run only through the kit ----

    @SchemaDriftTest(entities = IntegrationToken.class, migrations = "classpath:junit/seed000", migrationsTarget = "1")
    static class DriftedAtV1 {
        @Test
        void noDrift(DriftReport report) {
            assertThat(report).hasNoDrift();
        }
    }

    @SchemaDriftTest(entities = IntegrationToken.class, migrations = "classpath:junit/seed000")
    static class FixedByV2 {
        @Test
        void noDrift(DriftReport report) {
            assertThat(report).hasNoDrift();
        }
    }

    @SchemaDriftTest(entities = IntegrationToken.class, migrations = "classpath:junit/broken")
    static class BrokenMigration {
        @Test
        void noDrift(DriftReport report) {
            assertThat(report).hasNoDrift();
        }
    }

    @SchemaDriftTest(migrations = "classpath:junit/seed000")
    static class NoEntities {
        @Test
        void noDrift(DriftReport report) {
            assertThat(report).hasNoDrift();
        }
    }

    @SchemaDriftTest(entities = IntegrationToken.class, migrations = "classpath:junit/seed000", migrationsTarget = "1")
    static class ResolvesEverything {
        @Test
        void fixAndCheckAgain(DriftReport report, DataSource dataSource, SchemaDrift schemaDrift) throws SQLException {
            assertThat(report).hasDrift(DriftKind.MISSING_COLUMN, "integration_tokens", "is_active");
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO integration_tokens (user_id, jwt) VALUES (1, 'a')");
                statement.execute(schemaDrift.migrationScript());
            }
            assertThat(schemaDrift).hasNoDrift();
            assertThat(report.drifts()).hasSize(2); // the report is a value: it still shows the drift it found
        }
    }

    /** What the per-class database tests saw, read after the kit ran them. */
    static final class SeenDatabases {
        static final List<String> urls = new CopyOnWriteArrayList<>();
        static final List<DataSource> dataSources = new CopyOnWriteArrayList<>();

        static void record(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                urls.add(connection.getMetaData().getURL());
            }
            dataSources.add(dataSource);
        }
    }

    @SchemaDriftTest(entities = IntegrationToken.class, migrations = "classpath:junit/seed000")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class SharesOneDatabase {
        @Test
        @Order(1)
        void first(DataSource dataSource) throws SQLException {
            SeenDatabases.record(dataSource);
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO integration_tokens (user_id, jwt, updated_date) VALUES (1, 'a', now())");
            }
        }

        @Test
        @Order(2)
        void second(DataSource dataSource) throws SQLException {
            SeenDatabases.record(dataSource);
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                    var rows = statement.executeQuery("SELECT count(*) FROM integration_tokens")) {
                rows.next();
                assertThat(rows.getInt(1)).as("the row the first test wrote").isEqualTo(1);
            }
        }
    }

    @SchemaDriftTest(entities = IntegrationToken.class, migrations = "classpath:junit/seed000")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class SharesOneDatabaseToo {
        @Test
        @Order(1)
        void first(DataSource dataSource) throws SQLException {
            SeenDatabases.record(dataSource);
        }

        @Test
        @Order(2)
        void second(DataSource dataSource) throws SQLException {
            SeenDatabases.record(dataSource);
        }
    }

    static class SuppliedDataSource {
        static FreshDatabase database;

        @RegisterExtension
        static SchemaDriftExtension drift = SchemaDriftExtension.builder()
                .entities(User.class)
                .dataSource(() -> database.dataSource())
                .build();

        @Test
        void theSuppliedDatabaseHasDrifted(DriftReport report) {
            assertThat(report).hasDrift(DriftKind.MISSING_COLUMN, "users", "updated_at");
            assertThat(report.database()).isEqualTo(database.url().replaceAll("\\?.*", ""));
        }

        @Test
        void theDataSourceIsTheSuppliedOne(DataSource dataSource, SchemaDrift schemaDrift) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                assertThat(connection.getMetaData().getURL()).startsWith(database.url().replaceAll("\\?.*", ""));
            }
            assertThat(schemaDrift.detect().drifts()).hasSize(1);
        }
    }

    static class DataSourceAndMigrations {
        @RegisterExtension
        static SchemaDriftExtension drift = SchemaDriftExtension.builder()
                .entities(User.class)
                .migrations("classpath:junit/seed000")
                .dataSource(() -> SuppliedDataSource.database.dataSource())
                .build();

        @Test
        void neverRuns(DriftReport report) {
            assertThat(report).hasNoDrift();
        }
    }

    static class BuilderAtV1 {
        @RegisterExtension
        static SchemaDriftExtension drift = SchemaDriftExtension.builder()
                .packages("io.github.schemadrift.fixtures.seed000")
                .migrations("classpath:junit/seed000")
                .migrationsTarget("1")
                .build();

        @Test
        void driftAtV1(DriftReport report) {
            assertThat(report)
                    .hasDrift(DriftKind.MISSING_COLUMN, "integration_tokens", "is_active")
                    .hasDrift(DriftKind.NULLABILITY_MISMATCH, "integration_tokens", "updated_date");
        }
    }
}
