package io.github.schemadrift.sql;

/**
 * A {@code --} comment line. Names and types in comment text may hold line breaks, and a line break would
 * end the comment and turn the rest of the text into SQL; they are written as {@code \n} instead.
 */
final class SqlComment {

    private SqlComment() {
    }

    /**
     * One comment line.
     *
     * @param text what the comment says
     * @return {@code -- text}, without a trailing line break
     */
    static String line(String text) {
        return "-- " + flat(text);
    }

    /**
     * Text made safe for a single comment line.
     *
     * @param text any text
     * @return the text with every line break and other control character escaped
     */
    static String flat(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || c == 0x85) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
