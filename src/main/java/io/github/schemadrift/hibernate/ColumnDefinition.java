package io.github.schemadrift.hibernate;

import io.github.schemadrift.model.ValueGeneration;
import java.util.List;
import java.util.Locale;

/**
 * A column's type as Hibernate's DDL declares it, split from what an explicit
 * {@code @Column(columnDefinition = "text not null default 'x'")} appends after the type: Hibernate writes
 * the definition verbatim, so its NOT NULL, DEFAULT and GENERATED clauses reach the database too.
 *
 * @param type the bare type, e.g. {@code text}
 * @param notNull whether the definition says NOT NULL (or PRIMARY KEY)
 * @param defaultValue the definition's DEFAULT expression, or {@code null}
 * @param generation IDENTITY for {@code generated … as identity} or a {@code serial} type, COMPUTED for
 *     {@code generated always as (…)}, else NONE
 */
record ColumnDefinition(String type, boolean notNull, String defaultValue, ValueGeneration generation) {

    /** Words that end the type and start a column constraint in PostgreSQL's CREATE TABLE. */
    private static final List<String> CLAUSES = List.of(
            "not", "null", "default", "primary", "unique", "check", "references", "generated", "collate",
            "constraint");

    private static final List<String> SERIALS = List.of("smallserial", "serial", "bigserial", "serial2", "serial4",
            "serial8");

    static ColumnDefinition of(String sqlType, boolean explicit) {
        if (!explicit) {
            return new ColumnDefinition(sqlType, false, null, ValueGeneration.NONE);
        }
        List<int[]> words = words(sqlType);
        int typeEnd = sqlType.length();
        for (int[] word : words) {
            // The first word is always type (e.g. a type named "text"), never a clause.
            if (word[0] > 0 && CLAUSES.contains(lower(sqlType, word))) {
                typeEnd = word[0];
                break;
            }
        }
        String type = sqlType.substring(0, typeEnd).trim();
        String clauses = sqlType.substring(typeEnd);
        String lowerClauses = clauses.toLowerCase(Locale.ROOT);
        boolean notNull = containsWords(lowerClauses, "not null") || containsWords(lowerClauses, "primary key");
        ValueGeneration generation = ValueGeneration.NONE;
        if (lowerClauses.matches("(?s).*\\bgenerated\\s+(always|by\\s+default)\\s+as\\s+identity\\b.*")
                || SERIALS.contains(type.toLowerCase(Locale.ROOT))) {
            generation = ValueGeneration.IDENTITY;
        } else if (lowerClauses.matches("(?s).*\\bgenerated\\s+always\\s+as\\s*\\(.*")) {
            generation = ValueGeneration.COMPUTED;
        }
        return new ColumnDefinition(type, notNull, defaultOf(clauses), generation);
    }

    /** The expression after DEFAULT, up to the next clause keyword outside quotes and parentheses. */
    private static String defaultOf(String clauses) {
        List<int[]> words = words(clauses);
        for (int i = 0; i < words.size(); i++) {
            if (lower(clauses, words.get(i)).equals("default")) {
                int start = words.get(i)[1];
                while (start < clauses.length() && Character.isWhitespace(clauses.charAt(start))) {
                    start++;
                }
                int end = clauses.length();
                for (int j = i + 1; j < words.size(); j++) {
                    // The expression's own first word may be a keyword: DEFAULT NULL.
                    if (words.get(j)[0] > start && CLAUSES.contains(lower(clauses, words.get(j)))) {
                        end = words.get(j)[0];
                        break;
                    }
                }
                String expression = clauses.substring(start, end).trim();
                // PostgreSQL stores no default for DEFAULT NULL.
                return expression.isEmpty() || expression.equalsIgnoreCase("null") ? null : expression;
            }
        }
        return null;
    }

    /** Start and end of each bare word outside quotes and parentheses. */
    private static List<int[]> words(String text) {
        List<int[]> words = new java.util.ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            boolean wordChar = quote == 0 && depth == 0 && (Character.isLetterOrDigit(c) || c == '_');
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                words.add(new int[] {start, i});
                start = -1;
            }
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            }
        }
        return words;
    }

    private static String lower(String text, int[] word) {
        return text.substring(word[0], word[1]).toLowerCase(Locale.ROOT);
    }

    private static boolean containsWords(String lowerText, String phrase) {
        return (" " + lowerText.replaceAll("\\s+", " ") + " ").contains(" " + phrase + " ");
    }
}
