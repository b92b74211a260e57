package io.github.schemadrift.testing;

import io.github.schemadrift.database.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL server tests run against: started once per JVM, and a fresh database on it for each
 * caller. Without configuration that is one {@link EmbeddedPostgres} per JVM, started on first use. An
 * external server can be named instead with {@code -Dschemadrift.test.url=jdbc:postgresql://host:port/db}
 * (or the {@code SCHEMADRIFT_TEST_URL} environment variable), with {@code schemadrift.test.user} /
 * {@code schemadrift.test.password} ({@code SCHEMADRIFT_TEST_USER} / {@code SCHEMADRIFT_TEST_PASSWORD}).
 */
public final class TestDatabase {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestDatabase() {
    }

    /**
     * A new, empty database on the test server.
     *
     * @return the database
     */
    public static FreshDatabase create() {
        Server server = Server.get();
        String name = "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(server.url(), server.user(), server.password());
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " on " + server.url(), e);
        }
        return new FreshDatabase(server.urlOf(name), server.user(), server.password());
    }

    /**
     * A new database holding a copy of {@code template}: much faster than building the same schema and rows
     * again. Nothing may be connected to the template while it is copied.
     *
     * @param template a database made by this class
     * @return the copy
     */
    public static FreshDatabase copyOf(FreshDatabase template) {
        Server server = Server.get();
        String name = "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        admin(server, "CREATE DATABASE " + name + " TEMPLATE " + template.name());
        return new FreshDatabase(server.urlOf(name), server.user(), server.password());
    }

    /**
     * Drops a database made by this class, ending any session still connected to it.
     *
     * @param database the database
     */
    public static void drop(FreshDatabase database) {
        admin(Server.get(), "DROP DATABASE IF EXISTS " + database.name() + " WITH (FORCE)");
    }

    private static void admin(Server server, String sql) {
        try (Connection admin = DriverManager.getConnection(server.url(), server.user(), server.password());
                Statement statement = admin.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + server.url(), e);
        }
    }

    /** The server: external when configured, else embedded. */
    record Server(String url, String user, String password) {

        private static volatile Server instance;

        static synchronized Server get() {
            if (instance == null) {
                Server external = external();
                instance = external != null ? external : embedded();
            }
            return instance;
        }

        /** One embedded server for the whole JVM; its own shutdown hook stops it when the JVM exits. */
        private static Server embedded() {
            EmbeddedPostgres postgres = EmbeddedPostgres.start();
            return new Server(postgres.jdbcUrl(), postgres.user(), "");
        }

        private static Server external() {
            String url = setting("schemadrift.test.url", "SCHEMADRIFT_TEST_URL");
            if (url == null) {
                return null;
            }
            String user = setting("schemadrift.test.user", "SCHEMADRIFT_TEST_USER");
            String password = setting("schemadrift.test.password", "SCHEMADRIFT_TEST_PASSWORD");
            return new Server(url, user == null ? "postgres" : user, password == null ? "" : password);
        }

        private static String setting(String property, String environment) {
            String value = System.getProperty(property);
            return value != null && !value.isBlank() ? value : System.getenv(environment);
        }

        /** The same server's URL, for another database: replaces the path's database name. */
        String urlOf(String database) {
            int query = url.indexOf('?');
            String base = query < 0 ? url : url.substring(0, query);
            String params = query < 0 ? "" : url.substring(query);
            int slash = base.lastIndexOf('/');
            return base.substring(0, slash + 1) + database + params;
        }
    }
}
