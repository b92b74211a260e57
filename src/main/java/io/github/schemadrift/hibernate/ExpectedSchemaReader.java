package io.github.schemadrift.hibernate;

import io.github.schemadrift.model.Column;
import io.github.schemadrift.model.ForeignKey;
import io.github.schemadrift.model.ReferentialAction;
import io.github.schemadrift.model.SchemaSnapshot;
import io.github.schemadrift.model.Source;
import io.github.schemadrift.model.Table;
import io.github.schemadrift.model.TableName;
import io.github.schemadrift.model.UniqueKey;
import io.github.schemadrift.model.ValueGeneration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hibernate.HibernateException;
import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.SqlStringGenerationContext;
import org.hibernate.boot.model.relational.internal.SqlStringGenerationContextImpl;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.IdentifierCollection;
import org.hibernate.mapping.IndexedCollection;
import org.hibernate.mapping.Join;
import org.hibernate.mapping.JoinedSubclass;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.RootClass;
import org.hibernate.mapping.Selectable;
import org.hibernate.mapping.UnionSubclass;
import org.hibernate.mapping.Value;

/**
 * Reads the expected schema from Hibernate's boot model: every physical table Hibernate would create, with
 * its columns as Hibernate's DDL declares them, its primary key, foreign keys (with their {@code ON DELETE}
 * action) and unique constraints, and for each column the {@link Source} (entity and attribute) that maps it.
 *
 * <p>Names are given as PostgreSQL stores them: unquoted identifiers folded to lower case, quoted ones in
 * their own case. A table's schema is the one the mapping names, else {@code hibernate.default_schema}, else
 * {@code null}.
 */
public final class ExpectedSchemaReader {

    /** The attribute named for a discriminator column. */
    public static final String DISCRIMINATOR = "<discriminator>";

    private ExpectedSchemaReader() {
    }

