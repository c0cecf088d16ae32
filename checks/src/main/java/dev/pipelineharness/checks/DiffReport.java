package dev.pipelineharness.checks;

import dev.pipelineharness.api.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the readable diff of a failed comparison: one summary line of counts, then sections
 * (missing, extra, wrong, ...) each with its total and its first {@value #LIMIT} entries.
 */
public final class DiffReport {

    public static final int LIMIT = 20;

    private final String subject;
    private final long expected;
    private final long observed;
    private final List<Section> sections = new ArrayList<>();

    private record Section(String title, List<String> entries) {
    }

    /**
     * @param subject  what was compared, such as {@code filtered_loan_events} or {@code table user_purchase_totals}
     * @param expected how many the oracle expects
     * @param observed how many were read
     */
    public DiffReport(String subject, long expected, long observed) {
        this.subject = subject;
        this.expected = expected;
        this.observed = observed;
    }

    /** Adds a section; empty sections are left out of the report. */
    public DiffReport section(String title, List<String> entries) {
        sections.add(new Section(title, List.copyOf(entries)));
        return this;
    }

    public boolean clean() {
        return sections.stream().allMatch(section -> section.entries().isEmpty());
    }

    public String summary() {
        StringBuilder line = new StringBuilder(subject).append(": expected ").append(expected)
                .append(", observed ").append(observed);
        List<String> parts = new ArrayList<>();
        for (Section section : sections) {
            if (!section.entries().isEmpty()) {
                parts.add(section.entries().size() + " " + section.title());
            }
        }
        line.append(parts.isEmpty() ? ", exact" : " (" + String.join(", ", parts) + ")");
        return line.toString();
    }

    public String details() {
        StringBuilder text = new StringBuilder();
        for (Section section : sections) {
            if (section.entries().isEmpty()) {
                continue;
            }
            if (!text.isEmpty()) {
                text.append(System.lineSeparator());
            }
            int shown = Math.min(LIMIT, section.entries().size());
            text.append(section.title()).append(" (").append(section.entries().size())
                    .append(shown < section.entries().size() ? ", first " + shown : "").append("):");
            for (int i = 0; i < shown; i++) {
                text.append(System.lineSeparator()).append("  ").append(section.entries().get(i));
            }
        }
        return text.toString();
    }

    public Verdict verdict() {
        return clean() ? Verdict.pass(summary()) : Verdict.fail(summary(), details());
    }
}
