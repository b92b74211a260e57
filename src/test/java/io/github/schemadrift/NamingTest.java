package io.github.schemadrift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.schemadrift.fixtures.rich.RichModel;
import io.github.schemadrift.fixtures.schemas.TableInA;
import io.github.schemadrift.fixtures.schemas.TableInB;
import io.github.schemadrift.model.Drift;
import io.github.schemadrift.model.DriftKind;
import io.github.schemadrift.model.DriftReport;
import io.github.schemadrift.model.TableName;
import io.github.schemadrift.report.TextReport;
import io.github.schemadrift.testing.FreshDatabase;
import io.github.schemadrift.testing.TestDatabase;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.junit.jupiter.api.Test;

/** Names are compared as PostgreSQL stores them, schema by schema, after the model's naming strategy. */
class NamingTest {

    private static final String NAMING = "hibernate.physical_naming_strategy";

    @Test
    void aPhysicalNamingStrategyDecidesTheNamesCompared() {
        FreshDatabase database = TestDatabase.create();
        database.execute("""
                CREATE TABLE customer (id int8 PRIMARY KEY, created_at timestamptz NOT NULL, updated_at timestamp,
                    version int4 NOT NULL, city varchar(255), street varchar(255), postal_code varchar(10),
                    name varchar(80) NOT NULL);
                """);

        DriftReport snakeCase = SchemaDrift.configure()
                .entities(io.github.schemadrift.fixtures.rich.Customer.class, io.github.schemadrift.fixtures.rich.Label.class)
                .hibernateProperty(NAMING, CamelCaseToUnderscoresNamingStrategy.class.getName())
                .url(database.url(), database.user(), database.password())
                .load()
                .detect();
        DriftReport defaultNaming = SchemaDrift.configure()
                .entities(io.github.schemadrift.fixtures.rich.Customer.class, io.github.schemadrift.fixtures.rich.Label.class)
                .url(database.url(), database.user(), database.password())
                .load()
                .detect();

        assertThat(snakeCase.drifts(d -> d.table().name().equals("customer")))
                .as(TextReport.render(snakeCase))
                .isEmpty();
        assertThat(defaultNaming.drifts(d -> d.table().name().equals("customer")))
                .extracting(Drift::kind, Drift::column)
                .containsExactly(
                        tuple(DriftKind.UNMAPPED_COLUMN, "created_at"),
                        tuple(DriftKind.MISSING_COLUMN, "createdat"),
                        tuple(DriftKind.UNMAPPED_COLUMN, "updated_at"),
                        tuple(DriftKind.MISSING_COLUMN, "updatedat"));
    }

    @Test
    void quotedReservedWordsAndMixedCaseMatchOnlyTheirExactSpelling() {
        FreshDatabase database = TestDatabase.create();
        database.execute("""
                CREATE TABLE "user" (id uuid PRIMARY KEY, login varchar(255) NOT NULL);
                CREATE TABLE "User" (id uuid PRIMARY KEY, "Login" varchar(255) NOT NULL);
                """);

        DriftReport report = SchemaDrift.configure()
                .entities(io.github.schemadrift.fixtures.rich.User.class)
                .url(database.url(), database.user(), database.password())
                .load()
                .detect();

        // the entity maps the quoted "user" table with a quoted "Login" column: the lower-case login is another column
        assertThat(report.drifts())
                .extracting(Drift::kind, Drift::table, Drift::column)
                .containsExactly(
                        tuple(DriftKind.MISSING_COLUMN, TableName.of("public", "user"), "Login"),
                        tuple(DriftKind.UNMAPPED_COLUMN, TableName.of("public", "user"), "login"));
    }

    @Test
    void aSameNamedTableInAnotherSchemaIsNotAMatch() {
        FreshDatabase database = TestDatabase.create();
        database.execute("""
                CREATE SCHEMA a;
                CREATE SCHEMA b;
                CREATE TABLE a.t (id int8 PRIMARY KEY, froma varchar(255));
                CREATE TABLE public.t (id int8 PRIMARY KEY, fromb varchar(255));
                """);

        DriftReport report = SchemaDrift.configure()
                .entities(TableInA.class, TableInB.class)
                .url(database.url(), database.user(), database.password())
                .load()
                .detect();

        assertThat(report.drifts())
                .extracting(Drift::kind, Drift::table)
                .containsExactly(tuple(DriftKind.MISSING_TABLE, TableName.of("b", "t")));
    }

    @Test
    void theDefaultSchemaIsTheConnectionsCurrentSchemaUnlessConfigured() {
        FreshDatabase database = TestDatabase.create();
        database.execute("""
                CREATE SCHEMA app;
                CREATE TABLE app.label (id serial PRIMARY KEY, text varchar(40) NOT NULL);
                """);

        DriftReport inPublic = SchemaDrift.configure()
                .entities(io.github.schemadrift.fixtures.rich.Label.class)
                .url(database.url(), database.user(), database.password())
                .load()
                .detect();
        DriftReport inApp = SchemaDrift.configure()
                .entities(io.github.schemadrift.fixtures.rich.Label.class)
                .defaultSchema("app")
                .url(database.url(), database.user(), database.password())
                .load()
                .detect();
        DriftReport viaSearchPath = SchemaDrift.configure()
                .entities(io.github.schemadrift.fixtures.rich.Label.class)
                .url(database.url() + "?currentSchema=app", database.user(), database.password())
                .load()
                .detect();

        assertThat(inPublic.drifts()).extracting(Drift::kind, Drift::table)
                .containsExactly(tuple(DriftKind.MISSING_TABLE, TableName.of("public", "label")));
        assertThat(inApp.drifts()).isEmpty();
        assertThat(viaSearchPath.drifts()).isEmpty();
    }

    @Test
    void theRichModelUnderSnakeCaseNamingAgainstItsOwnDdlHasZeroDrift() {
        var metadata = io.github.schemadrift.hibernate.HibernateMetadata.build(
                io.github.schemadrift.hibernate.ModelSources.ofClasses(RichModel.classes())
                        .withSetting(NAMING, CamelCaseToUnderscoresNamingStrategy.class.getName()));
        FreshDatabase database = TestDatabase.create();
        database.execute(io.github.schemadrift.testing.HibernateDdl.createScript(metadata));

        DriftReport report = SchemaDrift.configure()
                .metadata(metadata)
                .url(database.url(), database.user(), database.password())
                .load()
                .detect();

        assertThat(report.drifts()).as(TextReport.render(report)).isEmpty();
    }
}
