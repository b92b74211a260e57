package io.github.schemadrift.junit;

import io.github.schemadrift.SchemaDrift;
import io.github.schemadrift.SchemaDriftInputException;
import io.github.schemadrift.database.EmbeddedPostgres;
import io.github.schemadrift.database.MigrationLocation;
import io.github.schemadrift.database.Migrations;
import io.github.schemadrift.model.DriftReport;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.SearchOption;

/**
 * The JUnit 5 extension behind {@link SchemaDriftTest}: gives each test class a database with the project's
 * migrations applied (or the test's own data source) and resolves test method parameters of these types:
 *
 * <ul>
 *   <li>{@link DriftReport} — the drift found just before the test method runs (after its {@code @BeforeEach}
 *       methods);</li>
 *   <li>{@link DataSource} — the class's database, to insert rows or apply a fix and check again;</li>
 *   <li>{@link SchemaDrift} — the loaded check on that database; each {@link SchemaDrift#detect()} reads it anew.</li>
 * </ul>
 *
 * <p>Declared with the annotation, or registered with what is known only at run time:
 *
 * <pre>{@code
 * @RegisterExtension
 * static SchemaDriftExtension drift = SchemaDriftExtension.builder()
 *         .packages("com.example.domain")
 *         .dataSource(() -> testDataSource)                  // instead of the embedded PostgreSQL
 *         .build();
 * }</pre>
 *
 * <p>The database is made once per test class, before its first test (register the extension in a
 * {@code static} field for that; on an instance field it is made before the first test method), and kept in
 * the class's {@link ExtensionContext.Store}, which stops the embedded server and deletes its data after the
 * class. Tests of a class share it: what one test writes, the next one sees. {@code @Nested} classes share their
 * enclosing class's database. A data source the test supplies is only read; schemadrift never applies migrations
 * to it, and never closes it.
 *
 * <p>Whatever keeps the check from running — migrations that fail, no entity found, an unreachable data
 * source — fails the tests with schemadrift's {@link SchemaDriftInputException}, whose one-paragraph message
 * names the input and what to do.
 */
