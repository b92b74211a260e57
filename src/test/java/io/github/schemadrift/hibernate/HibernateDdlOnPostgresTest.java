package io.github.schemadrift.hibernate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.schemadrift.SchemaDrift;
import io.github.schemadrift.database.CatalogReader;
import io.github.schemadrift.fixtures.keys.Account;
import io.github.schemadrift.fixtures.keys.Membership;
import io.github.schemadrift.fixtures.rich.RichModel;
import io.github.schemadrift.model.Drift;
import io.github.schemadrift.model.DriftKind;
import io.github.schemadrift.model.DriftReport;
import io.github.schemadrift.model.ForeignKey;
import io.github.schemadrift.model.ReferentialAction;
import io.github.schemadrift.model.SchemaSnapshot;
import io.github.schemadrift.model.Table;
import io.github.schemadrift.model.TableName;
import io.github.schemadrift.sql.FixPlanner;
import io.github.schemadrift.sql.MigrationScript;
import io.github.schemadrift.sql.ScriptStyle;
import io.github.schemadrift.testing.FreshDatabase;
import io.github.schemadrift.testing.HibernateDdl;
import io.github.schemadrift.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.boot.Metadata;
import org.junit.jupiter.api.Test;

/**
 * Hibernate's own DDL runs on PostgreSQL and creates exactly the tables read() expects; the fix SQL for
 * missing tables creates the unique constraints and {@code ON DELETE} actions that Hibernate's DDL creates.
 */
class HibernateDdlOnPostgresTest {

    @Test
    void richModelScriptCreatesTheExpectedTablesAndColumns() {
        Metadata metadata = HibernateMetadata.build(ModelSources.ofClasses(RichModel.classes()));
        String script = HibernateDdl.createScript(metadata);
        assertThat(script).contains("create sequence auditable_seq").contains("create table").contains("foreign key");

        FreshDatabase database = TestDatabase.create();
        database.execute(script);

        SchemaSnapshot expected = ExpectedSchemaReader.read(metadata);
        for (Table table : expected.tables()) {
            var rows = database.query("select column_name, is_nullable from information_schema.columns"
                    + " where table_schema = 'public' and table_name = '" + table.name().name() + "'"
                    + " order by ordinal_position");
            assertThat(rows).as(table.name().toString())
                    .extracting(row -> row.get("column_name"))
                    .containsExactlyInAnyOrderElementsOf(table.columns().stream().map(c -> (Object) c.name()).toList());
            for (Map<String, Object> row : rows) {
                boolean nullable = "YES".equals(row.get("is_nullable"));
                assertThat(nullable).as(table.name() + "." + row.get("column_name") + " nullable")
                        .isEqualTo(table.column((String) row.get("column_name")).orElseThrow().nullable());
            }
        }
        assertThat(database.query("select count(*) as n from information_schema.tables where table_schema = 'public'"))
                .extracting(row -> ((Number) row.get("n")).intValue())
                .containsExactly(expected.tables().size());
    }

    @Test
    void fixSqlForMissingTablesCreatesTheUniqueConstraintsAndOnDeleteActionsOfHibernatesDdl() {
        Metadata metadata = HibernateMetadata.build(ModelSources.ofClasses(Account.class, Membership.class));
        FreshDatabase byHibernate = TestDatabase.create();
        byHibernate.execute(HibernateDdl.createScript(metadata));
        FreshDatabase bySchemadrift = TestDatabase.create();
        SchemaDrift check = SchemaDrift.configure().entities(Account.class, Membership.class)
                .url(bySchemadrift.url(), bySchemadrift.user(), bySchemadrift.password()).load();
        DriftReport before = check.detect();
        assertThat(before.drifts()).extracting(Drift::kind).containsExactly(DriftKind.MISSING_TABLE, DriftKind.MISSING_TABLE);
        bySchemadrift.execute(MigrationScript.render(FixPlanner.plan(before), ScriptStyle.PLAIN));

        assertThat(check.detect().drifts()).isEmpty();
        SchemaSnapshot hibernates = read(byHibernate);
        SchemaSnapshot ours = read(bySchemadrift);
        assertThat(ours.tables()).extracting(Table::name).containsExactlyElementsOf(
                hibernates.tables().stream().map(Table::name).toList());
        for (Table table : hibernates.tables()) {
            Table created = ours.table(table.name()).orElseThrow();
            assertThat(uniqueColumnSets(created)).as(table.name() + " unique")
                    .isNotEmpty().isEqualTo(uniqueColumnSets(table));
            assertThat(onDeleteByColumns(created)).as(table.name() + " on delete").isEqualTo(onDeleteByColumns(table));
        }
        assertThat(onDeleteByColumns(ours.table(TableName.of("public", "membership")).orElseThrow()))
                .containsEntry(List.of("member_id"), ReferentialAction.CASCADE)
                .containsEntry(List.of("invitedby_id"), ReferentialAction.SET_NULL)
                .containsEntry(List.of("sponsor_id"), ReferentialAction.NO_ACTION);

        bySchemadrift.execute("""
                INSERT INTO account (id, email, code) VALUES (1, 'a@example.com', 'a'), (2, 'b@example.com', 'b');
                INSERT INTO membership (id, member_id, invitedby_id) VALUES (10, 2, 1), (11, 1, 2);
                DELETE FROM account WHERE id = 1;""");
        // Account 1's own membership is deleted with it; the one it invited loses its inviter.
        assertThat(bySchemadrift.query("SELECT id, invitedby_id IS NULL AS uninvited FROM membership"))
                .containsExactly(Map.of("id", 10L, "uninvited", true));
        assertThatThrownBy(() -> bySchemadrift.execute("INSERT INTO account (id, email, code) VALUES (3, 'b@example.com', 'c')"))
                .hasMessageContaining("duplicate key value violates unique constraint");
        assertThatThrownBy(() -> bySchemadrift.execute("INSERT INTO account (id, email, code) VALUES (3, 'c@example.com', 'b')"))
                .hasMessageContaining("duplicate key value violates unique constraint");
    }

    private static SchemaSnapshot read(FreshDatabase database) {
        try (Connection connection = database.connect()) {
            return CatalogReader.read(connection, Set.of("public"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<Set<String>> uniqueColumnSets(Table table) {
        return table.uniqueKeys().stream().map(key -> Set.copyOf(key.columns())).collect(Collectors.toSet());
    }

    private static Map<List<String>, ReferentialAction> onDeleteByColumns(Table table) {
        return table.foreignKeys().stream().collect(Collectors.toMap(ForeignKey::columns, ForeignKey::onDelete));
    }
}
