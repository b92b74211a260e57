package io.github.schemadrift.hibernate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the Hibernate model comes from: entity classes, packages to scan, a {@code persistence.xml} unit, and
 * extra Hibernate settings. Any combination may be given; {@link HibernateMetadata#build(ModelSources)} uses
 * them all together. Start from {@link #ofClasses}, {@link #ofPackages} or {@link #ofPersistenceUnit} and add
 * the rest with the {@code with…} methods; every instance is immutable.
 *
 * @param entityClasses annotated classes to map ({@code @Entity}, {@code @Embeddable}, {@code @MappedSuperclass},
 *     {@code @Converter}), in this order
 * @param packages packages (with their subpackages) to scan for such classes on {@code classLoader}
 * @param classLoader the class loader that scanning, {@code persistence.xml} lookup and Hibernate use
 * @param persistenceUnit the name of a unit in a {@code META-INF/persistence.xml} visible to
 *     {@code classLoader}, or {@code null} for none
 * @param settings extra Hibernate settings, e.g. {@code hibernate.physical_naming_strategy},
 *     {@code hibernate.default_schema}; they win over the unit's properties
 */
public record ModelSources(
        List<Class<?>> entityClasses,
        List<String> packages,
        ClassLoader classLoader,
        String persistenceUnit,
        Map<String, Object> settings) {

    /** Copies the lists and the map, and defaults a missing class loader to the thread's context class loader. */
    public ModelSources {
        entityClasses = List.copyOf(entityClasses);
        packages = List.copyOf(packages);
        classLoader = classLoader != null ? classLoader : defaultClassLoader();
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /**
     * The model made of exactly these classes.
     *
     * @param classes the annotated classes
     * @return the sources; the class loader is the first class's
     */
    public static ModelSources ofClasses(Class<?>... classes) {
        ClassLoader loader = classes.length == 0 ? null : classes[0].getClassLoader();
        return new ModelSources(List.of(classes), List.of(), loader, null, Map.of());
    }

    /**
     * The model found by scanning packages on the context class loader.
     *
     * @param packageNames the packages; subpackages are scanned too
     * @return the sources
     */
    public static ModelSources ofPackages(String... packageNames) {
        return new ModelSources(List.of(), List.of(packageNames), null, null, Map.of());
    }

    /**
     * The model of a persistence unit declared in {@code META-INF/persistence.xml}.
     *
     * @param unitName the unit's {@code name}
     * @return the sources; the context class loader finds the file
     */
    public static ModelSources ofPersistenceUnit(String unitName) {
        return new ModelSources(List.of(), List.of(), null, Objects.requireNonNull(unitName, "unitName"), Map.of());
    }

    /**
     * These sources with more classes.
     *
     * @param classes classes to add
     * @return new sources
     */
    public ModelSources withClasses(Class<?>... classes) {
        List<Class<?>> all = new ArrayList<>(entityClasses);
        all.addAll(List.of(classes));
        return new ModelSources(all, packages, classLoader, persistenceUnit, settings);
    }

    /**
     * These sources with more packages to scan.
     *
     * @param packageNames packages to add
     * @return new sources
     */
    public ModelSources withPackages(String... packageNames) {
        List<String> all = new ArrayList<>(packages);
        all.addAll(List.of(packageNames));
        return new ModelSources(entityClasses, all, classLoader, persistenceUnit, settings);
    }

    /**
     * These sources on another class loader.
     *
     * @param loader the class loader to scan and load from
     * @return new sources
     */
    public ModelSources withClassLoader(ClassLoader loader) {
        return new ModelSources(entityClasses, packages, loader, persistenceUnit, settings);
    }

    /**
     * These sources with a persistence unit.
     *
     * @param unitName the unit's name in {@code META-INF/persistence.xml}
     * @return new sources
     */
    public ModelSources withPersistenceUnit(String unitName) {
        return new ModelSources(entityClasses, packages, classLoader, unitName, settings);
    }

    /**
     * These sources with one more Hibernate setting; a later value for the same name wins.
     *
     * @param name the setting, e.g. {@code hibernate.default_schema}
     * @param value its value: a string, or an object Hibernate accepts for it (e.g. a naming strategy instance)
     * @return new sources
     */
    public ModelSources withSetting(String name, Object value) {
        Map<String, Object> all = new LinkedHashMap<>(settings);
        all.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new ModelSources(entityClasses, packages, classLoader, persistenceUnit, all);
    }

    /**
     * These sources with more Hibernate settings; later values for the same names win.
     *
     * @param more the settings
     * @return new sources
     */
    public ModelSources withSettings(Map<String, ?> more) {
        Map<String, Object> all = new LinkedHashMap<>(settings);
        all.putAll(more);
        return new ModelSources(entityClasses, packages, classLoader, persistenceUnit, all);
    }

    /**
     * What these sources are, for messages and reports, e.g. {@code classes [com.example.User], packages [com.example]}.
     *
     * @return a short description
     */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!entityClasses.isEmpty() && entityClasses.size() <= 3) {
            parts.add("classes " + entityClasses.stream().map(Class::getName).toList());
        } else if (!entityClasses.isEmpty()) {
            // a long list drowns the report's header: name the packages instead
            parts.add(entityClasses.size() + " classes in "
                    + entityClasses.stream().map(Class::getPackageName).distinct().sorted().toList());
        }
        if (!packages.isEmpty()) {
            parts.add("packages " + packages);
        }
        if (persistenceUnit != null) {
            parts.add("persistence unit '" + persistenceUnit + "'");
        }
        return parts.isEmpty() ? "no classes, packages or persistence unit" : String.join(", ", parts);
    }

    private static ClassLoader defaultClassLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ModelSources.class.getClassLoader();
    }
}