    /**
     * Reads the expected schema of a Metadata, e.g. one from {@link HibernateMetadata#build(ModelSources)} or
     * the application's own bootstrap.
     *
     * <p>Bean Validation constraints are applied first, as by
     * {@link HibernateMetadata#applyBeanValidationConstraints(Metadata)}: this changes the Metadata's columns
     * the way building a SessionFactory from it would.
     *
     * @param metadata the boot model
     * @return the tables Hibernate's DDL would create
     */
    public static SchemaSnapshot read(Metadata metadata) {
        BeanValidationConstraints.apply(metadata);
        Provenance provenance = Provenance.of(metadata);
        SqlStringGenerationContext context = SqlStringGenerationContextImpl.fromConfigurationMap(
                metadata.getDatabase().getJdbcEnvironment(),
                metadata.getDatabase(),
                metadata.getDatabase().getServiceRegistry().requireService(ConfigurationService.class).getSettings());
        List<Table> tables = new ArrayList<>();
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            String schema = fold(context.schemaWithDefault(namespace.getPhysicalName().schema()));
            for (org.hibernate.mapping.Table table : namespace.getTables()) {
                // Abstract TABLE_PER_CLASS roots, @Subselect entities and views are not tables Hibernate creates.
                if (!table.isPhysicalTable() || table.isView()) {
                    continue;
                }
                tables.add(table(metadata, context, schema, table, provenance));
            }
        }
        return SchemaSnapshot.of(tables);
    }

    private static Table table(Metadata metadata, SqlStringGenerationContext context, String schema,
            org.hibernate.mapping.Table table, Provenance provenance) {
        List<String> primaryKey = table.hasPrimaryKey()
                ? table.getPrimaryKey().getColumns().stream().map(ExpectedSchemaReader::name).toList()
                : List.of();
        List<Column> columns = new ArrayList<>();
        for (org.hibernate.mapping.Column column : table.getColumns()) {
            String name = name(column);
            ColumnDefinition definition = ColumnDefinition.of(column.getSqlType(metadata), column.getSqlType() != null);
            boolean nullable = column.isNullable() && !definition.notNull() && !primaryKey.contains(name);
            String defaultValue = column.getDefaultValue() != null ? column.getDefaultValue() : definition.defaultValue();
            ValueGeneration generation = column.isIdentity() ? ValueGeneration.IDENTITY
                    : column.getGeneratedAs() != null ? ValueGeneration.COMPUTED
                    : definition.generation();
            columns.add(new Column(name, definition.type(), nullable, defaultValue, generation,
                    provenance.column(table, name)));
        }
        List<ForeignKey> foreignKeys = new ArrayList<>();
        for (org.hibernate.mapping.ForeignKey foreignKey : table.getForeignKeyCollection()) {
            // Hibernate's exporter skips these too: disabled by @ForeignKey(NO_CONSTRAINT), or to a non-physical table.
            if (!foreignKey.isCreationEnabled() || !foreignKey.isPhysicalConstraint()) {
                continue;
            }
            org.hibernate.mapping.Table referenced = foreignKey.getReferencedTable();
            List<org.hibernate.mapping.Column> referencedColumns = foreignKey.isReferenceToPrimaryKey()
                    ? referenced.getPrimaryKey().getColumns()
                    : foreignKey.getReferencedColumns();
            foreignKeys.add(new ForeignKey(
                    constraintName(foreignKey.getName()),
                    foreignKey.getColumns().stream().map(ExpectedSchemaReader::name).toList(),
                    TableName.of(fold(context.schemaWithDefault(referenced.getSchemaIdentifier())),
                            fold(referenced.getNameIdentifier())),
                    referencedColumns.stream().map(ExpectedSchemaReader::name).toList(),
                    onDelete(foreignKey.getOnDeleteAction())));
        }
        foreignKeys.sort(Comparator.comparing(fk -> String.valueOf(fk.name())));
        return new Table(TableName.of(schema, fold(table.getNameIdentifier())), columns, primaryKey, foreignKeys,
                uniqueKeys(table, primaryKey), provenance.table(table));
    }

    /** Hibernate holds null when the mapping has no {@code @OnDelete}. */
    private static ReferentialAction onDelete(OnDeleteAction action) {
        if (action == null) {
            return ReferentialAction.NO_ACTION;
        }
        return switch (action) {
            case NO_ACTION -> ReferentialAction.NO_ACTION;
            case CASCADE -> ReferentialAction.CASCADE;
            case SET_NULL -> ReferentialAction.SET_NULL;
            case SET_DEFAULT -> ReferentialAction.SET_DEFAULT;
            case RESTRICT -> ReferentialAction.RESTRICT;
        };
    }

    /**
     * The unique constraints Hibernate's DDL would give the table, sorted by name: its unique keys
     * ({@code @UniqueConstraint}, {@code @NaturalId}), then one per {@code unique = true} column that no key
     * already covers. Hibernate's exporter turns those columns into unique keys only while writing DDL (not in
     * the boot model); it skips a primary key column, and writes one constraint per set of columns.
     * Names are Hibernate's, explicit or generated ({@code UK…}), as its schema migration names them.
     */
    private static List<UniqueKey> uniqueKeys(org.hibernate.mapping.Table table, List<String> primaryKey) {
        List<UniqueKey> uniqueKeys = new ArrayList<>();
        Set<Set<String>> covered = new HashSet<>();
        for (org.hibernate.mapping.UniqueKey key : table.getUniqueKeys().values()) {
            List<String> columns = key.getColumns().stream().map(ExpectedSchemaReader::name).toList();
            if (!columns.isEmpty() && covered.add(Set.copyOf(columns))) {
                uniqueKeys.add(new UniqueKey(constraintName(key.getName()), columns));
            }
        }
        for (org.hibernate.mapping.Column column : table.getColumns()) {
            String name = name(column);
            if (column.isUnique() && !primaryKey.contains(name) && covered.add(Set.of(name))) {
                uniqueKeys.add(new UniqueKey(constraintName(column.getUniqueKeyName()), List.of(name)));
            }
        }
        uniqueKeys.sort(Comparator.comparing(key -> String.valueOf(key.name())));
        return uniqueKeys;
    }

    private static String name(org.hibernate.mapping.Column column) {
        return column.isQuoted() ? column.getName() : column.getName().toLowerCase(Locale.ROOT);
    }

    private static String fold(Identifier identifier) {
        if (identifier == null) {
            return null;
        }
        return identifier.isQuoted() ? identifier.getText() : identifier.getText().toLowerCase(Locale.ROOT);
    }

    private static String constraintName(String name) {
        if (name == null) {
            return null;
        }
        boolean quoted = name.length() > 1
                && (name.startsWith("`") && name.endsWith("`") || name.startsWith("\"") && name.endsWith("\""));
        return quoted ? name.substring(1, name.length() - 1) : name.toLowerCase(Locale.ROOT);
    }

    /** Which entity attribute or collection maps each table and column. */
    private static final class Provenance {

        private final Map<org.hibernate.mapping.Table, String> tables = new IdentityHashMap<>();
        private final Map<org.hibernate.mapping.Table, Map<String, Source>> columns = new IdentityHashMap<>();

        static Provenance of(Metadata metadata) {
            Provenance provenance = new Provenance();
            // Roots first, so a single-table hierarchy's table is attributed to its root entity.
            List<PersistentClass> entities = new ArrayList<>(metadata.getEntityBindings());
            entities.sort(Comparator.comparingInt(Provenance::depth));
            entities.forEach(provenance::entity);
            metadata.getCollectionBindings().forEach(provenance::collection);
            return provenance;
        }

        String table(org.hibernate.mapping.Table table) {
            return tables.get(table);
        }

        Source column(org.hibernate.mapping.Table table, String name) {
            return columns.getOrDefault(table, Map.of()).get(name);
        }

        private static int depth(PersistentClass entity) {
            int depth = 0;
            for (PersistentClass up = entity.getSuperclass(); up != null; up = up.getSuperclass()) {
                depth++;
            }
            return depth;
        }

        private void entity(PersistentClass entity) {
            String entityName = entity.getClassName() != null ? entity.getClassName() : entity.getEntityName();
            Class<?> entityClass = mappedClass(entity);
            tables.putIfAbsent(entity.getTable(), entityName);

            Property id = entity.getIdentifierProperty();
            String idName = id != null ? id.getName() : "<id>";
            String idType = id != null ? javaType(id, entityClass) : null;
            // A TABLE_PER_CLASS subclass's table repeats the id and every inherited column; Hibernate binds
            // those to the root's table, so attribute them to this entity by column name in its own table.
            org.hibernate.mapping.Table copy = entity instanceof UnionSubclass ? entity.getTable() : null;
            if (entity instanceof RootClass || copy != null) {
                if (id != null) {
                    property(entityName, entityClass, id.getName(), id, copy);
                } else if (entity.getIdentifier() instanceof Component idClass) {
                    // @IdClass: the id attributes live on the entity itself.
                    Class<?> idOwner = componentClass(idClass);
                    for (Property part : idClass.getProperties()) {
                        property(entityName, idOwner, part.getName(), part, copy);
                    }
                } else {
                    value(entityName, idName, null, entity.getIdentifier(), copy);
                }
                if (entity.getVersion() != null) {
                    property(entityName, entityClass, entity.getVersion().getName(), entity.getVersion(), copy);
                }
                if (entity.getDiscriminator() != null) {
                    value(entityName, DISCRIMINATOR, null, entity.getDiscriminator(), copy);
                }
            }
            if (entity instanceof JoinedSubclass) {
                // The key columns that reference the parent's table carry the id.
                value(entityName, idName, idType, entity.getKey(), entity.getTable());
            }
            for (Join join : entity.getJoins()) {
                tables.putIfAbsent(join.getTable(), entityName);
                value(entityName, idName, idType, join.getKey(), join.getTable());
            }
            for (Property property : entity.getProperties()) {
                property(entityName, entityClass, property.getName(), property, null);
            }
            if (copy != null) {
                for (PersistentClass up = entity.getSuperclass(); up != null; up = up.getSuperclass()) {
                    for (Property property : up.getProperties()) {
                        property(entityName, entityClass, property.getName(), property, copy);
                    }
                }
            }
        }

        private void collection(org.hibernate.mapping.Collection collection) {
            PersistentClass owner = collection.getOwner();
            String ownerName = owner.getClassName() != null ? owner.getClassName() : owner.getEntityName();
            String path = collection.getRole().startsWith(owner.getEntityName() + ".")
                    ? collection.getRole().substring(owner.getEntityName().length() + 1)
                    : collection.getRole();
            org.hibernate.mapping.Table table = collection.getCollectionTable();
            if (!collection.isOneToMany()) {
                tables.putIfAbsent(table, ownerName + "#" + path);
            }
            // For a @OneToMany with a join column, the key columns live in the target entity's table.
            value(ownerName, path, null, collection.getKey(), table);
            if (collection instanceof IndexedCollection indexed && indexed.getIndex() != null) {
                value(ownerName, path, null, indexed.getIndex(), table);
            }
            if (collection instanceof IdentifierCollection withId) {
                value(ownerName, path, null, withId.getIdentifier(), table);
            }
            Value element = collection.getElement();
            if (element instanceof Component embeddable) {
                Class<?> embeddableClass = componentClass(embeddable);
                for (Property part : embeddable.getProperties()) {
                    property(ownerName, embeddableClass, path + "." + part.getName(), part, table);
                }
            } else if (!collection.isOneToMany()) {
                value(ownerName, path, element.getType().getReturnedClassName(), element, table);
            }
        }

        /**
         * Records the columns of an attribute; embedded attributes by their parts, as {@code address.city}.
         * The table is where the columns are, or {@code null} for the table Hibernate bound the value to.
         */
        private void property(String entityName, Class<?> owner, String path, Property property,
                org.hibernate.mapping.Table table) {
            Value value = property.getValue();
            if (value instanceof org.hibernate.mapping.Collection) {
                return; // read from the collection binding, with its own table
            }
            if (value instanceof Component component) {
                Class<?> componentClass = componentClass(component);
                for (Property part : component.getProperties()) {
                    property(entityName, componentClass, path + "." + part.getName(), part, table);
                }
                return;
            }
            value(entityName, path, javaType(property, owner), value, table);
        }

        private void value(String entityName, String path, String javaType, Value value,
                org.hibernate.mapping.Table table) {
            if (value == null) {
                return;
            }
            if (value instanceof Component component) {
                for (Property part : component.getProperties()) {
                    property(entityName, componentClass(component), path + "." + part.getName(), part, table);
                }
                return;
            }
            org.hibernate.mapping.Table home = table != null ? table : value.getTable();
            for (Selectable selectable : value.getSelectables()) {
                if (selectable instanceof org.hibernate.mapping.Column column) {
                    columns.computeIfAbsent(home, t -> new HashMap<>())
                            .putIfAbsent(name(column), new Source(entityName, path, javaType));
                }
            }
        }

        /** The declared Java type, so primitives stay primitive ({@code int}, not {@code java.lang.Integer}). */
        private static String javaType(Property property, Class<?> owner) {
            if (owner != null && !java.util.Map.class.isAssignableFrom(owner)) {
                try {
                    return property.getGetter(owner).getReturnTypeClass().getTypeName();
                } catch (HibernateException e) {
                    // no getter Hibernate can resolve (e.g. a virtual property): fall back to the mapped type
                }
            }
            return property.getValue().getType().getReturnedClassName();
        }

        private static Class<?> mappedClass(PersistentClass entity) {
            try {
                return entity.getClassName() != null ? entity.getMappedClass() : null;
            } catch (HibernateException e) {
                return null;
            }
        }

        private static Class<?> componentClass(Component component) {
            try {
                return component.isDynamic() || component.getComponentClassName() == null
                        ? null
                        : component.getComponentClass();
            } catch (HibernateException e) {
                return null;
            }
        }
    }
}
