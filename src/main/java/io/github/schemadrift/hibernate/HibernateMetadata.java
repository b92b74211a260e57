package io.github.schemadrift.hibernate;

import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.PackageInfo;
import io.github.classgraph.ScanResult;
import io.github.schemadrift.SchemaDriftInputException;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.HibernateException;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.MappingSettings;
import org.hibernate.cfg.ValidationSettings;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.jpa.boot.spi.PersistenceUnitDescriptor;
import org.hibernate.jpa.boot.spi.PersistenceXmlParser;

/**
 * Builds Hibernate's boot model ({@link Metadata}) from {@link ModelSources}, offline: Hibernate is told the
 * database is PostgreSQL ({@code jakarta.persistence.database-product-name}) and not to open a JDBC
 * connection at boot ({@code hibernate.boot.allow_jdbc_metadata_access=false}), so no database is needed.
 * The dialect is {@link PostgreSQLDialect} for Hibernate's oldest supported PostgreSQL version, unless the
 * settings name a PostgreSQL dialect subclass or a version ({@code jakarta.persistence.database-major-version}).
 *
 * <p>Bean Validation constraints are not applied here: {@link ExpectedSchemaReader#read(Metadata)} applies
 * them, once, for every source of Metadata (see {@link #applyBeanValidationConstraints(Metadata)}).
 */
public final class HibernateMetadata {

    private static final List<String> MAPPED_ANNOTATIONS = List.of(
            "jakarta.persistence.Entity",
            "jakarta.persistence.Embeddable",
            "jakarta.persistence.MappedSuperclass",
            "jakarta.persistence.Converter");

    private HibernateMetadata() {
    }

