package io.github.schemadrift.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.schemadrift.database.CatalogReader;
import io.github.schemadrift.diff.SchemaComparison;
import io.github.schemadrift.model.Column;
import io.github.schemadrift.model.Drift;
import io.github.schemadrift.model.DriftKind;
import io.github.schemadrift.model.DriftReport;
import io.github.schemadrift.model.ForeignKey;
import io.github.schemadrift.model.ReferentialAction;
import io.github.schemadrift.model.SchemaSnapshot;
import io.github.schemadrift.model.Severity;
import io.github.schemadrift.model.Source;
import io.github.schemadrift.model.Table;
import io.github.schemadrift.model.TableName;
import io.github.schemadrift.model.UniqueKey;
import io.github.schemadrift.model.ValueGeneration;
import io.github.schemadrift.testing.FreshDatabase;
import io.github.schemadrift.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The fix SQL on a real PostgreSQL holding rows: expected snapshots built by hand, the database read with
 * {@link CatalogReader}, the script applied, the database read again.
 */
class FixSqlOnPostgresTest {

    private static final Source SOURCE = new Source("com.example.Entity", "attribute", "java.lang.Object");

    private static Column column(String name, String type, boolean nullable) {
        return new Column(name, type, nullable, null, ValueGeneration.NONE, SOURCE);
    }

    private static Column column(String name, String type, boolean nullable, String defaultValue) {
        return new Column(name, type, nullable, defaultValue, ValueGeneration.NONE, SOURCE);
    }

