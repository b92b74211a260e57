package io.github.schemadrift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.schemadrift.testing.FreshDatabase;
import io.github.schemadrift.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real runnable jar, run as a process the way scripts run it: what it prints on stdout and stderr, and its
 * exit code. Needs {@code target/*-cli.jar}, so it runs in Maven's integration-test phase (failsafe).
 */
class CliIT {

    private static final Path JAR = Path.of(property("schemadrift.cli.jar"));
    private static final Path TEST_CLASSES = Path.of(property("schemadrift.test.classes"));
    private static final Path SEEDS = Path.of(property("schemadrift.seeds"));
    private static final String PASSWORD = "s3cret-Pa55word";
    private static final String FIXTURES = "io.github.schemadrift.fixtures.";

    @TempDir
    Path directory;

    // --- the four incidents, each from its migrations on the embedded PostgreSQL

    @Test
    void seed000MissingIsActiveAndNullableUpdatedDate() {
        Run run = cli("check", "--classpath", TEST_CLASSES.toString(), "--package", FIXTURES + "seed000",
                "--migrations", SEEDS.resolve("000").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).isEmpty();
        assertThat(run.stdout()).startsWith("2 drifts: 1 error, 1 warning, 0 infos\n")
                .contains("database: an embedded PostgreSQL migrated from " + SEEDS.resolve("000"))
                .contains("public.integration_tokens\n"
                        + "  ERROR   MISSING_COLUMN       is_active\n"
                        + "      found:    nothing\n"
                        + "      expected: boolean not null\n"
                        + "      from:     io.github.schemadrift.fixtures.seed000.IntegrationToken#active\n")
                .contains("  WARNING NULLABILITY_MISMATCH updated_date\n"
                        + "      found:    timestamp without time zone\n"
                        + "      expected: timestamp(6) not null\n");
    }

    @Test
    void seed001MissingUsernameAndNotNullPasswordHash() {
        JsonNode report = json(cli("check", "--classpath", TEST_CLASSES.toString(), "--entity", FIXTURES + "seed001.User",
                "--migrations", SEEDS.resolve("001").toString(), "--format", "json"));

        assertThat(drifts(report)).containsExactly(
                "NULLABILITY_MISMATCH ERROR public.users.password_hash",
                "MISSING_COLUMN ERROR public.users.username");
    }

    @Test
    void seed003MissingIntegrationsTable() {
        JsonNode report = json(cli("check", "--classpath", TEST_CLASSES.toString(), "--package", FIXTURES + "seed003",
                "--migrations", "filesystem:" + SEEDS.resolve("003"), "--format", "JSON"));

        assertThat(drifts(report)).containsExactly("MISSING_TABLE ERROR public.integrations.null");
    }

    @Test
    void seed004MissingUpdatedAt() {
        JsonNode report = json(cli("check", "--classpath", TEST_CLASSES.toString(), "--entity", FIXTURES + "seed004.User",
                "--migrations", SEEDS.resolve("004").toString(), "--format", "json"));

        assertThat(drifts(report)).containsExactly("MISSING_COLUMN ERROR public.users.updated_at");
    }

    // --- the JSON shape and the exit codes

    @Test
    void jsonHasTheDocumentedShape() {
        Run run = cli("check", "--classpath", TEST_CLASSES.toString(), "--package", FIXTURES + "seed000",
                "--migrations", SEEDS.resolve("000").toString(), "--format", "json");
        JsonNode report = json(run);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(fieldNames(report)).containsExactly("summary", "drifts");
        assertThat(report.get("summary").toString()).isEqualTo("{\"errors\":1,\"warnings\":1,\"infos\":0}");
        JsonNode first = report.get("drifts").get(0);
        assertThat(fieldNames(first)).containsExactly(
                "kind", "severity", "schema", "table", "column", "expected", "actual", "source", "message", "fix");
        assertThat(first.get("kind").asText()).isEqualTo("MISSING_COLUMN");
        assertThat(first.get("actual").isNull()).isTrue();
        assertThat(first.get("source").asText()).isEqualTo(FIXTURES + "seed000.IntegrationToken#active");
        assertThat(first.get("fix").toString())
                .isEqualTo("[\"ALTER TABLE public.integration_tokens ADD COLUMN is_active boolean DEFAULT true NOT NULL;\"]");
    }

    @Test
    void failOnDecidesBetweenExitCodesZeroAndOne() throws IOException {
        // seed 000 with is_active added: only the WARNING (nullable updated_date) is left
        Path migrations = directory.resolve("migrations");
        Files.createDirectories(migrations);
        Files.copy(SEEDS.resolve("000/V1__create_integration_tokens.sql"), migrations.resolve("V1__create.sql"));
        Files.writeString(migrations.resolve("V2__add_is_active.sql"),
                "ALTER TABLE integration_tokens ADD COLUMN is_active BOOLEAN NOT NULL DEFAULT true;\n");
        String[] check = {"check", "--classpath", TEST_CLASSES.toString(), "--package", FIXTURES + "seed000",
                "--migrations", migrations.toString(), "--format", "json"};

        assertThat(cli(check).exitCode()).as("default: warning").isEqualTo(1);
        assertThat(cli(with(check, "--fail-on", "info")).exitCode()).isEqualTo(1);
        Run errorOnly = cli(with(check, "--fail-on", "error"));
        assertThat(errorOnly.exitCode()).isEqualTo(0);
        assertThat(drifts(json(errorOnly))).containsExactly("NULLABILITY_MISMATCH WARNING public.integration_tokens.updated_date");
        assertThat(cli(with(check, "--fail-on", "never")).exitCode()).isEqualTo(0);
    }

    @Test
    void noDriftExitsZeroWithPlainSqlMigrations() throws IOException {
        Path migrations = directory.resolve("plain");
        Files.createDirectories(migrations);
        Files.copy(SEEDS.resolve("004/V1__create_users.sql"), migrations.resolve("001-users.sql"));
        Files.writeString(migrations.resolve("002-updated-at.sql"), "ALTER TABLE users ADD COLUMN updated_at TIMESTAMP(6) NOT NULL;\n");

        Run run = cli("check", "--classpath", TEST_CLASSES.toString(), "--entity", FIXTURES + "seed004.User",
                "--migrations", migrations.toString());

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.stdout()).startsWith("no drift\n");
        assertThat(run.stderr()).isEmpty();
    }

    // --- the fix script

    @Test
    void theSqlScriptSavedAsTheNextMigrationLeavesNoErrorOrWarning() throws IOException {
        for (String seed : List.of("000", "003")) {
            Path migrations = directory.resolve("fix-" + seed);
            Files.createDirectories(migrations);
            try (var scripts = Files.list(SEEDS.resolve(seed))) {
                for (Path script : scripts.toList()) {
                    Files.copy(script, migrations.resolve(script.getFileName()));
                }
            }
            String[] model = {"--classpath", TEST_CLASSES.toString(), "--package", FIXTURES + "seed" + seed,
                    "--migrations", migrations.toString()};

            Run sql = cli(with(new String[] {"sql"}, model));
            assertThat(sql.exitCode()).as(sql.toString()).isEqualTo(0);
            assertThat(sql.stderr()).isEmpty();
            assertThat(sql.stdout()).startsWith("-- Generated by schemadrift")
                    .contains(seed.equals("003") ? "CREATE TABLE public.integrations" : "ALTER TABLE public.integration_tokens");
            Files.writeString(migrations.resolve("V99__fix_schema_drift.sql"), sql.stdout());

            Run recheck = cli(with(new String[] {"check", "--format", "json"}, model));
            assertThat(recheck.exitCode()).as(recheck.toString()).isEqualTo(0);
            assertThat(json(recheck).get("summary").toString()).as(seed).startsWith("{\"errors\":0,\"warnings\":0,");
        }
    }

    // --- a live database

    @Test
    void aLiveDatabaseIsReadWithARoleThatMayOnlyRead() {
        FreshDatabase database = TestDatabase.create();
        database.execute(seed("004/V1__create_users.sql"));
        String role = "cli_reader_" + ProcessHandle.current().pid();
        database.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + PASSWORD + "';"
                + "REVOKE ALL ON SCHEMA public FROM PUBLIC; GRANT USAGE ON SCHEMA public TO " + role + ";");

        Run run = cli(Map.of("SCHEMADRIFT_IT_PASSWORD", PASSWORD), "check", "--classpath", TEST_CLASSES.toString(),
                "--entity", FIXTURES + "seed004.User", "--url", database.url(), "--user", role,
                "--password-env", "SCHEMADRIFT_IT_PASSWORD", "--schema", "public");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).isEmpty();
        assertThat(run.stdout()).contains("database: " + database.url()).contains("MISSING_COLUMN       updated_at")
                .doesNotContain(PASSWORD);
    }

    // --- bad input: exit 2, one paragraph on stderr naming the input, no stack trace, no password

    @Test
    void anUnreachableDatabaseNamesItsHostWithinTheTimeout() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        long start = System.nanoTime();

        Run run = cli("check", "--classpath", TEST_CLASSES.toString(), "--package", FIXTURES + "seed004",
                "--url", "jdbc:postgresql://localhost:" + closedPort + "/app?password=" + PASSWORD,
                "--user", "app", "--password", PASSWORD);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(40));
        assertInputError(run, "Cannot reach PostgreSQL at localhost:" + closedPort);
    }

    @Test
    void aMissingMigrationsDirectoryIsNamed() {
        Path missing = directory.resolve("no-such-dir");

        Run run = cli("check", "--classpath", TEST_CLASSES.toString(), "--package", FIXTURES + "seed004",
                "--migrations", missing.toString());

        assertInputError(run, "The migrations directory " + missing + " does not exist.");
    }

    @Test
    void aBrokenMigrationIsNamedWithItsLine() throws IOException {
        Path migrations = directory.resolve("broken");
        Files.createDirectories(migrations);
        Files.copy(SEEDS.resolve("004/V1__create_users.sql"), migrations.resolve("V1__create_users.sql"));
        Files.writeString(migrations.resolve("V2__add_audit.sql"), """
                -- audit columns
                ALTER TABLE users
                    ADD COLUMN updated_at TIMESTAMP(6) NOT NULL,
                    ADD COLUMN updated_by TEXTT;
                """);

        Run run = cli("check", "--classpath", TEST_CLASSES.toString(), "--package", FIXTURES + "seed004",
                "--migrations", migrations.toString());

        assertInputError(run, "Migration V2__add_audit.sql (in " + migrations + ") failed at line 4: ERROR: type \"textt\" does not exist");
    }

    @Test
    void aPackageWithNoEntitiesIsNamed() {
        Run run = cli("check", "--classpath", TEST_CLASSES.toString(), "--package", "com.example.nothing.here",
                "--migrations", SEEDS.resolve("004").toString());

        assertInputError(run, "No entity found in packages [com.example.nothing.here]");
    }

    @Test
    void anUnknownOptionIsNamedAndAMistypedPasswordIsNot() {
        Run run = cli("check", "--pasword", PASSWORD, "--package", FIXTURES + "seed004");

        assertInputError(run, "Unknown option '--pasword' for schemadrift check. Run 'schemadrift check --help'");
    }

    @Test
    void aMissingClasspathEntryIsNamed() {
        Path missing = directory.resolve("missing-classes");

        Run run = cli("check", "--classpath", TEST_CLASSES + java.io.File.pathSeparator + missing,
                "--package", FIXTURES + "seed004", "--migrations", SEEDS.resolve("004").toString());

        assertInputError(run, "The --classpath entry " + missing + " does not exist.");
    }

    @Test
    void aBadFailOnValueIsNamed() {
        Run run = cli("check", "--classpath", TEST_CLASSES.toString(), "--package", FIXTURES + "seed004",
                "--migrations", SEEDS.resolve("004").toString(), "--fail-on", "sometimes");

        assertInputError(run, "Invalid value for option '--fail-on'");
        assertThat(run.stderr()).contains("'sometimes'");
    }

    @Test
    void noDatabaseNamesBothWaysToGiveOne() {
        Run run = cli("check", "--classpath", TEST_CLASSES.toString(), "--package", FIXTURES + "seed004");

        assertInputError(run, "No database given. Pass --url JDBC_URL");
    }

    @Test
    void sqlFailsLikeCheckOnBadInput() {
        Run run = cli("sql", "--classpath", TEST_CLASSES.toString(), "--package", FIXTURES + "seed004",
                "--migrations", directory.resolve("nothing-here").toString());

        assertInputError(run, "The migrations directory " + directory.resolve("nothing-here") + " does not exist.");
    }

    @Test
    void debugShowsTheStackTrace() {
        Run run = cli("check", "--package", FIXTURES + "seed004", "--migrations", directory.resolve("none").toString(),
                "--classpath", TEST_CLASSES.toString(), "--debug");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("\tat ").contains("SchemaDriftInputException");
    }

    @Test
    void helpListsTheOptionsOnStdout() {
        Run run = cli("check", "--help");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.stdout()).contains("--classpath", "--package", "--entity", "--property", "--url", "--user",
                "--password", "--password-env", "--migrations", "--schema", "--format", "--fail-on", "--debug");
    }

    private static void assertInputError(Run run, String expected) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.stdout()).as("stdout").isEmpty();
        assertThat(run.stderr()).as(run.toString()).startsWith(expected);
        assertThat(run.stderr().strip()).as("one paragraph").doesNotContain("\n");
        assertThat(run.stderr()).doesNotContain("\tat ").doesNotContain(PASSWORD);
    }

    // --- running the jar

    /** What one run of the jar printed, and its exit code. */
    record Run(List<String> args, int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "schemadrift " + String.join(" ", args) + " → exit " + exitCode + "\nstdout: " + stdout + "\nstderr: " + stderr;
        }
    }

    private static Run cli(String... args) {
        return cli(Map.of(), args);
    }

    private static Run cli(Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        try {
            Path stdout = Files.createTempFile("schemadrift-cli-", ".out");
            Path stderr = Files.createTempFile("schemadrift-cli-", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(command)
                        .redirectOutput(stdout.toFile())
                        .redirectError(stderr.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(3, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new AssertionError("schemadrift " + String.join(" ", args) + " did not finish in 3 minutes");
                }
                return new Run(List.of(args), process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                        Files.readString(stderr, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(stdout);
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            throw new AssertionError("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String[] with(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static JsonNode json(Run run) {
        assertThat(run.stderr()).as(run.toString()).isEmpty();
        try {
            return new ObjectMapper().readTree(run.stdout());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + run, e);
        }
    }

    /** Each drift as "KIND SEVERITY schema.table.column". */
    private static List<String> drifts(JsonNode report) {
        List<String> drifts = new ArrayList<>();
        report.get("drifts").forEach(drift -> drifts.add(drift.get("kind").asText() + " " + drift.get("severity").asText()
                + " " + drift.get("schema").asText() + "." + drift.get("table").asText() + "." + drift.get("column").asText()));
        return drifts;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static String seed(String name) {
        try {
            return Files.readString(SEEDS.resolve(name));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set: run this test with 'mvn verify'");
        }
        return value;
    }
}