    /**
     * Builds the boot model of these sources without touching any database.
     *
     * @param sources the classes, packages, persistence unit and settings
     * @return the Metadata, as Hibernate's boot would produce it
     * @throws SchemaDriftInputException when a persistence unit or class cannot be found, the mapping is
     *     invalid, or no entity is found
     */
    public static Metadata build(ModelSources sources) {
        ClassLoader loader = sources.classLoader();
        Set<String> classNames = new LinkedHashSet<>();
        sources.entityClasses().forEach(c -> classNames.add(c.getName()));
        List<String> annotatedPackages = new ArrayList<>();
        List<String> mappingFiles = new ArrayList<>();
        Map<String, Object> settings = new LinkedHashMap<>();

        if (sources.persistenceUnit() != null) {
            PersistenceUnitDescriptor unit = persistenceUnit(sources);
            unit.getProperties().forEach((key, value) -> settings.put(String.valueOf(key), value));
            if (unit.getValidationMode() != null) {
                settings.put(ValidationSettings.JAKARTA_VALIDATION_MODE, unit.getValidationMode().name());
            }
            if (unit.isUseQuotedIdentifiers()) {
                settings.put(MappingSettings.GLOBALLY_QUOTED_IDENTIFIERS, "true");
            }
            classNames.addAll(unit.getManagedClassNames());
            mappingFiles.addAll(unit.getMappingFileNames());
            if (!unit.isExcludeUnlistedClasses()) {
                // Hibernate in Java SE only scans with hibernate-scan-jandex; JPA says unlisted classes of the
                // unit's root and jar files belong to the unit, so scan them here.
                List<URL> roots = new ArrayList<>(unit.getJarFileUrls());
                if (unit.getPersistenceUnitRootUrl() != null) {
                    roots.add(unit.getPersistenceUnitRootUrl());
                }
                if (!roots.isEmpty()) {
                    scan(new ClassGraph().overrideClasspath(roots), classNames, annotatedPackages);
                }
            }
        }
        if (!sources.packages().isEmpty()) {
            scan(new ClassGraph().overrideClassLoaders(loader).acceptPackages(sources.packages().toArray(String[]::new)),
                    classNames, annotatedPackages);
        }

        settings.putAll(sources.settings());
        if (!settings.containsKey(JdbcSettings.DIALECT)) {
            // Naming the product (not the dialect class, which Hibernate warns is redundant) selects PostgreSQLDialect.
            settings.putIfAbsent(JdbcSettings.JAKARTA_HBM2DDL_DB_NAME, "PostgreSQL");
        }
        // Offline: never ask a connection for metadata, whatever else is configured.
        settings.put(JdbcSettings.ALLOW_METADATA_ON_BOOT, "false");

        StandardServiceRegistry registry = new StandardServiceRegistryBuilder(
                        new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build())
                .applySettings(settings)
                .build();
        try {
            MetadataSources metadataSources = new MetadataSources(registry);
            for (String className : classNames) {
                metadataSources.addAnnotatedClass(load(className, loader, sources));
            }
            annotatedPackages.forEach(metadataSources::addPackage);
            mappingFiles.forEach(metadataSources::addResource);
            Metadata metadata = metadataSources.buildMetadata();
            if (metadata.getEntityBindings().isEmpty()) {
                throw new SchemaDriftInputException("No entity found in " + sources.describe()
                        + " on class loader " + loader + ". Check that the package names are right (subpackages are"
                        + " included), that the compiled classes are on that class loader's class path, and that"
                        + " they are annotated with jakarta.persistence.Entity (Hibernate 7 ignores javax.persistence);"
                        + " or name the entity classes or a persistence unit instead.");
            }
            if (!(metadata.getDatabase().getDialect() instanceof PostgreSQLDialect)) {
                throw new SchemaDriftInputException("The settings of " + sources.describe() + " select "
                        + metadata.getDatabase().getDialect().getClass().getName() + ", but schemadrift compares"
                        + " with PostgreSQL and needs PostgreSQLDialect (or a subclass). Remove the hibernate.dialect"
                        + " setting or name a PostgreSQL dialect.");
            }
            return metadata;
        } catch (HibernateException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw new SchemaDriftInputException("Hibernate could not build the mapping of " + sources.describe()
                    + ": " + e.getMessage() + ". Fix the mapping or the settings; the application would fail to"
                    + " start with the same error.", e);
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    /**
     * Applies the Bean Validation constraints to the DDL columns of {@code metadata} as Hibernate does when it
     * builds a SessionFactory: {@code @NotNull}, {@code @NotEmpty} and {@code @NotBlank} make columns NOT NULL
     * (except on single-table subclasses), {@code @Size(max)} and {@code @Length(max)} set string lengths,
     * {@code @Digits} sets precision and scale, and {@code @Min}/{@code @Max} add check constraints. Hibernate's
     * own code does the work, so the result is exactly Hibernate's. Nothing happens when Bean Validation is
     * not on the class path, when {@code jakarta.persistence.validation.mode} is {@code none} or
     * {@code callback}, or when {@code hibernate.validator.apply_to_ddl} is {@code false}.
     *
     * <p>This changes the columns of {@code metadata} in place, as Hibernate does; doing it again changes
     * nothing more.
     *
     * @param metadata the boot model, typically from {@link #build(ModelSources)} or the caller's own bootstrap
     * @throws SchemaDriftInputException when the validation mode is {@code ddl} but no Bean Validation provider
     *     is available
     */
    public static void applyBeanValidationConstraints(Metadata metadata) {
        BeanValidationConstraints.apply(metadata);
    }

    private static PersistenceUnitDescriptor persistenceUnit(ModelSources sources) {
        ClassLoader loader = sources.classLoader();
        List<URL> files;
        try {
            files = Collections.list(loader.getResources("META-INF/persistence.xml"));
        } catch (IOException e) {
            throw new SchemaDriftInputException("Cannot list META-INF/persistence.xml on class loader " + loader
                    + " to find persistence unit '" + sources.persistenceUnit() + "': " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new SchemaDriftInputException("No META-INF/persistence.xml found on class loader " + loader
                    + ", so persistence unit '" + sources.persistenceUnit() + "' cannot be read. Put the file on"
                    + " the class path, or name the entity classes or packages instead.");
        }
        Map<String, PersistenceUnitDescriptor> units;
        try {
            units = PersistenceXmlParser.create(Map.of(), loader, null).parse(files);
        } catch (RuntimeException e) {
            throw new SchemaDriftInputException("Cannot parse " + files + ": " + e.getMessage()
                    + ". Fix the persistence.xml.", e);
        }
        PersistenceUnitDescriptor unit = units.get(sources.persistenceUnit());
        if (unit == null) {
            throw new SchemaDriftInputException("No persistence unit named '" + sources.persistenceUnit()
                    + "' in " + files + "; the units there are " + units.keySet() + ". Use one of those names.");
        }
        return unit;
    }

    private static void scan(ClassGraph classGraph, Set<String> classNames, List<String> annotatedPackages) {
        try (ScanResult scan = classGraph.enableClassInfo().enableAnnotationInfo().scan()) {
            for (String annotation : MAPPED_ANNOTATIONS) {
                scan.getClassesWithAnnotation(annotation).stream()
                        .filter(c -> !c.isAnnotation())
                        .map(ClassInfo::getName)
                        .sorted()
                        .forEach(classNames::add);
            }
            // package-info holds package-level generators, filters and type registrations.
            for (PackageInfo packageInfo : scan.getPackageInfo()) {
                if (!packageInfo.getAnnotationInfo().isEmpty()) {
                    annotatedPackages.add(packageInfo.getName());
                }
            }
        }
    }

    private static Class<?> load(String className, ClassLoader loader, ModelSources sources) {
        try {
            return Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new SchemaDriftInputException("Class " + className + " of " + sources.describe()
                    + " cannot be loaded by class loader " + loader + ": " + e + ". Put it (and what it uses) on"
                    + " that class loader's class path.", e);
        }
    }
}
