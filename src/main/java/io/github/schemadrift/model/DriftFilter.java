package io.github.schemadrift.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Ignore rules taken together: a drift is ignored when any rule ignores it.
 *
 * @param rules the rules, in the order they were given
 */
public record DriftFilter(List<IgnoreRule> rules) {

    /** The filter that ignores nothing. */
    public static final DriftFilter NONE = new DriftFilter(List.of());

    /** Copies the rules. */
    public DriftFilter {
        rules = List.copyOf(rules);
    }

    /**
     * This filter with more rules.
     *
     * @param more the rules to add
     * @return a new filter
     */
    public DriftFilter and(IgnoreRule... more) {
        List<IgnoreRule> all = new ArrayList<>(rules);
        all.addAll(Arrays.asList(more));
        return new DriftFilter(all);
    }

    /**
     * The report without the ignored drifts, and without their fixes; model and database stay the same.
     *
     * @param report the report
     * @return a new report, or {@code report} itself when there are no rules
     */
    public DriftReport apply(DriftReport report) {
        if (rules.isEmpty()) {
            return report;
        }
        Predicate<Drift> ignored = rules.stream().map(IgnoreRule::toPredicate).reduce(d -> false, Predicate::or);
        List<Drift> kept = report.drifts(ignored.negate());
        Map<Drift, List<String>> fixes = new LinkedHashMap<>();
        kept.forEach(drift -> {
            if (report.fixes().containsKey(drift)) {
                fixes.put(drift, report.fixFor(drift));
            }
        });
        return new DriftReport(report.model(), report.database(), kept, fixes);
    }

    /**
     * The rules for messages, e.g. {@code tables audit_*, columns *.legacy_*}.
     *
     * @return the description, empty when there are no rules
     */
    public String describe() {
        return rules.stream().map(IgnoreRule::describe).collect(Collectors.joining(", "));
    }
}
