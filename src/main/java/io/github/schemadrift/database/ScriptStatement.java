package io.github.schemadrift.database;

import java.util.ArrayList;
import java.util.List;

/**
 * One statement of a plain SQL migration script, with the line it starts on, so a failure can be traced to
 * its line in the file.
 *
 * @param sql the statement's text, without the terminating {@code ;}
 * @param line the 1-based line of the file the text starts on
 */
record ScriptStatement(String sql, int line) {

    /**
     * Splits a script at the semicolons PostgreSQL would end statements at: not inside quotes,
     * {@code "identifiers"}, {@code $tag$ dollar quotes $tag$}, {@code -- line} or {@code /* block *}{@code /}
     * comments. Statements that are only whitespace and comments are left out.
     *
     * @param script the file's content
     * @return the statements in order
     */
    static List<ScriptStatement> split(String script) {
        List<ScriptStatement> statements = new ArrayList<>();
        int start = 0;
        int startLine = 1;
        int line = 1;
        int i = 0;
        int length = script.length();
        while (i < length) {
            char c = script.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (c == '-' && i + 1 < length && script.charAt(i + 1) == '-') {
                i = indexOrEnd(script, "\n", i);
            } else if (c == '/' && i + 1 < length && script.charAt(i + 1) == '*') {
                int end = endOfBlockComment(script, i);
                line += newlines(script, i, end);
                i = end;
            } else if (c == '\'' || c == '"') {
                boolean backslashEscapes = c == '\'' && i > 0 && (script.charAt(i - 1) == 'E' || script.charAt(i - 1) == 'e')
                        && (i < 2 || !Character.isLetterOrDigit(script.charAt(i - 2)));
                int end = endOfQuoted(script, i, c, backslashEscapes);
                line += newlines(script, i, end);
                i = end;
            } else if (c == '$' && dollarTag(script, i) != null) {
                String tag = dollarTag(script, i);
                int end = indexOrEnd(script, tag, i + tag.length());
                end = Math.min(length, end + tag.length());
                line += newlines(script, i, end);
                i = end;
            } else if (c == ';') {
                add(statements, script.substring(start, i), startLine);
                i++;
                start = i;
                startLine = line;
            } else {
                i++;
            }
        }
        add(statements, script.substring(start), startLine);
        return statements;
    }

    /** Adds a statement unless it holds nothing but whitespace and comments; its line is that of its first text. */
    private static void add(List<ScriptStatement> statements, String text, int line) {
        int first = 0;
        int firstLine = line;
        while (first < text.length()) {
            char c = text.charAt(first);
            if (c == '\n') {
                firstLine++;
                first++;
            } else if (Character.isWhitespace(c)) {
                first++;
            } else if (text.startsWith("--", first)) {
                first = indexOrEnd(text, "\n", first);
            } else if (text.startsWith("/*", first)) {
                int end = endOfBlockComment(text, first);
                firstLine += newlines(text, first, end);
                first = end;
            } else {
                statements.add(new ScriptStatement(text.substring(first), firstLine));
                return;
            }
        }
    }

    /** PostgreSQL's block comments nest. */
    private static int endOfBlockComment(String script, int start) {
        int depth = 0;
        int i = start;
        while (i < script.length()) {
            if (script.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (script.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return script.length();
    }

    /** The index just past the closing quote; a doubled quote is an escaped one. */
    static int endOfQuoted(String script, int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < script.length() && script.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return script.length();
    }

    /** The dollar-quote opening at {@code start}, e.g. {@code $$} or {@code $body$}, or null when there is none. */
    private static String dollarTag(String script, int start) {
        if (start > 0 && (Character.isLetterOrDigit(script.charAt(start - 1)) || script.charAt(start - 1) == '_')) {
            return null; // part of an identifier such as a$b
        }
        int i = start + 1;
        while (i < script.length() && (Character.isLetterOrDigit(script.charAt(i)) || script.charAt(i) == '_')) {
            i++;
        }
        if (i < script.length() && script.charAt(i) == '$' && (i == start + 1 || !Character.isDigit(script.charAt(start + 1)))) {
            return script.substring(start, i + 1);
        }
        return null; // $1 is a parameter, not a quote
    }

    private static int indexOrEnd(String script, String what, int from) {
        int index = script.indexOf(what, from);
        return index < 0 ? script.length() : index;
    }

    private static int newlines(String text, int from, int to) {
        int count = 0;
        for (int i = from; i < to && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }

    /**
     * The file line of a character of this statement.
     *
     * @param position PostgreSQL's error position: 1-based, in characters of this statement
     * @return the 1-based line in the file
     */
    int lineAt(int position) {
        return line + newlines(sql, 0, Math.min(sql.length(), Math.max(0, position - 1)));
    }
}
