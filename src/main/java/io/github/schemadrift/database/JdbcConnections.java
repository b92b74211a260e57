package io.github.schemadrift.database;

import io.github.schemadrift.SchemaDriftInputException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Opens the connection the check reads through, read-only, and turns a connection failure into one
 * paragraph that names the database (never the password) and says what to do.
 */
public final class JdbcConnections {

    private static final Pattern SECRET_PARAMETER =
            Pattern.compile("(?i)([?&;](?:password|user|sslpassword|sslkey)=)[^&;]*");

    private JdbcConnections() {
    }

    /**
     * Connects with a JDBC URL and credentials. The connect and login timeouts are bounded, so an
     * unreachable host fails instead of hanging.
     *
     * @param url the JDBC URL
     * @param user the user, or {@code null} to take it from the URL
     * @param password the password, or {@code null}
     * @param timeout how long to wait for the server
     * @return a read-only connection
     */
    public static Connection open(String url, String user, String password, Duration timeout) {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        String seconds = String.valueOf(Math.max(1, timeout.toSeconds()));
        properties.setProperty("connectTimeout", seconds);
        properties.setProperty("loginTimeout", seconds);
        properties.setProperty("ApplicationName", "schemadrift");
        try {
            return readOnly(DriverManager.getConnection(url, properties));
        } catch (SQLException e) {
            throw failure(e, url, user);
        }
    }

    /**
     * Takes a connection from a data source.
     *
     * @param dataSource the data source
     * @return a read-only connection
     */
    public static Connection open(DataSource dataSource) {
        try {
            return readOnly(dataSource.getConnection());
        } catch (SQLException e) {
            throw failure(e, "the given DataSource (" + dataSource.getClass().getName() + ")", null);
        }
    }

    /**
     * The URL of a connection for reports: server and database, without credentials and without the
     * parameters (a connection from pgjdbc's own DataSource reports every driver setting there).
     *
     * @param connection an open connection
     * @return the URL, or a placeholder when the driver does not say
     */
    public static String describe(Connection connection) {
        String url;
        try {
            url = connection.getMetaData().getURL();
        } catch (SQLException | RuntimeException e) {
            // a closed connection has no metadata, but pgjdbc's own connection still knows its URL
            try {
                url = connection instanceof org.postgresql.jdbc.PgConnection pg ? pg.getURL() : null;
            } catch (SQLException | RuntimeException again) {
                url = null;
            }
        }
        if (url == null) {
            return "the database";
        }
        int parameters = url.indexOf('?');
        return withoutCredentials(parameters < 0 ? url : url.substring(0, parameters));
    }

    /**
     * A JDBC URL with passwords, users and keys removed from its parameters.
     *
     * @param url the URL
     * @return the URL, safe to print
     */
    public static String withoutCredentials(String url) {
        String cleaned = SECRET_PARAMETER.matcher(url).replaceAll("");
        // jdbc:postgresql://user:secret@host/db is not pgjdbc's syntax, but people write it
        return cleaned.replaceAll("//[^/@?]*@", "//");
    }

    /** Every read runs in one read-only transaction: the check can never write, and a read-only role suffices. */
    private static Connection readOnly(Connection connection) throws SQLException {
        try {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    private static SchemaDriftInputException failure(SQLException e, String target, String user) {
        String where = target.startsWith("jdbc:") ? withoutCredentials(target) : target;
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String host = host(where);
        String message;
        if (state.equals("28P01") || state.equals("28000")) {
            message = "PostgreSQL at " + where + " refused the credentials" + (user == null ? "" : " of user '" + user + "'")
                    + ". Check the user and password (the password is not shown here).";
        } else if (state.equals("3D000")) {
            message = "The database in " + where + " does not exist. Check the database name at the end of the URL.";
        } else if (state.startsWith("08") || e.getCause() instanceof java.net.ConnectException
                || e.getCause() instanceof java.net.UnknownHostException) {
            message = "Cannot reach PostgreSQL at " + (host == null ? where : host) + " (" + where + "): "
                    + firstLine(e.getMessage()) + ". Check the host and port, that the server is running and accepts"
                    + " TCP connections from here, or leave the URL out to use the embedded PostgreSQL.";
        } else {
            message = "Cannot connect to " + where + ": " + firstLine(e.getMessage())
                    + (state.isEmpty() ? "" : " (SQLState " + state + ")") + ". Check the URL and credentials.";
        }
        return new SchemaDriftInputException(message, e);
    }

    private static String host(String url) {
        if (!url.startsWith("jdbc:")) {
            return null;
        }
        try {
            URI uri = URI.create(url.substring("jdbc:".length()));
            return uri.getHost() == null ? null : uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int newline = message.indexOf('\n');
        // the caller goes on with ". Check …": no doubled full stop
        return (newline < 0 ? message : message.substring(0, newline)).replaceAll("[.\\s]+$", "");
    }
}
