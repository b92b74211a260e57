package io.github.schemadrift.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.schemadrift.model.Column;
import io.github.schemadrift.model.Drift;
import io.github.schemadrift.model.DriftKind;
import io.github.schemadrift.model.SchemaSnapshot;
import io.github.schemadrift.model.Severity;
import io.github.schemadrift.model.Source;
import io.github.schemadrift.model.Table;
import io.github.schemadrift.model.TableName;
import io.github.schemadrift.model.ValueGeneration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison is a pure function: these tests need no database. */
class SchemaComparisonTest {

    private static final TableName USERS = TableName.of("public", "users");

    @Test
    void identicalSchemasHaveNoDrift() {
        SchemaSnapshot model = snapshot(table(USERS, expected("id", "bigint", false, "long"), expected("name", "varchar(100)", true, "java.lang.String")));
        SchemaSnapshot database = snapshot(table(USERS, actual("id", "bigint", false), actual("name", "character varying(100)", true)));

        assertThat(SchemaComparison.compare(model, database)).isEmpty();
    }

    @Test
    void aTableWithFiveProblemsYieldsFiveDrifts() {
        SchemaSnapshot model = snapshot(table(USERS,
                expected("id", "bigint", false, "long"),
                expected("email", "varchar(100)", false, "java.lang.String"),
                expected("nickname", "varchar(50)", true, "java.lang.String"),
                expected("age", "integer", false, "int"),
                expected("balance", "numeric(19,2)", true, "java.math.BigDecimal"),
                expected("joined", "timestamp(6) with time zone", true, "java.time.Instant")));
        SchemaSnapshot database = snapshot(table(USERS,
                actual("id", "bigint", false),
                actual("email", "character varying(50)", false),
                actual("nickname", "character varying(50)", false),
                actual("age", "integer", true),
                actual("balance", "numeric(19,2)", true),
                actual("legacy_code", "text", false)));

        List<Drift> drifts = SchemaComparison.compare(model, database);

        assertThat(drifts)
                .extracting(Drift::kind, Drift::column, Drift::severity)
                .containsExactly(
                        tuple(DriftKind.NULLABILITY_MISMATCH, "age", Severity.ERROR),
                        tuple(DriftKind.SIZE_MISMATCH, "email", Severity.ERROR),
                        tuple(DriftKind.MISSING_COLUMN, "joined", Severity.ERROR),
                        tuple(DriftKind.UNMAPPED_COLUMN, "legacy_code", Severity.ERROR),
                        tuple(DriftKind.NULLABILITY_MISMATCH, "nickname", Severity.ERROR));
    }

    @Test
    void severitiesFollowWhatHappensAtRunTime() {
        SchemaSnapshot model = snapshot(table(USERS,
                expected("id", "bigint", false, "java.lang.Long"),
                expected("code", "varchar(10)", false, "java.lang.String"),
                expected("notes", "varchar(255)", true, "java.lang.String"),
                expected("score", "integer", true, "java.lang.Integer")));
        SchemaSnapshot database = snapshot(table(USERS,
                actual("id", "bigint", false),
                actual("code", "character varying(10)", true),
                actual("notes", "text", true),
                actual("score", "bigint", true),
                new Column("created", "timestamp with time zone", false, "now()", ValueGeneration.NONE, null),
                actual("extra", "text", true)));

        assertThat(SchemaComparison.compare(model, database))
                .extracting(Drift::kind, Drift::column, Drift::severity)
                .containsExactly(
                        tuple(DriftKind.NULLABILITY_MISMATCH, "code", Severity.WARNING),
                        tuple(DriftKind.UNMAPPED_COLUMN, "created", Severity.INFO),
                        tuple(DriftKind.UNMAPPED_COLUMN, "extra", Severity.INFO),
                        tuple(DriftKind.TYPE_MISMATCH, "notes", Severity.INFO),
                        tuple(DriftKind.TYPE_MISMATCH, "score", Severity.INFO));
    }

    @Test
    void aMissingTableIsOneDriftAndUnmappedTablesAreNone() {
        TableName orders = TableName.of("public", "orders");
        SchemaSnapshot model = snapshot(table(orders, expected("id", "bigint", false, "long")));
        SchemaSnapshot database = snapshot(table(USERS, actual("id", "bigint", false)));

        assertThat(SchemaComparison.compare(model, database))
                .singleElement()
                .satisfies(drift -> {
                    assertThat(drift.kind()).isEqualTo(DriftKind.MISSING_TABLE);
                    assertThat(drift.table()).isEqualTo(orders);
                    assertThat(drift.column()).isNull();
                    assertThat(drift.severity()).isEqualTo(Severity.ERROR);
                });
    }

    @Test
    void aSameNamedTableInAnotherSchemaIsNotAMatch() {
        SchemaSnapshot model = snapshot(table(TableName.of("billing", "users"), expected("id", "bigint", false, "long")));
        SchemaSnapshot database = snapshot(table(USERS, actual("id", "bigint", false)));

        assertThat(SchemaComparison.compare(model, database))
                .extracting(Drift::kind, Drift::table)
                .containsExactly(tuple(DriftKind.MISSING_TABLE, TableName.of("billing", "users")));
    }

    @Test
    void namesAreComparedExactlyAsStored() {
        SchemaSnapshot model = snapshot(table(TableName.of("public", "User"), expected("Id", "bigint", false, "long")));
        SchemaSnapshot database = snapshot(table(TableName.of("public", "User"), actual("id", "bigint", false)));

        assertThat(SchemaComparison.compare(model, database))
                .extracting(Drift::kind, Drift::column)
                .containsExactly(tuple(DriftKind.MISSING_COLUMN, "Id"), tuple(DriftKind.UNMAPPED_COLUMN, "id"));
    }

    static SchemaSnapshot snapshot(Table... tables) {
        return SchemaSnapshot.of(List.of(tables));
    }

    static Table table(TableName name, Column... columns) {
        return new Table(name, List.of(columns), List.of(), List.of(), "com.example.User");
    }

    static Column expected(String name, String type, boolean nullable, String javaType) {
        return new Column(name, type, nullable, null, ValueGeneration.NONE, new Source("com.example.User", name, javaType));
    }

    static Column actual(String name, String type, boolean nullable) {
        return new Column(name, type, nullable, null, ValueGeneration.NONE, null);
    }
}
