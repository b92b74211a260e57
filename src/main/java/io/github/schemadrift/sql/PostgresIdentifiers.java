package io.github.schemadrift.sql;

import io.github.schemadrift.model.TableName;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes names into PostgreSQL statements: bare when PostgreSQL reads the bare word back as exactly that
 * name, double-quoted otherwise. Every name the fix SQL contains goes through here, so no name, however
 * strange, can end its identifier early or change the statement around it.
 */
public final class PostgresIdentifiers {

    /**
     * The key words PostgreSQL does not accept as a bare table or column name: the categories "reserved"
     * and "reserved (can be function or type)" of the SQL key words appendix of the PostgreSQL 18
     * documentation ({@code pg_get_keywords()} catcodes {@code R} and {@code T}). Unreserved key words and
     * those that "cannot be function or type" ({@code C}) are valid bare names and stay bare.
     */
    static final Set<String> RESERVED = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization",
            "binary", "both", "case", "cast", "check", "collate", "collation", "column", "concurrently",
            "constraint", "create", "cross", "current_catalog", "current_date", "current_role", "current_schema",
            "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do",
            "else", "end", "except", "false", "fetch", "for", "foreign", "freeze", "from", "full", "grant",
            "group", "having", "ilike", "in", "initially", "inner", "intersect", "into", "is", "isnull", "join",
            "lateral", "leading", "left", "like", "limit", "localtime", "localtimestamp", "natural", "not",
            "notnull", "null", "offset", "on", "only", "or", "order", "outer", "overlaps", "placing", "primary",
            "references", "returning", "right", "select", "session_user", "similar", "some", "symmetric",
            "system_user", "table", "tablesample", "then", "to", "trailing", "true", "union", "unique", "user",
            "using", "variadic", "verbose", "when", "where", "window", "with");

    /** What PostgreSQL reads unquoted as itself: it folds unquoted names to lower case. */
    private static final Pattern BARE = Pattern.compile("[a-z_][a-z0-9_$]*");

    private PostgresIdentifiers() {
    }

    /**
     * One name, quoted when it must be: {@code users} stays {@code users}; {@code user}, {@code Users},
     * {@code my table} and {@code a"b} become {@code "user"}, {@code "Users"}, {@code "my table"} and
     * {@code "a""b"}.
     *
     * @param name the name exactly as PostgreSQL stores it
     * @return the name as a statement must spell it
     * @throws IllegalArgumentException for an empty name or one containing a NUL character, which
     *     PostgreSQL cannot store
     */
    public static String quote(String name) {
        if (name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not a PostgreSQL identifier: " + name.replace("\0", "\\0"));
        }
        if (!needsQuotes(name)) {
            return name;
        }
        // Inside double quotes only a double quote is special, and doubling it escapes it.
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /**
     * A table's name, schema-qualified: {@code public.users}, {@code app."order"}. A table without a schema
     * (the model left it to the connection's default) is written bare.
     *
     * @param table the table
     * @return the qualified name as a statement must spell it
     */
    public static String qualified(TableName table) {
        return table.schema() == null ? quote(table.name()) : quote(table.schema()) + "." + quote(table.name());
    }

    /**
     * Whether a name must be quoted.
     *
     * @param name the name as PostgreSQL stores it
     * @return true unless it is a lower-case word PostgreSQL reads back as itself
     */
    public static boolean needsQuotes(String name) {
        return !BARE.matcher(name).matches() || RESERVED.contains(name);
    }
}
