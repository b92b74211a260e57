package io.github.schemadrift.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One empty database for one test.
 *
 * @param url the JDBC URL
 * @param user the user
 * @param password the password
 */
public record FreshDatabase(String url, String user, String password) {

    /** @return a new connection */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** @return the database's name, as the URL's path names it */
    public String name() {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        return base.substring(base.lastIndexOf('/') + 1);
    }

    /** @return a data source for this database */
    public PGSimpleDataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }

    /**
     * Runs SQL, e.g. a migration script with several statements.
     *
     * @param sql the statements
     */
    public void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed on " + url + ": " + e.getMessage() + "\n" + sql, e);
        }
    }

    /**
     * Runs a query and returns its rows, each as column label to value.
     *
     * @param sql the query
     * @return the rows
     */
    public List<Map<String, Object>> query(String sql) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                var results = statement.executeQuery(sql)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            var meta = results.getMetaData();
            while (results.next()) {
                Map<String, Object> row = new java.util.LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), results.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed on " + url + ": " + e.getMessage() + "\n" + sql, e);
        }
    }
}
