package io.github.schemadrift;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hibernate settings written on one line, {@code KEY=VALUE[,KEY=VALUE…]}, for inputs that are a single string
 * such as a Maven user property ({@code -Dschemadrift.properties=…}). A value may hold {@code =}; it cannot
 * hold a comma.
 */
public final class HibernateSettings {

    private HibernateSettings() {
    }

    /**
     * Reads the settings.
     *
     * @param line e.g. {@code hibernate.default_schema=app,hibernate.physical_naming_strategy=com.example.Naming}
     * @param input how the user gave it, for the message, e.g. {@code -Dschemadrift.properties}
     * @return the settings in the order written; empty for a blank line
     * @throws SchemaDriftInputException when an entry has no {@code =} or an empty key
     */
    public static Map<String, String> parse(String line, String input) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (line == null || line.isBlank()) {
            return settings;
        }
        for (String entry : line.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            String key = equals < 0 ? "" : entry.substring(0, equals).strip();
            if (key.isEmpty()) {
                throw new SchemaDriftInputException("The entry '" + entry.strip() + "' of " + input + " is not KEY=VALUE."
                        + " Write the Hibernate settings as KEY=VALUE, separated by commas, e.g."
                        + " hibernate.default_schema=app.");
            }
            settings.put(key, entry.substring(equals + 1).strip());
        }
        return settings;
    }
}
