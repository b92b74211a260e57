package io.github.schemadrift.report;

import io.github.schemadrift.model.Drift;
import io.github.schemadrift.model.DriftReport;
import io.github.schemadrift.model.Severity;
import io.github.schemadrift.model.TableName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report for people: a summary line, what was compared, then the drifts grouped by table in report
 * order, each with what the database has against what the model expects, where it comes from, and its fix.
 * Long reports are capped with "… N more".
 */
public final class TextReport {

    /** How many drifts a report shows before "… N more". */
    public static final int DEFAULT_LIMIT = 100;

    private TextReport() {
    }

    /**
     * Renders a report, showing at most {@link #DEFAULT_LIMIT} drifts.
     *
     * @param report the report
     * @return the text, ending with a newline
     */
    public static String render(DriftReport report) {
        return render(report, DEFAULT_LIMIT);
    }

    /**
     * Renders a report.
     *
     * @param report the report
     * @param limit how many drifts to show at most
     * @return the text, ending with a newline
     */
    public static String render(DriftReport report, int limit) {
        StringBuilder out = new StringBuilder();
        out.append(summary(report)).append('\n');
        out.append("  model:    ").append(report.model()).append('\n');
        out.append("  database: ").append(report.database()).append('\n');
        Map<TableName, List<Drift>> byTable = new LinkedHashMap<>();
        report.drifts().stream().limit(limit).forEach(d -> byTable.computeIfAbsent(d.table(), t -> new java.util.ArrayList<>()).add(d));
        byTable.forEach((table, drifts) -> {
            out.append('\n').append(table).append('\n');
            drifts.forEach(drift -> appendDrift(out, report, drift));
        });
        int hidden = report.drifts().size() - limit;
        if (hidden > 0) {
            out.append("\n… ").append(hidden).append(" more\n");
        }
        return out.toString();
    }

    /**
     * The one-line summary, e.g. {@code 3 drifts: 2 errors, 1 warning, 0 infos}, or {@code no drift}.
     *
     * @param report the report
     * @return the line
     */
    public static String summary(DriftReport report) {
        if (report.isEmpty()) {
            return "no drift";
        }
        return count(report.drifts().size(), "drift") + ": " + count(report.count(Severity.ERROR), "error") + ", "
                + count(report.count(Severity.WARNING), "warning") + ", " + count(report.count(Severity.INFO), "info");
    }

    private static void appendDrift(StringBuilder out, DriftReport report, Drift drift) {
        out.append("  ").append(pad(drift.severity().name(), 8)).append(pad(drift.kind().name(), 21));
        out.append(drift.column() == null ? "(table)" : drift.column()).append('\n');
        out.append("      found:    ").append(drift.actual() == null ? "nothing" : drift.actual()).append('\n');
        out.append("      expected: ").append(drift.expected() == null ? "nothing (not mapped)" : drift.expected()).append('\n');
        if (drift.source() != null) {
            out.append("      from:     ").append(drift.source()).append('\n');
        }
        out.append("      why:      ").append(drift.message()).append('\n');
        List<String> fix = report.fixFor(drift);
        for (int i = 0; i < fix.size(); i++) {
            String prefix = i == 0 ? "      fix:      " : "                ";
            out.append(prefix).append(fix.get(i).replace("\n", "\n                ")).append('\n');
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }
}
