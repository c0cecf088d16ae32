package dev.pipelineharness.reports;

import static dev.pipelineharness.reports.Html.esc;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A failed check's diff as HTML: each section (missing, extra, wrong, ...) with its own colour, and in
 * every entry the fields that differ highlighted, the expected value struck through beside the observed one.
 * It reads the layout the checks' diff reports write ({@code wrong (3, first 20):} then indented entries,
 * {@code field: expected A, observed B} or {@code column expected A observed B}); any other text is shown as it is.
 */
final class DiffHtml {

    private static final Pattern SECTION = Pattern.compile("^(\\S[^(]*?) \\((\\d+)(, first \\d+)?\\):$");
    /** {@code channel: expected web, observed app} as {@code Values.differences} writes it, ended by {@code ;}, {@code |} or the line's end. */
    private static final Pattern FIELD = Pattern.compile("([\\w.\\[\\]$-]+): expected (.*?), observed (.*?)(?=; |\\s\\||$)");
    /** {@code total expected 12 observed 13} as the row comparison writes it. */
    private static final Pattern COLUMN = Pattern.compile("(\\w+) expected (\\S+) observed (\\S+?)(?=,|$)");

    private DiffHtml() {
    }

    static String render(String details) {
        StringBuilder html = new StringBuilder("<div class=\"diff\">");
        String section = "other";
        for (String line : details.split("\\R")) {
            Matcher header = SECTION.matcher(line);
            if (header.matches()) {
                section = cssOf(header.group(1));
                html.append("<div class=\"diff-section ").append(section).append("\">").append(esc(line)).append("</div>");
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            html.append("<div class=\"diff-line ").append(section).append("\">").append(highlight(line.strip())).append("</div>");
        }
        return html.append("</div>").toString();
    }

    private static String cssOf(String title) {
        String lower = title.toLowerCase(Locale.ROOT);
        if (lower.startsWith("missing")) {
            return "missing";
        }
        if (lower.startsWith("extra") || lower.startsWith("duplicate")) {
            return "extra";
        }
        return lower.startsWith("wrong") || lower.contains("order") ? "wrong" : "other";
    }

    static String highlight(String line) {
        Matcher field = FIELD.matcher(line);
        Pattern pattern = FIELD;
        if (!field.find()) {
            pattern = COLUMN;
        }
        Matcher matcher = pattern.matcher(line);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (matcher.find()) {
            out.append(esc(line.substring(last, matcher.start())));
            out.append("<span class=\"field\">").append(esc(matcher.group(1))).append("</span>")
                    .append(pattern == FIELD ? ": " : " ")
                    .append("<del title=\"expected\">").append(esc(matcher.group(2))).append("</del> ")
                    .append("<ins title=\"observed\">").append(esc(matcher.group(3))).append("</ins>");
            last = matcher.end();
        }
        out.append(esc(line.substring(last)));
        return out.toString();
    }
}
