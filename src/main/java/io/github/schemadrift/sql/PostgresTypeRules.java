package io.github.schemadrift.sql;

import java.util.List;
import java.util.Objects;

/**
 * PostgreSQL's type rules, in one place: when the database's column type is the model's, wider, narrower
 * or something else. {@code docs/type-compatibility.md} writes the same rules down for people.
 */
public final class PostgresTypeRules {

    /** Integer types by range: a later one holds every value of an earlier one. */
    private static final List<String> INTEGERS = List.of("smallint", "integer", "bigint");

    /** Floating point by precision. */
    private static final List<String> FLOATS = List.of("real", "double precision");

    /** Character types by capacity for the same length: text and unbounded varchar hold anything. */
    private static final List<String> CHARACTERS = List.of("character", "character varying", "text");

    private PostgresTypeRules() {
    }

    /**
     * Compares a model type with a database type.
     *
     * @param expected the model's type, as Hibernate spells it
     * @param actual the database's type, as the catalog spells it
     * @return how the database's type relates to the model's
     */
    public static TypeComparison compare(String expected, String actual) {
        return compare(PostgresType.parse(expected), PostgresType.parse(actual));
    }

    /**
     * Compares two parsed types.
     *
     * @param expected the model's type
     * @param actual the database's type
     * @return how the database's type relates to the model's
     */
    public static TypeComparison compare(PostgresType expected, PostgresType actual) {
        if (expected.array() != actual.array()) {
            return TypeComparison.TYPE_INCOMPATIBLE;
        }
        if (expected.name().equals(actual.name())) {
            return compareModifiers(expected, actual);
        }
        TypeComparison ranked = compareRanked(INTEGERS, expected, actual);
        if (ranked == null) {
            ranked = compareRanked(FLOATS, expected, actual);
        }
        if (ranked == null) {
            ranked = compareCharacters(expected, actual);
        }
        return ranked == null ? TypeComparison.TYPE_INCOMPATIBLE : ranked;
    }

    private static TypeComparison compareModifiers(PostgresType expected, PostgresType actual) {
        if (expected.modifiers().equals(actual.modifiers())) {
            return TypeComparison.SAME;
        }
        if (expected.name().equals("numeric")) {
            return compareNumeric(expected.modifiers(), actual.modifiers());
        }
        // length (character, bit) or fractional-second precision: none means unbounded / the maximum
        Integer wanted = expected.length();
        Integer present = actual.length();
        return holds(present, wanted) ? TypeComparison.SIZE_WIDER : TypeComparison.SIZE_NARROWER;
    }

    /** numeric(p,s) holds numeric(p',s') when it has at least as many integer digits and as much scale. */
    private static TypeComparison compareNumeric(List<Integer> expected, List<Integer> actual) {
        if (actual.isEmpty()) {
            return TypeComparison.SIZE_WIDER; // unconstrained numeric holds any value exactly
        }
        if (expected.isEmpty()) {
            return TypeComparison.SIZE_NARROWER;
        }
        int wantedScale = expected.size() > 1 ? expected.get(1) : 0;
        int presentScale = actual.size() > 1 ? actual.get(1) : 0;
        boolean integerDigits = actual.get(0) - presentScale >= expected.get(0) - wantedScale;
        return integerDigits && presentScale >= wantedScale ? TypeComparison.SIZE_WIDER : TypeComparison.SIZE_NARROWER;
    }

    private static TypeComparison compareRanked(List<String> ranking, PostgresType expected, PostgresType actual) {
        int wanted = ranking.indexOf(expected.name());
        int present = ranking.indexOf(actual.name());
        if (wanted < 0 || present < 0) {
            return null;
        }
        return present > wanted ? TypeComparison.TYPE_WIDER : TypeComparison.TYPE_INCOMPATIBLE;
    }

    /**
     * Across character types the question is capacity: {@code text} for a model's {@code varchar(255)} is
     * wider; {@code varchar(50)} for a model's {@code text} is narrower. Unbounded {@code varchar} is
     * {@code text} under another name.
     */
    private static TypeComparison compareCharacters(PostgresType expected, PostgresType actual) {
        if (!CHARACTERS.contains(expected.name()) || !CHARACTERS.contains(actual.name())) {
            return null;
        }
        Integer wanted = capacity(expected);
        Integer present = capacity(actual);
        if (Objects.equals(wanted, present) && wanted == null) {
            return TypeComparison.SAME; // text and unbounded varchar
        }
        return holds(present, wanted) ? TypeComparison.TYPE_WIDER : TypeComparison.TYPE_INCOMPATIBLE;
    }

    private static Integer capacity(PostgresType type) {
        return type.name().equals("text") ? null : type.length();
    }

    /** Whether a bound of {@code present} admits everything {@code wanted} does; null is unbounded. */
    private static boolean holds(Integer present, Integer wanted) {
        if (present == null) {
            return true;
        }
        return wanted != null && present >= wanted;
    }
}