    @Test
    void namesLikeReservedWordsMixedCaseQuotesSpacesSemicolonsAndNewlinesRoundTrip() {
        FreshDatabase database = TestDatabase.create();
        database.execute("""
                CREATE SCHEMA "Sales Team";
                CREATE TABLE "Sales Team"."order" (
                    id integer PRIMARY KEY,
                    "Count" text,
                    "Group Name" text,
                    "end" text NOT NULL,
                    "Legacy;Col" text NOT NULL
                );
                INSERT INTO "Sales Team"."order" VALUES (1, '12', 'g', 'e', 'l'), (2, ' 7 ', null, 'e', 'l'), (3, '', null, 'e', 'l');
                CREATE TABLE t (id integer);
                """);
        TableName order = TableName.of("Sales Team", "order");
        TableName select = TableName.of("Sales Team", "select");
        TableName weird = TableName.of("public", "Weird \"T\" ; x");
        String nasty = "x'); DROP TABLE t; --";
        Table expectedOrder = new Table(order, List.of(
                        column("id", "integer", false),
                        column("Count", "integer", true),
                        column("Group Name", "text", false),
                        column("end", "text", true),
                        column("user", "text", false),
                        column("MixedCase", "integer", true),
                        column("has \"quote\"", "boolean", false, "true"),
                        column("with space", "text", true),
                        column("semi;colon", "varchar(20)", true),
                        column("new\nline", "text", true),
                        column(nasty, "text", true),
                        column("table", "jsonb", false)),
                List.of("id"), List.of(), "com.example.Order");
        Table expectedSelect = new Table(select, List.of(
                        new Column("from", "bigint", false, null, ValueGeneration.IDENTITY, SOURCE),
                        column("Order Id", "integer", false)),
                List.of("from"),
                List.of(new ForeignKey("fk; \"drop\"", List.of("Order Id"), order, List.of("id"), ReferentialAction.CASCADE)),
                "com.example.Select");
        Table expectedWeird = new Table(weird, List.of(column("group", "text", true), column("Select", "text", true)),
                List.of(), List.of(),
                List.of(new UniqueKey("uq; \"drop\"\n--", List.of("group", "Select")), new UniqueKey(null, List.of("Select"))),
                "com.example.Weird");
        SchemaSnapshot expected = SchemaSnapshot.of(List.of(expectedOrder, expectedSelect, expectedWeird));

        DriftReport before = detect(database, expected);
        assertThat(before.drifts()).extracting(Drift::kind).contains(DriftKind.MISSING_TABLE, DriftKind.MISSING_COLUMN,
                DriftKind.TYPE_MISMATCH, DriftKind.NULLABILITY_MISMATCH, DriftKind.UNMAPPED_COLUMN);
        String script = MigrationScript.render(FixPlanner.plan(before), ScriptStyle.PLAIN);
        database.execute(script);

        assertThat(errorsAndWarnings(detect(database, expected))).as(script).isEmpty();
        SchemaSnapshot after = read(database, Set.of("Sales Team", "public"));
        assertThat(after.table(order).orElseThrow().columns()).extracting(Column::name).contains(
                "user", "MixedCase", "has \"quote\"", "with space", "semi;colon", "new\nline", nasty, "table");
        assertThat(after.table(select)).isPresent();
        assertThat(after.table(weird)).isPresent();
        assertThat(after.table(TableName.of("public", "t"))).as("nothing ran that a name spelled").isPresent();
        assertThat(database.query("SELECT id, \"Count\", \"Group Name\", \"has \"\"quote\"\"\" AS q FROM \"Sales Team\".\"order\" ORDER BY id"))
                .containsExactly(
                        Map.of("id", 1, "Count", 12, "Group Name", "g", "q", true),
                        row("id", 2, "Count", 7, "Group Name", "", "q", true),
                        row("id", 3, "Count", null, "Group Name", "", "q", true));
        database.execute("INSERT INTO \"Sales Team\".\"select\" (\"Order Id\") VALUES (1)");
        database.execute("DELETE FROM \"Sales Team\".\"order\" WHERE id = 1");
        assertThat(database.query("SELECT count(*) AS n FROM \"Sales Team\".\"select\"")).as("ON DELETE CASCADE")
                .containsExactly(Map.of("n", 0L));
        assertThat(after.table(select).orElseThrow().foreignKeys()).extracting(ForeignKey::name, ForeignKey::onDelete)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("fk; \"drop\"", ReferentialAction.CASCADE));
        assertThat(after.table(weird).orElseThrow().uniqueKeys()).extracting(UniqueKey::columns)
                .containsExactlyInAnyOrder(List.of("group", "Select"), List.of("Select"));
        assertThat(after.table(weird).orElseThrow().uniqueKeys()).extracting(UniqueKey::name).contains("uq; \"drop\"\n--");
        database.execute("INSERT INTO \"Weird \"\"T\"\" ; x\" (\"group\", \"Select\") VALUES ('g', 's')");
        assertThatThrownBy(() -> database.execute("INSERT INTO \"Weird \"\"T\"\" ; x\" (\"group\", \"Select\") VALUES ('h', 's')"))
                .hasMessageContaining("duplicate key value violates unique constraint");
    }

    @Test
    void typeChangesConvertRealValues() {
        FreshDatabase database = TestDatabase.create();
        database.execute("""
                CREATE TABLE conv (
                    id integer PRIMARY KEY,
                    t_int text, t_uuid varchar(40), s_bool smallint, b_int boolean, d_num double precision,
                    ts timestamp, tstz timestamptz, j json, lo_t text, lo_b bytea, o_b oid, o_t oid,
                    t_bool text DEFAULT 'yes', v_short varchar(5), n_scale numeric(10,1), i_text integer
                );
                SET TIME ZONE 'Europe/Berlin';
                INSERT INTO conv VALUES
                    (1, '12', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 2, true, 1.25, '2024-01-01 10:00', '2024-01-01 10:00+02',
                     '{"a": 1}', 'hello', 'bytes', lo_from_bytea(0, 'abc'), lo_from_bytea(0, 'text'), 'no', 'short', 123.4, 42),
                    (2, ' 7 ', ' a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12 ', 0, false, 0.1, null, null, '[]', '', '', null, null, 'true', '', 0, 0),
                    (3, '', '', null, null, null, null, null, null, null, null, null, null, null, null, null, null),
                    (4, null, null, 1, true, -2, '1999-12-31 23:59:59.123456', '1999-12-31 23:59:59+00', 'null', 'x', null, null, null, '', null, -1.5, -7);
                """);
        TableName conv = TableName.of("public", "conv");
        SchemaSnapshot expected = SchemaSnapshot.of(List.of(new Table(conv, List.of(
                column("id", "integer", false),
                column("t_int", "integer", true),
                column("t_uuid", "uuid", true),
                column("s_bool", "boolean", true),
                column("b_int", "integer", true),
                column("d_num", "numeric(10,2)", true),
                column("ts", "timestamp(6) with time zone", true),
                column("tstz", "timestamp(6)", true),
                column("j", "jsonb", true),
                column("lo_t", "oid", true),
                column("lo_b", "oid", true),
                column("o_b", "bytea", true),
                column("o_t", "text", true),
                column("t_bool", "boolean", true, "true"),
                column("v_short", "varchar(50)", true),
                column("n_scale", "numeric(10,2)", true),
                column("i_text", "varchar(255)", true)), List.of("id"), List.of(), "com.example.Conv")));

        DriftReport before = detect(database, expected);
        assertThat(before.drifts(Severity.ERROR)).hasSize(16);
        String script = MigrationScript.render(FixPlanner.plan(before), ScriptStyle.FLYWAY);
        applyInOneTransaction(database, script);

        assertThat(errorsAndWarnings(detect(database, expected))).as(script).isEmpty();
        List<Map<String, Object>> rows = database.query("""
                SELECT id, t_int, t_uuid::text AS t_uuid, s_bool, b_int, d_num::text AS d_num, (ts AT TIME ZONE 'UTC')::text AS ts, tstz::text AS tstz,
                       j::text AS j, convert_from(lo_get(lo_t), 'UTF8') AS lo_t, convert_from(lo_get(lo_b), 'UTF8') AS lo_b,
                       convert_from(o_b, 'UTF8') AS o_b, o_t, t_bool, v_short, n_scale::text AS n_scale, i_text
                FROM conv ORDER BY id""");
        assertThat(rows.get(0)).containsExactlyInAnyOrderEntriesOf(row("id", 1, "t_int", 12, "t_uuid", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
                "s_bool", true, "b_int", 1, "d_num", "1.25", "ts", "2024-01-01 10:00:00", "tstz", "2024-01-01 08:00:00",
                "j", "{\"a\": 1}", "lo_t", "hello", "lo_b", "bytes", "o_b", "abc", "o_t", "text", "t_bool", false,
                "v_short", "short", "n_scale", "123.40", "i_text", "42"));
        assertThat(rows.get(1)).containsExactlyInAnyOrderEntriesOf(row("id", 2, "t_int", 7, "t_uuid", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12",
                "s_bool", false, "b_int", 0, "d_num", "0.10", "ts", null, "tstz", null,
                "j", "[]", "lo_t", "", "lo_b", "", "o_b", null, "o_t", null, "t_bool", true,
                "v_short", "", "n_scale", "0.00", "i_text", "0"));
        assertThat(rows.get(2).values().stream().skip(1)).containsOnlyNulls();
        assertThat(rows.get(3)).containsEntry("ts", "1999-12-31 23:59:59.123456").containsEntry("tstz", "1999-12-31 23:59:59")
                .containsEntry("t_bool", null).containsEntry("n_scale", "-1.50").containsEntry("j", "null").containsEntry("t_int", null);
        assertThat(database.query("SELECT column_default FROM information_schema.columns WHERE table_name = 'conv' AND column_name = 't_bool'"))
                .containsExactly(Map.of("column_default", "true"));
    }

    @Test
    void arrayElementTypeChangesConvertRealValues() {
        FreshDatabase database = TestDatabase.create();
        database.execute("""
                CREATE TABLE arr (id integer PRIMARY KEY, t_int text[] DEFAULT '{7}', i_text integer[]);
                INSERT INTO arr VALUES (1, '{1, 22}', '{3, 4}'), (2, '{}', null), (3, null, '{}');
                """);
        TableName arr = TableName.of("public", "arr");
        SchemaSnapshot expected = SchemaSnapshot.of(List.of(new Table(arr, List.of(
                column("id", "integer", false),
                column("t_int", "integer array", true),
                column("i_text", "varchar(255) array", true)), List.of("id"), List.of(), "com.example.Arr")));

        DriftReport before = detect(database, expected);
        assertThat(before.drifts(Severity.ERROR)).hasSize(2);
        String script = MigrationScript.render(FixPlanner.plan(before), ScriptStyle.FLYWAY);
        applyInOneTransaction(database, script);

        assertThat(errorsAndWarnings(detect(database, expected))).as(script).isEmpty();
        assertThat(database.query("SELECT t_int::text AS t_int, i_text::text AS i_text FROM arr ORDER BY id")).containsExactly(
                Map.of("t_int", "{1,22}", "i_text", "{3,4}"), row("t_int", "{}", "i_text", null), row("t_int", null, "i_text", "{}"));
        // the text[] default cannot follow the column to integer[]: dropped, its restore left commented out
        assertThat(script).contains("ALTER TABLE public.arr ALTER COLUMN t_int DROP DEFAULT;");
    }

    /**
     * PostgreSQL's own key word list decides: {@link PostgresIdentifiers#RESERVED} is exactly its reserved
     * categories, and every other key word works bare in every statement the planner writes.
     */
    @Test
    void everyKeywordLeftBareWorksBareInEveryStatement() {
        FreshDatabase database = TestDatabase.create();
        assertThat(database.query("SELECT word FROM pg_get_keywords() WHERE catcode IN ('R', 'T')"))
                .extracting(row -> (String) row.get("word"))
                .containsExactlyInAnyOrderElementsOf(PostgresIdentifiers.RESERVED);
        List<String> bare = database.query("SELECT word FROM pg_get_keywords() WHERE catcode IN ('U', 'C') ORDER BY word").stream()
                .map(row -> (String) row.get("word")).toList();
        assertThat(bare).hasSizeGreaterThan(350).allMatch(word -> !PostgresIdentifiers.needsQuotes(word));

        String existingColumns = bare.stream().map(w -> "\"" + w + "\" text").collect(Collectors.joining(", "));
        database.execute("CREATE TABLE kw_existing (" + existingColumns + ");"
                + "INSERT INTO kw_existing DEFAULT VALUES;"
                + "INSERT INTO kw_existing (" + bare.stream().map(w -> "\"" + w + "\"").collect(Collectors.joining(", ")) + ") VALUES ("
                + bare.stream().map(w -> "' 1 '").collect(Collectors.joining(", ")) + ");"
                + "CREATE TABLE kw_missing (id integer); INSERT INTO kw_missing VALUES (1);");
        List<Table> tables = new ArrayList<>();
        tables.add(new Table(TableName.of("public", "kw_existing"),
                bare.stream().map(w -> column(w, "integer", false)).toList(), List.of(), List.of(), "com.example.Existing"));
        List<Column> added = new ArrayList<>(List.of(column("id", "integer", true)));
        bare.forEach(w -> added.add(column(w, "integer", false)));
        tables.add(new Table(TableName.of("public", "kw_missing"), added, List.of(), List.of(), "com.example.Missing"));
        for (String word : bare) {
            tables.add(new Table(TableName.of("public", word),
                    List.of(new Column(word, "bigint", false, null, ValueGeneration.IDENTITY, SOURCE), column("parent", "bigint", true)),
                    List.of(word),
                    List.of(new ForeignKey(word, List.of("parent"), TableName.of("public", word), List.of(word),
                            ReferentialAction.CASCADE)),
                    "com.example." + word));
        }
        SchemaSnapshot expected = SchemaSnapshot.of(tables);

        DriftReport before = detect(database, expected);
        assertThat(before.count(Severity.ERROR) + before.count(Severity.WARNING)).isEqualTo(bare.size() * 4);
        applyInOneTransaction(database, MigrationScript.render(FixPlanner.plan(before), ScriptStyle.FLYWAY));

        assertThat(errorsAndWarnings(detect(database, expected))).isEmpty();
    }

    private static List<Drift> errorsAndWarnings(DriftReport report) {
        return report.drifts(d -> d.severity().isAtLeast(Severity.WARNING));
    }

    private static DriftReport detect(FreshDatabase database, SchemaSnapshot expected) {
        return DriftReport.of("hand-built snapshot", database.url(),
                SchemaComparison.compare(expected, read(database, expected.schemas())));
    }

    private static SchemaSnapshot read(FreshDatabase database, Set<String> schemas) {
        try (Connection connection = database.connect()) {
            return CatalogReader.read(connection, schemas);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void applyInOneTransaction(FreshDatabase database, String script) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute(script);
            connection.commit();
        } catch (SQLException e) {
            throw new AssertionError("the generated script failed: " + e.getMessage() + "\n" + script, e);
        }
    }

    /** A map that, unlike Map.of, holds nulls. */
    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }
}
