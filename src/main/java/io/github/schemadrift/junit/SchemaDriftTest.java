package io.github.schemadrift.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Checks a test class's entities against its migrations: before the class's tests run, an embedded PostgreSQL
 * is started, the migrations are applied to a fresh database on it, and test methods may take a
 * {@link io.github.schemadrift.model.DriftReport}, the database's {@link javax.sql.DataSource} or the loaded
 * {@link io.github.schemadrift.SchemaDrift} as parameters. One database serves the whole class; it is stopped
 * and deleted after the class.
 *
 * <pre>{@code
 * @SchemaDriftTest(packages = "com.example.domain")          // migrations: classpath:db/migration
 * class SchemaMatchesEntitiesTest {
 *
 *     @Test
 *     void noDrift(DriftReport report) {
 *         assertThat(report).hasNoDrift();
 *     }
 * }
 * }</pre>
 *
 * For what is known only at run time (a data source of your own, computed paths), register
 * {@link SchemaDriftExtension#builder()} with {@code @RegisterExtension} instead; use one or the other on a
 * class, not both. When the migrations fail or no entity is found, every test of the class fails with
 * schemadrift's one-paragraph {@link io.github.schemadrift.SchemaDriftInputException}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SchemaDriftExtension.class)
public @interface SchemaDriftTest {

    /**
     * Packages to scan for entity classes (with their sub-packages).
     *
     * @return the package names
     */
    String[] packages() default {};

    /**
     * Entity classes to map, in addition to those found in {@link #packages()}.
     *
     * @return the entity classes
     */
    Class<?>[] entities() default {};

    /**
     * The migrations to apply: {@code classpath:FOLDER}, {@code filesystem:DIR} or a directory. Scripts named the
     * Flyway way ({@code V1__create_users.sql}) run through Flyway; otherwise every {@code *.sql} file runs in
     * lexical order of its path.
     *
     * @return the location; {@code classpath:db/migration}, Flyway's default, unless given
     */
    String migrations() default SchemaDriftExtension.DEFAULT_MIGRATIONS;

    /**
     * The last Flyway version to apply, as Flyway's {@code target}: {@code "1"} checks the schema as it was after
     * {@code V1__…}, before the migrations that followed. Only for Flyway-named scripts.
     *
     * @return the version; empty for all migrations
     */
    String migrationsTarget() default "";

    /**
     * Hibernate settings as {@code key=value}, e.g.
     * {@code "hibernate.physical_naming_strategy=org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy"}.
     *
     * @return the settings
     */
    String[] properties() default {};

    /**
     * The schema unqualified tables live in.
     *
     * @return the schema name as PostgreSQL stores it; empty for the connection's current schema ({@code public})
     */
    String schema() default "";
}
