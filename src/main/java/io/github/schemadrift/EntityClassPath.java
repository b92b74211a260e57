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

    /** The description given at construction. */
    @Override
    public String toString() {
        return description;
    }
}
