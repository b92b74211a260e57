package io.github.schemadrift;

import io.github.schemadrift.database.CatalogReader;
import io.github.schemadrift.database.EmbeddedPostgres;
import io.github.schemadrift.database.JdbcConnections;
import io.github.schemadrift.database.MigrationLocation;
import io.github.schemadrift.database.Migrations;
import io.github.schemadrift.diff.SchemaComparison;
import io.github.schemadrift.hibernate.ExpectedSchemaReader;
import io.github.schemadrift.hibernate.HibernateMetadata;
import io.github.schemadrift.hibernate.MetadataCapture;
import io.github.schemadrift.hibernate.ModelSources;
import io.github.schemadrift.model.Drift;
import io.github.schemadrift.model.DriftReport;
import io.github.schemadrift.model.SchemaSnapshot;
import io.github.schemadrift.model.Severity;
import io.github.schemadrift.sql.FixOptions;
import io.github.schemadrift.sql.FixPlanner;
import io.github.schemadrift.sql.MigrationScript;
import io.github.schemadrift.sql.ScriptStyle;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jakarta.persistence.EntityManagerFactory;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.hibernate.boot.Metadata;

/**
 * The entry point: compares a Hibernate model with a live PostgreSQL database.
 *
 * <pre>{@code
 * DriftReport report = SchemaDrift.configure()
 *         .packages("com.example.domain")
 *         .dataSource(dataSource)
 *         .load()
 *         .detect();
 * }</pre>
 *
 * A loaded instance may be used again: each {@link #detect()} reads the database anew. The check only
 * reads: it runs in one read-only transaction, and a role that may only read suffices.
 *
 * <p>Without a database, but with {@linkplain Configuration#migrations(String) migrations}, the first
 * {@link #detect()} starts an {@link EmbeddedPostgres}, creates a fresh database on it and applies the
 * migrations; later calls read that same database, and {@link #close()} stops the server (a shutdown hook
 * does it if nobody calls {@code close()}):
 *
 * <pre>{@code
 * try (SchemaDrift check = SchemaDrift.configure()
 *         .packages("com.example.domain")
 *         .migrations("classpath:db/migration")
 *         .load()) {
 *     DriftReport report = check.detect();
 * }
 * }</pre>
 */
public final class SchemaDrift implements AutoCloseable {

    private final SchemaSnapshot expected;
    private final String modelDescription;
    private final Database database;
    private final String defaultSchema;
    private final Severity failOn;
    private final FixOptions fixOptions;
    private final Consumer<String> progress;
    private final Duration connectTimeout;

    private SchemaDrift(Configuration configuration, Metadata metadata, String modelDescription) {
        this.expected = ExpectedSchemaReader.read(metadata);
        this.modelDescription = modelDescription;
        this.database = configuration.database != null ? configuration.database
                : new EmbeddedDatabase(configuration.migrations, configuration.effectiveClassLoader(), configuration.progress);
        this.defaultSchema = configuration.defaultSchema;
        this.failOn = configuration.failOn;
        this.fixOptions = configuration.fixOptions;
        this.progress = configuration.progress;
        this.connectTimeout = configuration.connectTimeout;
    }

    /**
     * Starts a configuration.
     *
     * @return a new configuration
     */
    public static Configuration configure() {
        return new Configuration();
    }

    /**
     * A check of a running application: its EntityManagerFactory's (or SessionFactory's) own boot model,
     * with the application's exact naming strategies and settings, against the database behind
     * {@code dataSource}. The model was recorded by schemadrift's Hibernate integrator when the factory was
     * built, so nothing is built again here.
     *
     * <pre>{@code
     * SchemaDrift.of(entityManagerFactory, dataSource).verify();
     * }</pre>
     *
     * @param entityManagerFactory the application's open factory; a Hibernate {@code SessionFactory} is one
     * @param dataSource the application's data source, or one for the same database
     * @return the loaded check; failing on {@link Severity#WARNING} and above, in the connection's default schema
     * @throws SchemaDriftInputException when the factory is closed, not Hibernate's, or was built without
     *     schemadrift's integrator seeing it (e.g. schemadrift was not on the class path it was built from)
     */
    public static SchemaDrift of(EntityManagerFactory entityManagerFactory, DataSource dataSource) {
        return configure().entityManagerFactory(entityManagerFactory).dataSource(dataSource).load();
    }

