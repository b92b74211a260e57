package io.github.schemadrift.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.schemadrift.fixtures.rich.RichModel;
import io.github.schemadrift.model.SchemaSnapshot;
import io.github.schemadrift.model.Table;
import io.github.schemadrift.testing.FreshDatabase;
import io.github.schemadrift.testing.HibernateDdl;
import io.github.schemadrift.testing.TestDatabase;
import java.util.Map;
import org.hibernate.boot.Metadata;
import org.junit.jupiter.api.Test;

/** Hibernate's own DDL for the rich model runs on PostgreSQL and creates exactly the tables read() expects. */
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
}
