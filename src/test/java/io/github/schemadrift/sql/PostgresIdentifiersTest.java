package io.github.schemadrift.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.schemadrift.model.TableName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PostgresIdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"users", "integration_tokens", "_x", "a1", "price$", "between", "time", "name", "value", "position"})
    void plainLowerCaseWordsAndUnreservedKeywordsStayBare(String name) {
        assertThat(PostgresIdentifiers.quote(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"user", "order", "table", "select", "group", "check", "left", "join", "collation", "current_user", "default"})
    void reservedWordsAreQuoted(String name) {
        assertThat(PostgresIdentifiers.quote(name)).isEqualTo("\"" + name + "\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "Users|\"Users\"",
            "USER|\"USER\"",
            "createdAt|\"createdAt\"",
            "1st|\"1st\"",
            "$x|\"$x\"",
            "my table|\"my table\"",
            "a;b|\"a;b\"",
            "a-b|\"a-b\"",
            "a\"b|\"a\"\"b\"",
            "\"|\"\"\"\"",
            "café|\"café\"",
            "x'); DROP TABLE users; --|\"x'); DROP TABLE users; --\""})
    void anythingElseIsQuotedWithQuotesDoubled(String name, String quoted) {
        assertThat(PostgresIdentifiers.quote(name)).isEqualTo(quoted);
    }

    @Test
    void aNewlineStaysInsideTheQuotes() {
        assertThat(PostgresIdentifiers.quote("a\nb")).isEqualTo("\"a\nb\"");
        assertThat(PostgresIdentifiers.quote("a\";\nDROP TABLE t; --")).isEqualTo("\"a\"\";\nDROP TABLE t; --\"");
    }

    @Test
    void emptyNamesAndNulsAreRejected() {
        assertThatThrownBy(() -> PostgresIdentifiers.quote("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PostgresIdentifiers.quote("a\0b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tablesAreSchemaQualified() {
        assertThat(PostgresIdentifiers.qualified(TableName.of("public", "users"))).isEqualTo("public.users");
        assertThat(PostgresIdentifiers.qualified(TableName.of("public", "user"))).isEqualTo("public.\"user\"");
        assertThat(PostgresIdentifiers.qualified(TableName.of("My Schema", "Order"))).isEqualTo("\"My Schema\".\"Order\"");
        assertThat(PostgresIdentifiers.qualified(TableName.of(null, "users"))).isEqualTo("users");
    }

    @Test
    void commentsCannotBeEndedByANewline() {
        assertThat(SqlComment.line("drop\nDROP TABLE t;\r")).isEqualTo("-- drop\\nDROP TABLE t;\\r").doesNotContain("\n");
        assertThat(SqlComment.line("a\u2028b\u0000")).doesNotContain("\u2028", "\u0000");
    }
}