    /**
     * Reads the database and compares it with the model.
     *
     * @return every drift found, each ERROR and WARNING with the SQL that repairs it
     * @throws SchemaDriftInputException when the database cannot be read; never a report that hides it
     */
    public DriftReport detect() {
        try (Connection connection = database.open(connectTimeout)) {
            try {
                String schema = defaultSchema != null ? defaultSchema : CatalogReader.currentSchema(connection);
                if (schema == null) {
                    throw new SchemaDriftInputException("The connection to " + JdbcConnections.describe(connection)
                            + " has no current schema (its search_path names no schema that exists). Set the default"
                            + " schema explicitly, or fix the role's search_path.");
                }
                SchemaSnapshot qualified = expected.inSchemaIfUnqualified(schema);
                progress.accept("Reading the catalog of " + database.describe(connection) + "…");
                SchemaSnapshot actual = CatalogReader.read(connection, qualified.schemas());
                List<Drift> drifts = SchemaComparison.compare(qualified, actual);
                return FixPlanner.plan(DriftReport.of(modelDescription, database.describe(connection), drifts), fixOptions);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new SchemaDriftInputException("Reading " + database + " failed: " + e.getMessage()
                    + ". Check that the role may read the catalog and try again.", e);
        }
    }

    /**
     * Reads the database and fails when it has drifted at or above the configured severity.
     *
     * @return the report, when nothing at or above the threshold was found (it may hold lesser drift)
     * @throws SchemaDriftException carrying the report, when drift at or above the threshold was found
     */
    public DriftReport verify() {
        DriftReport report = detect();
        if (report.hasDriftAtOrAbove(failOn)) {
            throw new SchemaDriftException(report, failOn);
        }
        return report;
    }

    /**
     * Reads the database and writes the migration that repairs its ERROR and WARNING drift, ready to save as
     * the next Flyway migration ({@code V<next>__fix_schema_drift.sql}).
     *
     * @return the script; a header and no statements when there is nothing to repair
     */
    public String migrationScript() {
        return migrationScript(ScriptStyle.FLYWAY);
    }

    /**
     * Reads the database and writes the migration that repairs its ERROR and WARNING drift.
     *
     * @param style {@link ScriptStyle#FLYWAY} for a migration file (Flyway supplies the transaction), or
     *     {@link ScriptStyle#PLAIN} for a script to run by hand
     * @return the script
     */
    public String migrationScript(ScriptStyle style) {
        return MigrationScript.render(detect(), style, fixOptions);
    }

    /**
     * Reads the database once and writes the migration that repairs its ERROR and WARNING drift, with the report
     * it came from, so a caller can tell "nothing to fix" apart and save it as the next Flyway migration:
     *
     * <pre>{@code
     * check.fixMigration().writeAsNextMigrationIn(Path.of("src/main/resources/db/migration"));
     * }</pre>
     *
     * @return the report and its Flyway-style script
     * @throws SchemaDriftInputException when the database cannot be read
     */
    public FixMigration fixMigration() {
        DriftReport report = detect();
        return new FixMigration(report, MigrationScript.render(report, ScriptStyle.FLYWAY, fixOptions));
    }

    /**
     * What the model expects, read once at {@link Configuration#load()}; unqualified tables are placed in
     * the default schema at each {@link #detect()}.
     *
     * @return the expected schema
     */
    public SchemaSnapshot expectedSchema() {
        return expected;
    }

    /**
     * Stops the embedded PostgreSQL this check started, if any, and deletes its data. A check on a given
     * database holds nothing open; closing it does nothing. Calling it again does nothing.
     *
     * @throws SchemaDriftInputException when the embedded server could not be stopped
     */
    @Override
    public void close() {
        if (database instanceof EmbeddedDatabase embedded) {
            embedded.close();
        }
    }

    /** How to reach the database. */
    private sealed interface Database {
        /** @param timeout how long to wait for an unreachable server (a data source has its own) */
        Connection open(Duration timeout);

        /** @return the database for reports, never with credentials */
        default String describe(Connection connection) {
            return JdbcConnections.describe(connection);
        }
    }

    private record UrlDatabase(String url, String user, String password) implements Database {
        @Override
        public Connection open(Duration timeout) {
            return JdbcConnections.open(url, user, password, timeout);
        }

        @Override
        public String toString() {
            return JdbcConnections.withoutCredentials(url);
        }
    }

    private record DataSourceDatabase(DataSource dataSource) implements Database {
        @Override
        public Connection open(Duration timeout) {
            return JdbcConnections.open(dataSource);
        }

        @Override
        public String toString() {
            return "the given DataSource";
        }
    }

    /**
     * A fresh database on an embedded PostgreSQL with the migrations applied, made on first use and kept until
     * {@link #close()}: the migrations are fixed input, so applying them again would read the same schema.
     */
    private static final class EmbeddedDatabase implements Database {

        private static final String DATABASE_NAME = "schemadrift";

        private final MigrationLocation migrations;
        private final ClassLoader loader;
        private final Consumer<String> progress;
        private EmbeddedPostgres server;

        EmbeddedDatabase(MigrationLocation migrations, ClassLoader loader, Consumer<String> progress) {
            this.migrations = migrations;
            this.loader = loader;
            this.progress = progress;
        }

        @Override
        public synchronized Connection open(Duration timeout) {
            if (server == null) {
                progress.accept("Starting the embedded PostgreSQL…");
                EmbeddedPostgres started = EmbeddedPostgres.start();
                try {
                    String created = started.createDatabase(DATABASE_NAME);
                    progress.accept("Applying the migrations in " + migrations + "…");
                    Migrations.Applied applied = Migrations.apply(migrations, loader, created, started.user(), null);
                    progress.accept("Applied " + applied.scripts().size() + " migration script(s)"
                            + (applied.flyway() ? " with Flyway." : " in lexical order."));
                    server = started;
                } catch (RuntimeException | Error e) {
                    try {
                        started.close();
                    } catch (RuntimeException cleanup) {
                        e.addSuppressed(cleanup);
                    }
                    throw e;
                }
            }
            return JdbcConnections.open(server.jdbcUrl(DATABASE_NAME), server.user(), null, timeout);
        }

        @Override
        public String describe(Connection connection) {
            return "an embedded PostgreSQL migrated from " + migrations + " (" + JdbcConnections.describe(connection) + ")";
        }

        synchronized void close() {
            if (server != null) {
                try {
                    server.close();
                } finally {
                    server = null;
                }
            }
        }

        @Override
        public String toString() {
            return "the embedded PostgreSQL migrated from " + migrations;
        }
    }

    /** What to compare: the model's sources and the database. Not thread-safe; {@link #load()} makes an immutable {@link SchemaDrift}. */
    public static final class Configuration {

        private final List<Class<?>> entities = new ArrayList<>();
        private final List<String> packages = new ArrayList<>();
        private final Map<String, Object> properties = new LinkedHashMap<>();
        private ClassLoader classLoader;
        private String persistenceUnit;
        private Metadata metadata;
        private String metadataDescription;
        private Database database;
        private String defaultSchema;
        private Severity failOn = Severity.WARNING;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private FixOptions fixOptions = FixOptions.defaults();
        private MigrationLocation migrations;
        private Consumer<String> progress = step -> { };

        private Configuration() {
        }

        /**
         * Entity classes to map, in addition to any found by other means.
         *
         * @param classes the entity classes
         * @return this configuration
         */
        public Configuration entities(Class<?>... classes) {
            entities.addAll(Arrays.asList(classes));
            return this;
        }

        /**
         * Packages to scan for {@code @Entity}, {@code @Embeddable} and {@code @MappedSuperclass} classes
         * (with their sub-packages).
         *
         * @param names the package names
         * @return this configuration
         */
        public Configuration packages(String... names) {
            packages.addAll(Arrays.asList(names));
            return this;
        }

        /**
         * The class loader that holds the entity classes and persistence.xml; by default the first entity
         * class's, else the thread's context class loader.
         *
         * @param loader the class loader
         * @return this configuration
         */
        public Configuration classLoader(ClassLoader loader) {
            this.classLoader = loader;
            return this;
        }

        /**
         * A persistence unit from {@code META-INF/persistence.xml} on the class loader.
         *
         * @param name the unit's name
         * @return this configuration
         */
        public Configuration persistenceUnit(String name) {
            this.persistenceUnit = name;
            return this;
        }

        /**
         * A Hibernate setting, e.g. {@code hibernate.physical_naming_strategy} or
         * {@code hibernate.default_schema}.
         *
         * @param key the setting's name
         * @param value its value
         * @return this configuration
         */
        public Configuration hibernateProperty(String key, Object value) {
            properties.put(key, value);
            return this;
        }

        /**
         * Hibernate settings.
         *
         * @param settings the settings
         * @return this configuration
         */
        public Configuration hibernateProperties(Map<String, ?> settings) {
            properties.putAll(settings);
            return this;
        }

        /**
         * A model the caller already has, e.g. captured from a running application. Replaces entities,
         * packages and persistence units.
         *
         * @param bootModel Hibernate's boot model
         * @return this configuration
         */
        public Configuration metadata(Metadata bootModel) {
            this.metadata = Objects.requireNonNull(bootModel, "metadata");
            this.metadataDescription = "the given Hibernate Metadata";
            return this;
        }

        /**
         * The model of a running application's EntityManagerFactory (or SessionFactory), as recorded when it
         * was built. Replaces entities, packages and persistence units.
         *
         * @param entityManagerFactory the open factory
         * @return this configuration
         * @throws SchemaDriftInputException when the factory is closed, not Hibernate's, or was built without
         *     schemadrift's integrator seeing it
         */
        public Configuration entityManagerFactory(EntityManagerFactory entityManagerFactory) {
            MetadataCapture.Captured captured = MetadataCapture.of(Objects.requireNonNull(entityManagerFactory, "entityManagerFactory"));
            this.metadata = captured.metadata();
            this.metadataDescription = captured.description();
            return this;
        }

        /**
         * The database, through a data source.
         *
         * @param source the data source
         * @return this configuration
         */
        public Configuration dataSource(DataSource source) {
            this.database = new DataSourceDatabase(Objects.requireNonNull(source, "dataSource"));
            return this;
        }

        /**
         * The database, through a JDBC URL and credentials.
         *
         * @param url e.g. {@code jdbc:postgresql://localhost:5432/app}
         * @param user the user, or {@code null} to take it from the URL
         * @param password the password, or {@code null}
         * @return this configuration
         */
        public Configuration url(String url, String user, String password) {
            this.database = new UrlDatabase(Objects.requireNonNull(url, "url"), user, password);
            return this;
        }

        /**
         * Migrations to apply to an embedded PostgreSQL, for when there is no database to compare with: the
         * first {@link SchemaDrift#detect()} starts the server, creates a fresh database and applies them.
         * Scripts named the Flyway way ({@code V1__x.sql}) run through Flyway; otherwise every {@code *.sql}
         * file runs in lexical order. Cannot be combined with {@link #url} or {@link #dataSource}: migrations
         * are never applied to a database the caller gave.
         *
         * @param location a directory, {@code filesystem:DIR}, or {@code classpath:FOLDER} (read from the
         *     {@linkplain #classLoader(ClassLoader) class loader})
         * @return this configuration
         * @throws SchemaDriftInputException when the location is blank
         */
        public Configuration migrations(String location) {
            this.migrations = MigrationLocation.parse(location);
            return this;
        }

        /**
         * Receives a short line before each long step (starting the embedded PostgreSQL, applying migrations,
         * reading the catalog), e.g. for a progress display. Nothing by default.
         *
         * @param listener called with each step's description
         * @return this configuration
         */
        public Configuration progress(Consumer<String> listener) {
            this.progress = Objects.requireNonNull(listener, "progress");
            return this;
        }

        /**
         * The schema unqualified tables live in; by default the connection's current schema.
         *
         * @param schema the schema name as PostgreSQL stores it
         * @return this configuration
         */
        public Configuration defaultSchema(String schema) {
            this.defaultSchema = schema;
            return this;
        }

        /**
         * The least severity {@link SchemaDrift#verify()} fails on; {@link Severity#WARNING} by default.
         *
         * @param threshold the severity
         * @return this configuration
         */
        public Configuration failOn(Severity threshold) {
            this.failOn = Objects.requireNonNull(threshold, "failOn");
            return this;
        }

        /**
         * How long to wait for an unreachable database before failing; 10 seconds by default.
         *
         * @param timeout the timeout
         * @return this configuration
         */
        public Configuration connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * How fixes are written, e.g. {@link FixOptions#lockAware(Duration)} for large tables; by default
         * plain statements.
         *
         * @param options the options
         * @return this configuration
         */
        public Configuration fixOptions(FixOptions options) {
            this.fixOptions = Objects.requireNonNull(options, "fixOptions");
            return this;
        }

        /**
         * Builds the model (offline: no database access) and checks the configuration is complete.
         *
         * @return the configured check
         * @throws SchemaDriftInputException when no model source or no database is given, the migrations
         *     location does not exist or holds no script, or the model cannot be built (e.g. no entities found)
         */
        public SchemaDrift load() {
            if (database == null && migrations == null) {
                throw new SchemaDriftInputException("No database given. Pass a DataSource or a JDBC URL with"
                        + " credentials to SchemaDrift.configure(), or migrations to apply to an embedded PostgreSQL.");
            }
            if (database != null && migrations != null) {
                throw new SchemaDriftInputException("Both a database (" + database + ") and migrations (" + migrations
                        + ") given. Migrations are only applied to an embedded PostgreSQL, never to a database you"
                        + " name: give one or the other.");
            }
            if (migrations != null) {
                Migrations.scripts(migrations, effectiveClassLoader()); // a wrong location fails now, not after a server start
            }
            if (metadata != null) {
                return new SchemaDrift(this, metadata, metadataDescription);
            }
            if (entities.isEmpty() && packages.isEmpty() && persistenceUnit == null) {
                throw new SchemaDriftInputException("No model given. Name entity classes, packages to scan,"
                        + " a persistence unit, or pass Hibernate Metadata to SchemaDrift.configure().");
            }
            ModelSources sources = new ModelSources(entities, packages, modelClassLoader(), persistenceUnit, properties);
            return new SchemaDrift(this, HibernateMetadata.build(sources), "Hibernate model of " + sources.describe());
        }

        /** The given loader, else the first entity's; null lets the model sources pick the context loader. */
        private ClassLoader modelClassLoader() {
            return classLoader != null || entities.isEmpty() ? classLoader : entities.get(0).getClassLoader();
        }

        /** Where {@code classpath:} migrations are read from. */
        private ClassLoader effectiveClassLoader() {
            ClassLoader loader = modelClassLoader();
            if (loader == null) {
                loader = Thread.currentThread().getContextClassLoader();
            }
            return loader != null ? loader : SchemaDrift.class.getClassLoader();
        }
    }
}
