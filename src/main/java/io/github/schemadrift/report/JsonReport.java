package io.github.schemadrift.report;

import io.github.schemadrift.model.Drift;
import io.github.schemadrift.model.DriftReport;
import io.github.schemadrift.model.Severity;
import java.util.List;

/**
 * The report for tools, in a fixed shape that is part of the public contract:
 * <pre>{"summary":{"errors":N,"warnings":N,"infos":N},
 *  "drifts":[{"kind":…,"severity":…,"schema":…,"table":…,"column":…,"expected":…,"actual":…,
 *             "source":…,"message":…,"fix":[…]}]}</pre>
 * {@code column} is null for table-level drift; {@code expected}, {@code actual} and {@code source} are
 * null when there is nothing on that side. Written by hand: the shape is small and fixed, and a JSON
 * library would be a dependency every user carries for one method.
 */
public final class JsonReport {

    private JsonReport() {
    }

    /**
     * Renders a report as one JSON document.
     *
     * @param report the report
     * @return the JSON text, ending with a newline
     */
    public static String render(DriftReport report) {
        StringBuilder out = new StringBuilder();
        out.append("{\"summary\":{\"errors\":").append(report.count(Severity.ERROR))
                .append(",\"warnings\":").append(report.count(Severity.WARNING))
                .append(",\"infos\":").append(report.count(Severity.INFO)).append("},\"drifts\":[");
        List<Drift> drifts = report.drifts();
        for (int i = 0; i < drifts.size(); i++) {
            Drift drift = drifts.get(i);
            out.append(i == 0 ? "\n" : ",\n");
            out.append("{\"kind\":").append(string(drift.kind().name()));
            out.append(",\"severity\":").append(string(drift.severity().name()));
            out.append(",\"schema\":").append(string(drift.table().schema()));
            out.append(",\"table\":").append(string(drift.table().name()));
            out.append(",\"column\":").append(string(drift.column()));
            out.append(",\"expected\":").append(string(drift.expected()));
            out.append(",\"actual\":").append(string(drift.actual()));
            out.append(",\"source\":").append(string(drift.source()));
            out.append(",\"message\":").append(string(drift.message()));
            out.append(",\"fix\":[");
            List<String> fix = report.fixFor(drift);
            for (int j = 0; j < fix.size(); j++) {
                out.append(j == 0 ? "" : ",").append(string(fix.get(j)));
            }
            out.append("]}");
        }
        out.append(drifts.isEmpty() ? "]}\n" : "\n]}\n");
        return out.toString();
    }

    /** A JSON string literal (RFC 8259 escaping), or {@code null}. */
    static String string(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
