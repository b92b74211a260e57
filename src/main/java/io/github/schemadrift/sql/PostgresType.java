package io.github.schemadrift.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL column type in canonical form: aliases resolved ({@code int4} is {@code integer},
 * {@code timestamptz} is {@code timestamp with time zone}), modifiers split out, array-ness noted. Both the
 * model's spelling ({@code varchar(255)}, {@code float(53)}, {@code integer array}) and the catalog's
 * ({@code character varying(255)}, {@code double precision}, {@code integer[]}) parse to the same value.
 *
 * @param name the canonical base name, e.g. {@code character varying}, {@code interval second}
 * @param modifiers the type modifiers (length; precision and scale; fractional seconds), possibly empty
 * @param array whether this is an array of {@code name}; PostgreSQL does not enforce dimensions, so neither do we
 */
public record PostgresType(String name, List<Integer> modifiers, boolean array) {

    // "timestamp(6) with time zone", "interval second(6)", "numeric(10, 2)", "text[]", "integer array"
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private static final Pattern MODIFIERS = Pattern.compile("\\(\\s*(\\d+)\\s*(?:,\\s*(-?\\d+)\\s*)?\\)");

    /** Alias → canonical name. Serial types are integers whose default draws from a sequence. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("int", "integer"),
            Map.entry("int4", "integer"),
            Map.entry("serial", "integer"),
            Map.entry("serial4", "integer"),
            Map.entry("int8", "bigint"),
            Map.entry("bigserial", "bigint"),
            Map.entry("serial8", "bigint"),
            Map.entry("int2", "smallint"),
            Map.entry("smallserial", "smallint"),
            Map.entry("serial2", "smallint"),
            Map.entry("tinyint", "smallint"),
            Map.entry("bool", "boolean"),
            Map.entry("float8", "double precision"),
            Map.entry("float4", "real"),
            Map.entry("varchar", "character varying"),
            Map.entry("char", "character"),
            Map.entry("bpchar", "character"),
            Map.entry("decimal", "numeric"),
            Map.entry("timestamptz", "timestamp with time zone"),
            Map.entry("timestamp", "timestamp without time zone"),
            Map.entry("timetz", "time with time zone"),
            Map.entry("time", "time without time zone"),
            Map.entry("varbit", "bit varying"));

    /** Copies the modifiers. */
    public PostgresType {
        modifiers = List.copyOf(modifiers);
    }

    /**
     * Parses a type as either side spells it.
     *
     * @param declaration e.g. {@code varchar(100)}, {@code _int4}, {@code timestamp(6) with time zone}
     * @return the canonical type
     */
    public static PostgresType parse(String declaration) {
        String text = WHITESPACE.matcher(declaration.trim().toLowerCase(Locale.ROOT)).replaceAll(" ");
        boolean array = false;
        while (text.endsWith("[]")) {
            array = true;
            text = text.substring(0, text.length() - 2).trim();
        }
        if (text.endsWith(" array")) {
            array = true;
            text = text.substring(0, text.length() - " array".length()).trim();
        }
        // pg_type's internal array names: _text, _int4
        if (text.startsWith("_") && text.length() > 1) {
            array = true;
            text = text.substring(1);
        }
        // a quoted user-defined type name keeps its quotes off, so both sides agree
        text = text.replace("\"", "");
        List<Integer> modifiers = new ArrayList<>();
        Matcher matcher = MODIFIERS.matcher(text);
        if (matcher.find()) {
            modifiers.add(Integer.parseInt(matcher.group(1)));
            if (matcher.group(2) != null) {
                modifiers.add(Integer.parseInt(matcher.group(2)));
            }
            text = WHITESPACE.matcher(text.substring(0, matcher.start()) + text.substring(matcher.end())).replaceAll(" ").trim();
        }
        String name = ALIASES.getOrDefault(text, text);
        if (name.equals("float") || name.equals("double")) {
            // SQL float(p): 1..24 binary digits is real, 25..53 (or none) is double precision
            name = !modifiers.isEmpty() && modifiers.get(0) <= 24 ? "real" : "double precision";
            modifiers = List.of();
        }
        if (name.equals("character") && modifiers.isEmpty() && !text.equals("bpchar")) {
            modifiers = List.of(1); // char without length is char(1); bpchar without length is unbounded
        }
        if (name.startsWith("timestamp") || name.startsWith("time ") || name.startsWith("interval")) {
            if (modifiers.isEmpty()) {
                modifiers = List.of(6); // PostgreSQL's default (and maximum) fractional-second precision
            }
        }
        return new PostgresType(name, modifiers, array);
    }

    /**
     * The declared length of a character or bit type.
     *
     * @return the length, or {@code null} when unbounded (or not such a type)
     */
    Integer length() {
        return modifiers.isEmpty() ? null : modifiers.get(0);
    }

    /** The canonical spelling, e.g. {@code character varying(100)[]}, {@code timestamp(3) with time zone}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(name);
        if (!modifiers.isEmpty()) {
            String list = "(" + String.join(",", modifiers.stream().map(String::valueOf).toList()) + ")";
            boolean zoned = name.startsWith("timestamp ") || name.startsWith("time ");
            text.insert(zoned ? name.indexOf(' ') : name.length(), list);
        }
        return array ? text + "[]" : text.toString();
    }
}
