package dev.pipelineharness.reports;

import static dev.pipelineharness.reports.Html.esc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A scenario's timeline as SVG, on the clock its {@code at:} values use: one lane per generator (from its
 * start to its end) and one per fault (from injection to heal), a marker where generation ended and the
 * checks began, and the evidence of each event as its tooltip.
 */
final class TimelineSvg {

    private static final int WIDTH = 920;
    private static final int LABEL = 210;
    private static final int LANE = 28;
    private static final int TOP = 26;

    private record Lane(String label, String kind, long from, long to, boolean open, boolean failed, String detail) {
    }

    private TimelineSvg() {
    }

    static String render(RunRecord.ScenarioRecord scenario) {
        List<Lane> lanes = lanes(scenario);
        if (lanes.isEmpty()) {
            return "<p class=\"muted\">Nothing ran on the timeline.</p>";
        }
        long generationEnd = scenario.phaseMillis().getOrDefault("TIMELINE", 0L);
        long last = Math.max(generationEnd, lanes.stream().mapToLong(Lane::to).max().orElse(1));
        Scale scale = Scale.upTo(last, 8);
        int plot = WIDTH - LABEL - 20;
        int height = TOP + lanes.size() * LANE + 28;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"timeline-chart\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" width=\"100%\" aria-label=\"timeline of ").append(esc(scenario.name())).append("\">");
        for (double tick : scale.ticks()) {
            double x = LABEL + scale.fraction(tick) * plot;
            svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>",
                    x, TOP - 6, x, height - 22));
            svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.1f\" y=\"%d\">%s</text>", x, height - 8,
                    esc(Html.duration((long) tick))));
        }
        for (int i = 0; i < lanes.size(); i++) {
            Lane lane = lanes.get(i);
            int y = TOP + i * LANE;
            double x1 = LABEL + scale.fraction(lane.from()) * plot;
            double x2 = Math.max(x1 + 3, LABEL + scale.fraction(lane.to()) * plot);
            svg.append("<g class=\"lane ").append(lane.kind()).append(lane.failed() ? " failed" : "").append("\">");
            svg.append("<title>").append(esc(lane.label() + ": " + lane.detail() + " (" + Html.duration(lane.from())
                    + " \u2192 " + (lane.open() ? "end" : Html.duration(lane.to())) + ")")).append("</title>");
            svg.append(String.format(Locale.ROOT, "<text class=\"lane-label\" x=\"%d\" y=\"%d\">%s</text>", LABEL - 8,
                    y + 17, esc(shorten(lane.label(), 30))));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" rx=\"4\"/>",
                    x1, y + 4, x2 - x1, LANE - 8));
            String text = lane.kind().equals("fault") ? lane.detail() : Html.duration(lane.to() - lane.from());
            svg.append(String.format(Locale.ROOT, "<text class=\"bar-label\" x=\"%.1f\" y=\"%d\">%s</text>",
                    x1 + 6, y + 18, esc(shorten(text, Math.max(4, (int) ((x2 - x1) / 7))))));
            svg.append("</g>");
        }
        if (generationEnd > 0) {
            double x = LABEL + scale.fraction(generationEnd) * plot;
            svg.append(String.format(Locale.ROOT, "<line class=\"marker\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>",
                    x, 8, x, height - 22));
            svg.append(String.format(Locale.ROOT, "<text class=\"marker-label\" x=\"%.1f\" y=\"%d\">checks start</text>",
                    x + 4, 16));
        }
        svg.append("</svg>");
        return svg.toString();
    }

    private static List<Lane> lanes(RunRecord.ScenarioRecord scenario) {
        List<Lane> lanes = new ArrayList<>();
        Map<String, Long> generatorStarts = new LinkedHashMap<>();
        Map<String, Deque<RunRecord.EventRecord>> injected = new LinkedHashMap<>();
        long end = scenario.timeline().stream().mapToLong(RunRecord.EventRecord::atMillis).max().orElse(0);
        for (RunRecord.EventRecord event : scenario.timeline()) {
            String key = event.name() + "|" + event.detail();
            switch (event.kind()) {
                case "GENERATOR_STARTED" -> generatorStarts.put(event.name(), event.atMillis());
                case "GENERATOR_FINISHED", "GENERATOR_FAILED" -> lanes.add(new Lane(event.name(), "generator",
                        generatorStarts.getOrDefault(event.name(), 0L), event.atMillis(), false,
                        event.kind().endsWith("FAILED"), event.detail()));
                case "FAULT_INJECTED" -> injected.computeIfAbsent(key, k -> new ArrayDeque<>()).add(event);
                case "FAULT_HEALED" -> {
                    RunRecord.EventRecord start = injected.getOrDefault(key, new ArrayDeque<>()).poll();
                    lanes.add(new Lane(event.name(), "fault", start == null ? event.atMillis() : start.atMillis(),
                            event.atMillis(), false, false, event.detail() + (start == null ? "" : ", healed")));
                }
                case "FAULT_FAILED" -> lanes.add(new Lane(event.name(), "fault", event.atMillis(), event.atMillis(),
                        false, true, event.detail()));
                default -> { }
            }
        }
        generatorStarts.forEach((name, start) -> {
            if (lanes.stream().noneMatch(lane -> lane.label().equals(name))) {
                lanes.add(new Lane(name, "generator", start, end, true, false, "still running"));
            }
        });
        injected.values().forEach(open -> open.forEach(event -> lanes.add(new Lane(event.name(), "fault",
                event.atMillis(), end, true, false, event.detail() + ", never healed"))));
        // generators in the order the file lists them (they all start at about 0), then faults as they were injected
        lanes.sort((a, b) -> !a.kind().equals(b.kind()) ? (a.kind().equals("generator") ? -1 : 1)
                : a.kind().equals("generator") ? a.label().compareTo(b.label()) : Long.compare(a.from(), b.from()));
        return lanes;
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, Math.max(1, max - 1)) + "\u2026";
    }
}
