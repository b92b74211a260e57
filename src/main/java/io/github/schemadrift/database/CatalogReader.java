package io.github.schemadrift.database;

import io.github.schemadrift.SchemaDriftInputException;
import io.github.schemadrift.model.Column;
import io.github.schemadrift.model.ForeignKey;
import io.github.schemadrift.model.ReferentialAction;
import io.github.schemadrift.model.SchemaSnapshot;
import io.github.schemadrift.model.Table;
import io.github.schemadrift.model.TableName;
import io.github.schemadrift.model.UniqueKey;
import io.github.schemadrift.model.ValueGeneration;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import schemacrawler.inclusionrule.InclusionRule;
import schemacrawler.schema.Catalog;
import schemacrawler.schema.PrimaryKey;
import schemacrawler.schema.TableConstraintColumn;
import schemacrawler.schemacrawler.InformationSchemaKey;
import schemacrawler.schemacrawler.InformationSchemaViewsBuilder;
import schemacrawler.schemacrawler.LimitOptionsBuilder;
import schemacrawler.schemacrawler.LoadOptionsBuilder;
import schemacrawler.schemacrawler.MetadataRetrievalStrategy;
import schemacrawler.schemacrawler.SchemaCrawlerOptions;
import schemacrawler.schemacrawler.SchemaCrawlerOptionsBuilder;
import schemacrawler.schemacrawler.SchemaInfoLevel;
import schemacrawler.schemacrawler.SchemaInfoLevelBuilder;
import schemacrawler.schemacrawler.SchemaInfoMetadataRetrievalStrategy;
import schemacrawler.schemacrawler.SchemaRetrievalOptions;
import schemacrawler.schemacrawler.SchemaRetrievalOptionsBuilder;
import schemacrawler.tools.options.ConfigUtility;
import schemacrawler.tools.utility.SchemaCrawlerUtility;
import us.fatehi.utility.datasource.DatabaseConnectionSource;
import us.fatehi.utility.datasource.DatabaseConnectionSources;

/**
 * Reads the actual schema of a PostgreSQL database: its tables, columns, primary keys, foreign keys (with
 * their {@code ON DELETE} action) and unique constraints.
 *
 * <p>SchemaCrawler builds the catalog, but from our own bulk {@code pg_catalog} queries (one per kind of
 * object, limited to the requested schemas) rather than its default table-by-table {@code DatabaseMetaData}
 * calls, which take seconds on a few thousand tables. Only {@code SELECT}s are run; everything read is in
 * {@code pg_catalog}, which every role may read. See {@code docs/introspection.md}.
 */
public final class CatalogReader {

    /*
     * SchemaCrawler logs hundreds of INFO lines per crawl through java.util.logging. Its loggers are
     * quietened here, unless the application configured them; the references are kept because
     * java.util.logging holds loggers weakly, and a collected logger forgets its level.
     */
    private static final List<Logger> QUIETENED = quieten("schemacrawler", "us.fatehi");

    private CatalogReader() {
    }

