package io.github.schemadrift.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A glob over names such as {@code audit_*} or {@code *.legacy_?}: {@code *} stands for any run of
 * characters (dots included, so {@code *.id} matches {@code public.users.id}), {@code ?} for exactly one
 * character; every other character, {@code .} included, stands for itself. Matching is case-sensitive,
 * as PostgreSQL stores names exactly.
 *
 * @param glob the pattern as written
 */
public record NamePattern(String glob) {

    /** Checks the pattern is present and not blank. */
    public NamePattern {
        Objects.requireNonNull(glob, "glob");
        if (glob.isBlank()) {
            throw new IllegalArgumentException("a name pattern must not be blank");
        }
    }

    /**
     * The pattern as a regular expression. The one place globs are translated: literal runs are quoted, so
     * names holding regex characters ({@code $}, {@code .}, {@code (}) match only themselves.
     *
     * @return the compiled expression, matching whole names
     */
    public Pattern toRegex() {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /**
     * Whether a name matches. Compiles the pattern each time: use {@link #toRegex()} to match many names.
     *
     * @param name the name
     * @return true when the whole name matches
     */
    public boolean matches(String name) {
        return toRegex().matcher(name).matches();
    }

    /** The pattern as written. */
    @Override
    public String toString() {
        return glob;
    }
}
