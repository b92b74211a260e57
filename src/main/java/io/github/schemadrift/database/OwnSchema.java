package io.github.schemadrift.database;

/**
 * A table's own schema, and how to drop it as a qualifier from SQL text PostgreSQL printed.
 *
 * <p>The catalog is read with {@code search_path} set to {@code pg_catalog} alone, so
 * {@code format_type} and {@code pg_get_expr} qualify every object outside {@code pg_catalog}, the same way
 * whatever the caller's search path is. Dropping the table's own schema then gives one spelling per
 * database: {@code nextval('public.users_id_seq'::regclass)} becomes {@code nextval('users_id_seq'::regclass)},
 * {@code public.mood[]} becomes {@code mood[]}; objects in other schemas stay qualified.
 *
 * @param name the schema name as stored
 * @param quoted the name as PostgreSQL prints it ({@code quote_ident}), e.g. {@code "MixedCase"}
 */
record OwnSchema(String name, String quoted) {

    /**
     * The text with every {@code schema.} qualifier naming this schema removed: in identifiers, and inside
     * {@code '…'::regclass} literals (where {@code nextval} defaults name their sequence). Other string
     * literals and quoted identifiers are left as they are.
     *
     * @param sql an expression or type printed by PostgreSQL, or {@code null}
     * @return the unqualified text, or {@code null}
     */
    String unqualify(String sql) {
        if (sql == null || !sql.contains(quoted + ".")) {
            return sql;
        }
        String prefix = quoted + ".";
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'') {
                int end = endOfLiteral(sql, i);
                String literal = sql.substring(i, end);
                if (sql.startsWith("::regclass", end) && literal.startsWith(prefix, 1)) {
                    out.append('\'').append(literal, 1 + prefix.length(), literal.length());
                } else {
                    out.append(literal);
                }
                i = end;
            } else if (startsName(c) && atBoundary(sql, i) && sql.startsWith(prefix, i)) {
                i += prefix.length();
            } else if (c == '"') {
                int end = endOfQuoted(sql, i);
                out.append(sql, i, end);
                i = end;
            } else if (startsName(c)) {
                int end = i;
                while (end < sql.length() && partOfName(sql.charAt(end))) {
                    end++;
                }
                out.append(sql, i, end);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Index just past the literal opening at {@code start}; {@code ''} is an escaped quote, and so is {@code \'} in E'…'. */
    private static int endOfLiteral(String sql, int start) {
        boolean escapes = start > 0 && (sql.charAt(start - 1) == 'E' || sql.charAt(start - 1) == 'e');
        return ScriptStatement.endOfQuoted(sql, start, '\'', escapes);
    }

    /** Index just past the quoted identifier opening at {@code start}; {@code ""} is an escaped quote. */
    private static int endOfQuoted(String sql, int start) {
        return ScriptStatement.endOfQuoted(sql, start, '"', false);
    }

    private static boolean startsName(char c) {
        return c == '"' || c == '_' || Character.isLetter(c);
    }

    private static boolean partOfName(char c) {
        return c == '_' || c == '$' || Character.isLetterOrDigit(c);
    }

    /** A qualifier starts a name: not the middle of a word, nor the second part of a dotted name. */
    private static boolean atBoundary(String sql, int i) {
        if (i == 0) {
            return true;
        }
        char before = sql.charAt(i - 1);
        return !partOfName(before) && before != '.' && before != '"';
    }
}
