package io.github.schemadrift.benchmark;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.loading.ByteArrayClassLoader;

/**
 * A model of N tables × 15 columns, generated twice: as entity classes (with Byte Buddy, which Hibernate
 * already brings) and as the matching DDL, so the benchmark compares equal schemas at any size.
 */
final class GeneratedModel {

    /** Column name, Java type, SQL type, nullable; one row per column after the id. */
    private record ColumnShape(String name, Class<?> javaType, String sqlType, boolean nullable, int length, int precision, int scale) {
    }

    private static final List<ColumnShape> COLUMNS = List.of(
            new ColumnShape("code", String.class, "varchar(100)", false, 100, 0, 0),
            new ColumnShape("label", String.class, "varchar(255)", true, 255, 0, 0),
            new ColumnShape("notes", String.class, "varchar(1000)", true, 1000, 0, 0),
            new ColumnShape("quantity", Integer.class, "integer", true, 0, 0, 0),
            new ColumnShape("counter", long.class, "bigint", false, 0, 0, 0),
            new ColumnShape("amount", BigDecimal.class, "numeric(19,2)", true, 0, 19, 2),
            new ColumnShape("active", boolean.class, "boolean", false, 0, 0, 0),
            new ColumnShape("flag", Boolean.class, "boolean", true, 0, 0, 0),
            new ColumnShape("born_on", LocalDate.class, "date", true, 0, 0, 0),
            new ColumnShape("seen_at", LocalDateTime.class, "timestamp(6)", true, 0, 0, 0),
            new ColumnShape("created_at", Instant.class, "timestamp(6) with time zone", false, 0, 0, 0),
            new ColumnShape("ref", UUID.class, "uuid", true, 0, 0, 0),
            new ColumnShape("ratio", Double.class, "float(53)", true, 0, 0, 0),
            new ColumnShape("rank", Short.class, "smallint", true, 0, 0, 0));

    private GeneratedModel() {
    }

    static String tableName(int index) {
        return String.format("bench_%05d", index);
    }

    /** The DDL creating {@code tables} tables in the current schema. */
    static String ddl(int tables) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < tables; i++) {
            sql.append("CREATE TABLE ").append(tableName(i)).append(" (id bigint PRIMARY KEY");
            for (ColumnShape column : COLUMNS) {
                sql.append(", ").append(column.name()).append(' ').append(column.sqlType()).append(column.nullable() ? "" : " NOT NULL");
            }
            sql.append(");\n");
        }
        return sql.toString();
    }

    /** The entity classes matching {@link #ddl(int)}, loaded by one class loader. */
    static List<Class<?>> entities(int tables) {
        Map<String, byte[]> types = new LinkedHashMap<>();
        for (int i = 0; i < tables; i++) {
            String className = "bench.model.Entity" + i;
            DynamicType.Builder<Object> builder = new ByteBuddy()
                    .subclass(Object.class)
                    .name(className)
                    .annotateType(
                            AnnotationDescription.Builder.ofType(Entity.class).build(),
                            AnnotationDescription.Builder.ofType(Table.class).define("name", tableName(i)).build())
                    .defineField("id", Long.class, Modifier.PRIVATE)
                    .annotateField(AnnotationDescription.Builder.ofType(Id.class).build());
            for (ColumnShape column : COLUMNS) {
                AnnotationDescription.Builder annotation = AnnotationDescription.Builder.ofType(Column.class)
                        .define("name", column.name())
                        .define("nullable", column.nullable());
                if (column.length() > 0) {
                    annotation = annotation.define("length", column.length());
                }
                if (column.precision() > 0) {
                    annotation = annotation.define("precision", column.precision()).define("scale", column.scale());
                }
                builder = builder.defineField(column.name().replace("_", ""), column.javaType(), Modifier.PRIVATE)
                        .annotateField(annotation.build());
            }
            try (DynamicType.Unloaded<Object> unloaded = builder.make()) {
                types.put(className, unloaded.getBytes());
            }
        }
        ClassLoader loader = new ByteArrayClassLoader(GeneratedModel.class.getClassLoader(), types);
        List<Class<?>> classes = new ArrayList<>();
        for (String name : types.keySet()) {
            try {
                classes.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return classes;
    }
}