    /**
     * Reads the tables of these schemas (names as PostgreSQL stores them), in bulk. Never writes.
     *
     * <p>A table here is an ordinary or partitioned table; views and the partitions of a partitioned
     * table are left out. Each column carries PostgreSQL's {@code format_type} spelling of its type, its
     * {@code NOT NULL} flag, its default expression and how its value is generated; types and defaults
     * are spelled without their own schema's qualifier, so the result does not depend on the caller's
     * {@code search_path} (which is set to {@code pg_catalog} while reading, and then put back).
     *
     * @param connection an open connection; left open, with its settings as they were
     * @param schemas the schemas to read; schemas that do not exist are skipped
     * @return the tables found, each named with its schema
     * @throws SchemaDriftInputException when the catalog cannot be read
     */
    public static SchemaSnapshot read(Connection connection, Set<String> schemas) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(schemas, "schemas");
        if (schemas.isEmpty()) {
            return SchemaSnapshot.of(List.of());
        }
        try {
            Map<String, OwnSchema> existing = existingSchemas(connection, schemas);
            if (existing.isEmpty()) {
                return SchemaSnapshot.of(List.of());
            }
            String searchPath = setSearchPath(connection, "pg_catalog");
            SchemaSnapshot snapshot;
            try {
                CatalogQueries queries = new CatalogQueries(existing.keySet());
                Catalog catalog = crawl(connection, queries);
                snapshot = snapshot(catalog, existing, foreignKeys(connection, queries), uniqueKeys(connection, queries));
            } catch (SQLException | RuntimeException e) {
                // in an aborted transaction the restore fails too; the reading error is the one to report
                try {
                    setSearchPath(connection, searchPath);
                } catch (SQLException | RuntimeException restore) {
                    e.addSuppressed(restore);
                }
                throw e;
            }
            setSearchPath(connection, searchPath);
            return snapshot;
        } catch (SQLException | RuntimeException e) {
            throw new SchemaDriftInputException("Could not read the schema of " + JdbcConnections.describe(connection) + " (schemas "
                    + String.join(", ", schemas.stream().sorted().toList()) + "): " + e.getMessage()
                    + ". Check that the database is reachable and the user may connect to it.", e);
        }
    }

    /**
     * The connection's current schema ({@code select current_schema()}): the first schema of its
     * {@code search_path} that exists.
     *
     * @param connection an open connection
     * @return the schema, or {@code null} when no schema of the search path exists
     * @throws SchemaDriftInputException when the query fails
     */
    public static String currentSchema(Connection connection) {
        Objects.requireNonNull(connection, "connection");
        try (Statement statement = connection.createStatement();
                ResultSet results = statement.executeQuery("SELECT pg_catalog.current_schema()")) {
            results.next();
            return results.getString(1);
        } catch (SQLException e) {
            throw new SchemaDriftInputException("Could not read the current schema of " + JdbcConnections.describe(connection)
                    + ": " + e.getMessage() + ". Check that the database is reachable.", e);
        }
    }

    private static Map<String, OwnSchema> existingSchemas(Connection connection, Set<String> schemas)
            throws SQLException {
        Map<String, OwnSchema> existing = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT nspname, pg_catalog.quote_ident(nspname) FROM pg_catalog.pg_namespace"
                        + " WHERE nspname = ANY (?)")) {
            statement.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            try (ResultSet results = statement.executeQuery()) {
                while (results.next()) {
                    existing.put(results.getString(1), new OwnSchema(results.getString(1), results.getString(2)));
                }
            }
        }
        return existing;
    }

    /** Sets the session's search path, and returns the one it had. */
    private static String setSearchPath(Connection connection, String searchPath) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT pg_catalog.current_setting('search_path'), pg_catalog.set_config('search_path', ?, false)")) {
            statement.setString(1, searchPath);
            try (ResultSet results = statement.executeQuery()) {
                results.next();
                return results.getString(1);
            }
        }
    }

    private static Catalog crawl(Connection connection, CatalogQueries queries) {
        SchemaRetrievalOptionsBuilder retrieval = SchemaRetrievalOptionsBuilder.builder()
                .withDoesNotSupportCatalogs()
                .withSupportsSchemas()
                .withInformationSchemaViews(InformationSchemaViewsBuilder.builder()
                        .withSql(InformationSchemaKey.SCHEMATA, queries.schemata())
                        .withSql(InformationSchemaKey.TABLES, queries.tables())
                        .withSql(InformationSchemaKey.TABLE_COLUMNS, queries.columns())
                        .withSql(InformationSchemaKey.PRIMARY_KEYS, queries.primaryKeys())
                        .toOptions());
        for (SchemaInfoMetadataRetrievalStrategy kind : List.of(
                SchemaInfoMetadataRetrievalStrategy.tablesRetrievalStrategy,
                SchemaInfoMetadataRetrievalStrategy.tableColumnsRetrievalStrategy,
                SchemaInfoMetadataRetrievalStrategy.primaryKeysRetrievalStrategy)) {
            retrieval.with(kind, MetadataRetrievalStrategy.data_dictionary_all);
        }
        SchemaRetrievalOptions retrievalOptions = retrieval.toOptions();

        /*
         * Only what the comparison needs: SchemaCrawler's "minimum" level has no columns. Foreign keys are
         * read without SchemaCrawler: every crawl sorts the tables topologically by foreign key, an
         * O(depth x tables x foreign keys) loop that alone takes 0.3-0.8 s at 2000 tables with shallow keys
         * and 18 s with a 2000-deep chain (measured with SchemaCrawler 17.9.0).
         */
        SchemaInfoLevel infoLevel = SchemaInfoLevelBuilder.builder()
                .withTag("schemadrift")
                .setRetrieveTables(true)
                .setRetrieveTableColumns(true)
                .setRetrievePrimaryKeys(true)
                .toOptions();
        InclusionRule requestedSchemas = new RequestedSchemas(queries.schemas());
        SchemaCrawlerOptions options = SchemaCrawlerOptionsBuilder.newSchemaCrawlerOptions()
                .withLimitOptions(LimitOptionsBuilder.builder()
                        .includeSchemas(requestedSchemas)
                        .tableTypes("TABLE")
                        .toOptions())
                .withLoadOptions(LoadOptionsBuilder.builder()
                        .withSchemaInfoLevel(infoLevel)
                        .withMaxThreads(1)
                        .toOptions());

        // Not closed: closing this source would close the caller's connection.
        DatabaseConnectionSource source = DatabaseConnectionSources.fromConnection(connection);
        return SchemaCrawlerUtility.getCatalog(source, retrievalOptions, options, ConfigUtility.newConfig());
    }

    private static SchemaSnapshot snapshot(Catalog catalog, Map<String, OwnSchema> schemas,
            Map<TableName, List<ForeignKey>> foreignKeys, Map<TableName, List<UniqueKey>> uniqueKeys) {
        List<Table> tables = new ArrayList<>();
        for (schemacrawler.schema.Table table : catalog.getTables()) {
            OwnSchema schema = schemas.get(table.getSchema().getName());
            if (schema == null) {
                continue;
            }
            TableName name = TableName.of(schema.name(), table.getName());
            tables.add(new Table(
                    name,
                    columns(table, schema),
                    primaryKey(table),
                    foreignKeys.getOrDefault(name, List.of()),
                    uniqueKeys.getOrDefault(name, List.of()),
                    null));
        }
        return SchemaSnapshot.of(tables);
    }

    private static List<Column> columns(schemacrawler.schema.Table table, OwnSchema schema) {
        return table.getColumns().stream()
                .sorted(Comparator.comparingInt(schemacrawler.schema.Column::getOrdinalPosition))
                .map(column -> new Column(
                        column.getName(),
                        schema.unqualify(column.getAttribute(CatalogQueries.FORMATTED_TYPE)),
                        column.isNullable(),
                        schema.unqualify(column.getDefaultValue()),
                        generation(column),
                        null))
                .toList();
    }

    /** Our columns query sets "auto-incremented" for identity columns only, and "generated" for computed ones. */
    private static ValueGeneration generation(schemacrawler.schema.Column column) {
        if (column.isAutoIncremented()) {
            return ValueGeneration.IDENTITY;
        }
        return column.isGenerated() ? ValueGeneration.COMPUTED : ValueGeneration.NONE;
    }

    private static List<String> primaryKey(schemacrawler.schema.Table table) {
        PrimaryKey primaryKey = table.getPrimaryKey();
        if (primaryKey == null) {
            return List.of();
        }
        return primaryKey.getConstrainedColumns().stream()
                .sorted(Comparator.comparingInt(TableConstraintColumn::getTableConstraintOrdinalPosition))
                .map(TableConstraintColumn::getName)
                .toList();
    }

    /** The foreign keys of every table read, by referencing table, each sorted by name. */
    private static Map<TableName, List<ForeignKey>> foreignKeys(Connection connection, CatalogQueries queries)
            throws SQLException {
        // Rows come ordered by table, constraint and key position: one run of rows is one foreign key.
        Map<TableName, List<ForeignKey>> byTable = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(queries.foreignKeys())) {
            TableName table = null;
            String name = null;
            TableName referenced = null;
            ReferentialAction onDelete = null;
            List<String> columns = new ArrayList<>();
            List<String> referencedColumns = new ArrayList<>();
            while (true) {
                boolean more = rows.next();
                TableName rowTable = more ? TableName.of(rows.getString("FKTABLE_SCHEM"), rows.getString("FKTABLE_NAME")) : null;
                String rowName = more ? rows.getString("FK_NAME") : null;
                if (name != null && (!more || !rowTable.equals(table) || !rowName.equals(name))) {
                    byTable.computeIfAbsent(table, t -> new ArrayList<>())
                            .add(new ForeignKey(name, columns, referenced, referencedColumns, onDelete));
                    columns.clear();
                    referencedColumns.clear();
                }
                if (!more) {
                    break;
                }
                table = rowTable;
                name = rowName;
                referenced = TableName.of(rows.getString("PKTABLE_SCHEM"), rows.getString("PKTABLE_NAME"));
                onDelete = referentialAction(rows.getInt("DELETE_RULE"));
                columns.add(rows.getString("FKCOLUMN_NAME"));
                referencedColumns.add(rows.getString("PKCOLUMN_NAME"));
            }
        }
        byTable.values().forEach(keys -> keys.sort(Comparator.comparing(ForeignKey::name)));
        return byTable;
    }

    /** A {@code DatabaseMetaData.importedKey…} rule, as our foreign keys query spells confdeltype. */
    private static ReferentialAction referentialAction(int rule) {
        return switch (rule) {
            case DatabaseMetaData.importedKeyCascade -> ReferentialAction.CASCADE;
            case DatabaseMetaData.importedKeySetNull -> ReferentialAction.SET_NULL;
            case DatabaseMetaData.importedKeySetDefault -> ReferentialAction.SET_DEFAULT;
            case DatabaseMetaData.importedKeyRestrict -> ReferentialAction.RESTRICT;
            default -> ReferentialAction.NO_ACTION;
        };
    }

    /** The unique constraints of every table read, by table, each sorted by name. */
    private static Map<TableName, List<UniqueKey>> uniqueKeys(Connection connection, CatalogQueries queries)
            throws SQLException {
        // Rows come ordered by table, constraint and key position, so each constraint's columns are in key order.
        Map<TableName, Map<String, List<String>>> columnsByTable = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(queries.uniqueKeys())) {
            while (rows.next()) {
                columnsByTable
                        .computeIfAbsent(TableName.of(rows.getString("TABLE_SCHEM"), rows.getString("TABLE_NAME")),
                                t -> new LinkedHashMap<>())
                        .computeIfAbsent(rows.getString("CONSTRAINT_NAME"), c -> new ArrayList<>())
                        .add(rows.getString("COLUMN_NAME"));
            }
        }
        Map<TableName, List<UniqueKey>> byTable = new HashMap<>();
        columnsByTable.forEach((table, constraints) -> byTable.put(table, constraints.entrySet().stream()
                .map(constraint -> new UniqueKey(constraint.getKey(), constraint.getValue()))
                .sorted(Comparator.comparing(UniqueKey::name))
                .toList()));
        return byTable;
    }

    private static List<Logger> quieten(String... names) {
        List<Logger> loggers = new ArrayList<>();
        for (String name : names) {
            Logger logger = Logger.getLogger(name);
            if (logger.getLevel() == null) {
                logger.setLevel(Level.WARNING);
            }
            loggers.add(logger);
        }
        return List.copyOf(loggers);
    }

    /**
     * Includes exactly the requested schemas (SchemaCrawler's own rules are regular expressions). It is
     * given SchemaCrawler's full name, which is quoted when the name is mixed case or a reserved word.
     */
    private record RequestedSchemas(Set<String> names) implements InclusionRule {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean test(String schema) {
            if (names.contains(schema)) {
                return true;
            }
            return schema.length() > 1 && schema.startsWith("\"") && schema.endsWith("\"")
                    && names.contains(schema.substring(1, schema.length() - 1).replace("\"\"", "\""));
        }
    }
}
