package io.github.schemadrift.model;

import java.util.Objects;
import java.util.Set;

/**
 * Where an expected column comes from in the Java model: the entity (or embeddable owner) class and the
 * attribute path, shown as {@code com.example.User#address.city}.
 *
 * @param entity the fully qualified name of the entity class
 * @param attribute the attribute path within the entity; may name a collection role, a discriminator or a
 *     key, e.g. {@code roles}, {@code <discriminator>}, {@code <id>}
 * @param javaType the attribute's Java type name ({@code int}, {@code java.lang.String}), or {@code null}
 *     when there is no single Java attribute behind the column
 */
public record Source(String entity, String attribute, String javaType) {

    private static final Set<String> PRIMITIVES =
            Set.of("boolean", "byte", "short", "int", "long", "float", "double", "char");

    /** Checks the entity and attribute are present. */
    public Source {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(attribute, "attribute");
    }

    /**
     * Whether the Java attribute is a primitive: loading a SQL null into it fails.
     *
     * @return true for {@code int}, {@code boolean} and the other primitives
     */
    public boolean primitive() {
        return javaType != null && PRIMITIVES.contains(javaType);
    }

    /** {@code Entity#attribute}. */
    @Override
    public String toString() {
        return entity + "#" + attribute;
    }
}