public final class SchemaDriftExtension implements BeforeAllCallback, BeforeEachCallback, BeforeTestExecutionCallback,
        ParameterResolver {

    /** Flyway's default location, and the annotation's. */
    static final String DEFAULT_MIGRATIONS = "classpath:db/migration";

    private static final Namespace NAMESPACE = Namespace.create(SchemaDriftExtension.class);
    private static final String DATABASE_NAME = "schemadrift";
    private static final String REPORT = "report";

    /** Null when declared by {@link SchemaDriftTest}, whose attributes are read from the test class. */
    private final Settings settings;

    /**
     * The extension {@link SchemaDriftTest} registers; it reads its settings from that annotation. To register
     * one in a field, use {@link #builder()}.
     */
    public SchemaDriftExtension() {
        this(null);
    }

    private SchemaDriftExtension(Settings settings) {
        this.settings = settings;
    }

    /**
     * Starts the settings of an extension to register with {@code @RegisterExtension}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Makes the class's database, so a broken input fails the class before any test.
     *
     * @param context the class's context
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        classDatabase(context);
    }

    /**
     * Makes the class's database if {@link #beforeAll} did not (an extension registered on an instance field).
     *
     * @param context the test's context
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        classDatabase(context);
    }

    /**
     * Reads the drift for a test method that takes a {@link DriftReport}: here, after the {@code @BeforeEach}
     * methods, and outside parameter resolution, whose failures JUnit would reword.
     *
     * @param context the test's context
     */
    @Override
    public void beforeTestExecution(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        if (Arrays.asList(method.getParameterTypes()).contains(DriftReport.class)) {
            context.getStore(NAMESPACE).put(REPORT, classDatabase(context).check().detect());
        }
    }

    /**
     * Whether the parameter is one this extension provides.
     *
     * @param parameterContext the parameter
     * @param extensionContext the context
     * @return true for {@link DriftReport}, {@link DataSource} and {@link SchemaDrift}
     */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == DriftReport.class || type == DataSource.class || type == SchemaDrift.class;
    }

    /**
     * The parameter's value.
     *
     * @param parameterContext the parameter
     * @param extensionContext the context
     * @return the report, the class's data source or its check
     */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        ClassDatabase database = classDatabase(extensionContext);
        if (type == DataSource.class) {
            return database.dataSource();
        }
        if (type == SchemaDrift.class) {
            return database.check();
        }
        boolean testMethod = extensionContext.getTestMethod().filter(parameterContext.getDeclaringExecutable()::equals).isPresent();
        DriftReport detected = extensionContext.getStore(NAMESPACE).get(REPORT, DriftReport.class);
        // A lifecycle method (@BeforeEach, @AfterEach…) gets the database as it is when that method runs.
        return testMethod && detected != null ? detected : database.check().detect();
    }

    /** The database of the test class the context belongs to, made on first use and closed with that class. */
    private ClassDatabase classDatabase(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        Class<?> testClass = classContext.getRequiredTestClass();
        Settings effective = settings != null ? settings : Settings.of(testClass);
        // Keyed by the settings: a @Nested class with the same settings shares its enclosing class's database.
        return classContext.getStore(NAMESPACE)
                .getOrComputeIfAbsent(effective, key -> ClassDatabase.start(key, testClass), ClassDatabase.class);
    }

    /** What to check: the model's sources and where the database comes from. */
    private record Settings(List<String> packages, List<Class<?>> entities, String migrations, String migrationsTarget,
            Map<String, Object> properties, String schema, Supplier<DataSource> dataSource) {

        Settings {
            packages = List.copyOf(packages);
            entities = List.copyOf(entities);
            properties = Map.copyOf(properties);
        }

        /** The settings of the {@link SchemaDriftTest} on the class or a class enclosing it. */
        static Settings of(Class<?> testClass) {
            SchemaDriftTest annotation = AnnotationSupport
                    .findAnnotation(testClass, SchemaDriftTest.class, SearchOption.INCLUDE_ENCLOSING_CLASSES)
                    .orElseThrow(() -> new SchemaDriftInputException("SchemaDriftExtension is registered on "
                            + testClass.getName() + " without settings. Annotate the class with"
                            + " @SchemaDriftTest(packages = …) instead of @ExtendWith, or register"
                            + " SchemaDriftExtension.builder()…build() in a static @RegisterExtension field."));
            Map<String, Object> properties = new LinkedHashMap<>();
            for (String property : annotation.properties()) {
                int equals = property.indexOf('=');
                if (equals <= 0) {
                    throw new SchemaDriftInputException("The Hibernate setting \"" + property + "\" in @SchemaDriftTest"
                            + " on " + testClass.getName() + " is not key=value. Write it as, e.g.,"
                            + " \"hibernate.default_schema=app\".");
                }
                properties.put(property.substring(0, equals).strip(), property.substring(equals + 1).strip());
            }
            return new Settings(List.of(annotation.packages()), List.of(annotation.entities()), annotation.migrations(),
                    blankToNull(annotation.migrationsTarget()), properties, blankToNull(annotation.schema()), null);
        }
    }

    /**
     * A test class's check and the database it reads; closing it stops the embedded server, if one was started.
     * The extension store closes it after the class ({@link AutoCloseable} values are closed since JUnit 5.13).
     */
    private record ClassDatabase(EmbeddedPostgres server, DataSource dataSource, SchemaDrift check) implements AutoCloseable {

        static ClassDatabase start(Settings settings, Class<?> testClass) {
            ClassLoader loader = testClass.getClassLoader();
            SchemaDrift.Configuration configuration = SchemaDrift.configure()
                    .classLoader(loader)
                    .packages(settings.packages().toArray(String[]::new))
                    .entities(settings.entities().toArray(Class<?>[]::new))
                    .hibernateProperties(settings.properties())
                    .defaultSchema(settings.schema());
            if (settings.dataSource() != null) {
                if (settings.migrations() != null) {
                    throw new SchemaDriftInputException("Both a data source and migrations (" + settings.migrations()
                            + ") given to the SchemaDriftExtension of " + testClass.getName() + ". Migrations are only"
                            + " applied to the embedded PostgreSQL, never to a database you supply: give one or the other.");
                }
                DataSource supplied = settings.dataSource().get();
                if (supplied == null) {
                    throw new SchemaDriftInputException("The data source supplier given to the SchemaDriftExtension of "
                            + testClass.getName() + " returned null. Make sure it returns the test's DataSource"
                            + " by the time the class's tests start.");
                }
                return new ClassDatabase(null, supplied, configuration.dataSource(supplied).load());
            }
            MigrationLocation location = MigrationLocation.parse(
                    settings.migrations() != null ? settings.migrations() : DEFAULT_MIGRATIONS);
            Migrations.scripts(location, loader); // a wrong location fails now, before a server starts
            EmbeddedPostgres server = EmbeddedPostgres.start();
            try {
                String url = server.createDatabase(DATABASE_NAME);
                Migrations.apply(location, loader, url, server.user(), null, settings.migrationsTarget());
                DataSource dataSource = server.dataSource(DATABASE_NAME);
                return new ClassDatabase(server, dataSource, configuration.dataSource(dataSource).load());
            } catch (RuntimeException | Error e) {
                try {
                    server.close();
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
        }

        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }

    /** The settings of an extension registered in a field. Not thread-safe; {@link #build()} makes an immutable extension. */
    public static final class Builder {

        private final List<String> packages = new ArrayList<>();
        private final List<Class<?>> entities = new ArrayList<>();
        private final Map<String, Object> properties = new LinkedHashMap<>();
        private String migrations;
        private String migrationsTarget;
        private String schema;
        private Supplier<DataSource> dataSource;

        private Builder() {
        }

        /**
         * Packages to scan for entity classes (with their sub-packages).
         *
         * @param names the package names
         * @return this builder
         */
        public Builder packages(String... names) {
            packages.addAll(Arrays.asList(names));
            return this;
        }

        /**
         * Entity classes to map, in addition to those found in the packages.
         *
         * @param classes the entity classes
         * @return this builder
         */
        public Builder entities(Class<?>... classes) {
            entities.addAll(Arrays.asList(classes));
            return this;
        }

        /**
         * The migrations to apply to the embedded PostgreSQL; {@code classpath:db/migration} unless given.
         *
         * @param location {@code classpath:FOLDER}, {@code filesystem:DIR} or a directory
         * @return this builder
         */
        public Builder migrations(String location) {
            this.migrations = Objects.requireNonNull(location, "migrations");
            return this;
        }

        /**
         * The last Flyway version to apply, as Flyway's {@code target}: {@code "1"} checks the schema as it was
         * after {@code V1__…}. Only for Flyway-named scripts.
         *
         * @param version the version
         * @return this builder
         */
        public Builder migrationsTarget(String version) {
            this.migrationsTarget = blankToNull(version);
            return this;
        }

        /**
         * A Hibernate setting, e.g. {@code hibernate.physical_naming_strategy}.
         *
         * @param key the setting's name
         * @param value its value
         * @return this builder
         */
        public Builder hibernateProperty(String key, Object value) {
            properties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * The schema unqualified tables live in; by default the connection's current schema.
         *
         * @param name the schema name as PostgreSQL stores it
         * @return this builder
         */
        public Builder defaultSchema(String name) {
            this.schema = blankToNull(name);
            return this;
        }

        /**
         * The database to check instead of the embedded PostgreSQL, e.g. one the test or its framework set up.
         * Called once per test class, before its first test; no migrations are applied to it.
         *
         * @param supplier supplies the test's data source
         * @return this builder
         */
        public Builder dataSource(Supplier<DataSource> supplier) {
            this.dataSource = Objects.requireNonNull(supplier, "dataSource");
            return this;
        }

        /**
         * The extension, to assign to a {@code static} field annotated with {@code @RegisterExtension}.
         *
         * @return the extension
         */
        public SchemaDriftExtension build() {
            return new SchemaDriftExtension(new Settings(packages, entities, migrations, migrationsTarget, properties,
                    schema, dataSource));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
