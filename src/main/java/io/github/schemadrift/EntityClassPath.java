package io.github.schemadrift;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * A class loader over the directories and jars that hold a user's entity classes, described the way the
 * user named them, so that messages such as "no entity found on …" say where schemadrift looked. It asks
 * its parent first: Hibernate and Jakarta Persistence stay loaded once, from schemadrift's own class path.
 */
public final class EntityClassPath extends URLClassLoader {

    private final String description;

    /**
     * A class loader over {@code urls}.
     *
     * @param description how messages name it, e.g. {@code --classpath build/classes}
     * @param urls the directories and jars
     * @param parent the class loader asked first
     */
    public EntityClassPath(String description, URL[] urls, ClassLoader parent) {
        super("schemadrift-entities", urls, parent);
        this.description = description;
    }

    /**
     * Loads named entity classes, without initialising them.
     *
     * @param names fully qualified class names; surrounding blanks are ignored
     * @param loader the class loader to load them from
     * @param where how messages name that class loader
     * @param remedy what the user should check when a class cannot be loaded
     * @return the classes, in the order named
     * @throws SchemaDriftInputException naming the first class that cannot be loaded
     */
    public static java.util.List<Class<?>> loadClasses(
            java.util.List<String> names, ClassLoader loader, String where, String remedy) {
        java.util.List<Class<?>> classes = new java.util.ArrayList<>();
        for (String name : names) {
            try {
                classes.add(Class.forName(name.strip(), false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                throw new SchemaDriftInputException(
                        "The entity class " + name + " cannot be loaded from " + where + ": " + e + ". " + remedy, e);
            }
        }
        return classes;
    }

    /** The description given at construction. */
    @Override
    public String toString() {
        return description;
    }
}
