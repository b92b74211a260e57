package io.github.schemadrift.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/** Plain migration scripts are split where PostgreSQL ends statements, and each knows its line. */
class ScriptStatementTest {

    @Test
    void splitsAtSemicolonsOutsideQuotesCommentsAndDollarQuotes() {
        String script = """
                -- header; not a statement
                CREATE TABLE a (id int); /* block; comment
                   still; comment */
                INSERT INTO a VALUES (1), (2);
                CREATE FUNCTION f() RETURNS text AS $body$ SELECT 'x;y'; $body$ LANGUAGE sql;
                SELECT 'it''s; fine', E'back\\'slash;', "odd;name" FROM a
                """;

        assertThat(ScriptStatement.split(script))
                .extracting(ScriptStatement::sql, ScriptStatement::line)
                .containsExactly(
                        tuple("CREATE TABLE a (id int)", 2),
                        tuple("INSERT INTO a VALUES (1), (2)", 4),
                        tuple("CREATE FUNCTION f() RETURNS text AS $body$ SELECT 'x;y'; $body$ LANGUAGE sql", 5),
                        tuple("SELECT 'it''s; fine', E'back\\'slash;', \"odd;name\" FROM a\n", 6));
    }

    @Test
    void anErrorPositionBecomesTheFileLine() {
        ScriptStatement statement = ScriptStatement.split("\n\nCREATE TABLE t (\n  id int,\n  bad nonsense\n);").get(0);

        assertThat(statement.line()).isEqualTo(3);
        assertThat(statement.lineAt(1)).isEqualTo(3);
        assertThat(statement.lineAt(statement.sql().indexOf("nonsense") + 1)).isEqualTo(5);
    }

    @Test
    void commentOnlyAndEmptyScriptsHaveNoStatements() {
        assertThat(ScriptStatement.split("")).isEmpty();
        assertThat(ScriptStatement.split("-- nothing\n/* here */ ;\n")).isEmpty();
    }
}
