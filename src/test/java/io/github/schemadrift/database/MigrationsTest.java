package io.github.schemadrift.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.schemadrift.SchemaDriftInputException;
import io.github.schemadrift.testing.FreshDatabase;
import io.github.schemadrift.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migrations are applied as the application's deployment would, and a broken one is traced to its line. */
class MigrationsTest {

    @TempDir
    Path directory;

    @Test
    void plainScriptsRunInLexicalOrderOfTheirPaths() throws IOException {
        write("b_alter.sql", "ALTER TABLE t ADD COLUMN name text;");
        write("a_create.sql", """
                CREATE TABLE t (id int primary key);
                CREATE FUNCTION touch() RETURNS trigger AS $$ BEGIN NEW.name := 'x'; RETURN NEW; END; $$ LANGUAGE plpgsql;
                """);
        write("c/index.sql", "CREATE INDEX CONCURRENTLY t_name ON t (name);");
        write("notes.txt", "not a migration");
        FreshDatabase database = TestDatabase.create();

        Migrations.Applied applied = apply(directory.toString(), database);

        assertThat(applied.flyway()).isFalse();
        assertThat(applied.scripts()).containsExactly("a_create.sql", "b_alter.sql", "c/index.sql");
        assertThat(database.query("select count(*) as n from pg_indexes where indexname = 't_name'"))
                .containsExactly(Map.of("n", 1L));
    }

    @Test
    void flywayNamedScriptsRunThroughFlyway() {
        FreshDatabase database = TestDatabase.create();

        Migrations.Applied applied = apply("classpath:seeds/004", database);

        assertThat(applied.flyway()).isTrue();
        assertThat(applied.scripts()).containsExactly("V1__create_users.sql");
        assertThat(database.query("select version from flyway_schema_history where success"))
                .containsExactly(Map.of("version", "1"));
        assertThat(database.query("select count(*) as n from information_schema.tables where table_name = 'users'"))
                .containsExactly(Map.of("n", 1L));
    }

    @Test
    void aBrokenPlainScriptIsNamedWithTheLinePostgresStoppedAt() throws IOException {
        write("001_ok.sql", "CREATE TABLE ok (id int);");
        write("002_broken.sql", """
                -- adds the audit table
                CREATE TABLE audit (
                    id int,
                    at timestamptz NOT NUL
                );
                """);

        assertThatThrownBy(() -> apply(directory.toString(), TestDatabase.create()))
                .isInstanceOf(SchemaDriftInputException.class)
                .hasMessageStartingWith("Migration 002_broken.sql (in " + directory + ") failed at line 4: ERROR: syntax error")
                .hasMessageContaining("fix the script")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aFailureWithoutPositionIsTracedToItsStatementsFirstLine() throws IOException {
        write("001.sql", "CREATE TABLE twice (id int);\n\nCREATE TABLE twice (\n id int);\n");

        assertThatThrownBy(() -> apply(directory.toString(), TestDatabase.create()))
                .isInstanceOf(SchemaDriftInputException.class)
                .hasMessageStartingWith("Migration 001.sql (in " + directory + ") failed at line 3: ERROR: relation \"twice\" already exists");
    }

    @Test
    void aBrokenFlywayScriptIsNamedWithTheLinePostgresStoppedAt() throws IOException {
        write("V1__ok.sql", "CREATE TABLE ok (id int);");
        write("V2__broken.sql", """
                CREATE TABLE fine (id int);

                -- the next one is broken on its third line
                CREATE TABLE audit (
                    id int,
                    at timestamptz NOT NUL
                );
                """);

        assertThatThrownBy(() -> apply("filesystem:" + directory, TestDatabase.create()))
                .isInstanceOf(SchemaDriftInputException.class)
                .hasMessageStartingWith("Migration V2__broken.sql (in " + directory + ") failed at line 6: ERROR: syntax error")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aMissingDirectoryIsNamed() {
        Path missing = directory.resolve("no/such/dir");

        assertThatThrownBy(() -> apply(missing.toString(), TestDatabase.create()))
                .isInstanceOf(SchemaDriftInputException.class)
                .hasMessageStartingWith("The migrations directory " + missing + " does not exist.");
    }

    @Test
    void aLocationWithoutScriptsIsNamed() {
        assertThatThrownBy(() -> apply(directory.toString(), TestDatabase.create()))
                .isInstanceOf(SchemaDriftInputException.class)
                .hasMessageStartingWith("The migrations location " + directory + " holds no *.sql file.");
        assertThatThrownBy(() -> apply("classpath:no/such/folder", TestDatabase.create()))
                .isInstanceOf(SchemaDriftInputException.class)
                .hasMessageStartingWith("The migrations location classpath:no/such/folder holds no *.sql file.");
    }

    @Test
    void flywayNamesMixedWithOthersAreRefusedRatherThanSkipped() throws IOException {
        write("V1__create.sql", "CREATE TABLE a (id int);");
        write("extra.sql", "CREATE TABLE b (id int);");

        assertThatThrownBy(() -> apply(directory.toString(), TestDatabase.create()))
                .isInstanceOf(SchemaDriftInputException.class)
                .hasMessageContaining("mix Flyway names (V1__create.sql) with scripts Flyway would skip: extra.sql");
    }

    @Test
    void flywayNamingIsRecognised() {
        assertThat(List.of("V1__a.sql", "V1.2__a.sql", "V2_1__a_b.sql", "R__views.sql", "sub/V3__x.sql"))
                .allMatch(Migrations::isFlywayName);
        assertThat(List.of("001-users.sql", "V1_a.sql", "v1__a.sql", "Vx__a.sql", "V1__.sql"))
                .noneMatch(Migrations::isFlywayName);
    }

    @Test
    void aTargetStopsFlywayAtThatVersion() throws IOException {
        write("V1__create.sql", "CREATE TABLE t (id int);");
        write("V2__add_name.sql", "ALTER TABLE t ADD COLUMN name text;");
        write("V10__add_note.sql", "ALTER TABLE t ADD COLUMN note text;");
        FreshDatabase database = TestDatabase.create();

        Migrations.Applied applied = Migrations.apply(MigrationLocation.parse(directory.toString()),
                getClass().getClassLoader(), database.url(), database.user(), database.password(), "2");

        assertThat(applied.scripts()).containsExactlyInAnyOrder("V1__create.sql", "V2__add_name.sql");
        assertThat(database.query("select column_name from information_schema.columns where table_name = 't'"
                + " order by ordinal_position"))
                .containsExactly(Map.of("column_name", "id"), Map.of("column_name", "name"));
    }

    @Test
    void aTargetNeedsFlywayNames() throws IOException {
        write("001_create.sql", "CREATE TABLE t (id int);");
        FreshDatabase database = TestDatabase.create();

        assertThatThrownBy(() -> Migrations.apply(MigrationLocation.parse(directory.toString()),
                getClass().getClassLoader(), database.url(), database.user(), database.password(), "1"))
                .isInstanceOf(SchemaDriftInputException.class)
                .hasMessageContaining("A migrations target (1) was given, but the scripts in " + directory.toAbsolutePath().normalize())
                .hasMessageContaining("not named the Flyway way");
        assertThat(database.query("select count(*) as n from information_schema.tables where table_name = 't'"))
                .containsExactly(Map.of("n", 0L));
    }

    private Migrations.Applied apply(String location, FreshDatabase database) {
        return Migrations.apply(MigrationLocation.parse(location), getClass().getClassLoader(),
                database.url(), database.user(), database.password());
    }

    private void write(String name, String content) throws IOException {
        Path file = directory.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
