package dev.pipelineharness.reports;

import static dev.pipelineharness.reports.Html.esc;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/** A horizontal bar chart as SVG: one labelled bar per value, on an axis with round ticks. */
final class BarChartSvg {

    record Bar(String label, double value, String css, String tooltip) {
    }

    private static final int WIDTH = 920;
    private static final int LABEL = 380;
    private static final int ROW = 24;

    private BarChartSvg() {
    }

    static String render(String id, String ariaLabel, List<Bar> bars, DoubleFunction<String> format) {
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(1);
        Scale scale = Scale.upTo(max, 6);
        int plot = WIDTH - LABEL - 80;
        int height = 10 + bars.size() * ROW + 26;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg id=\"").append(id).append("\" class=\"bar-chart\" role=\"img\" aria-label=\"").append(esc(ariaLabel))
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\" width=\"100%\">");
        for (double tick : scale.ticks()) {
            double x = LABEL + scale.fraction(tick) * plot;
            svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%.1f\" y1=\"4\" x2=\"%.1f\" y2=\"%d\"/>",
                    x, x, height - 22));
            svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.1f\" y=\"%d\">%s</text>", x, height - 8,
                    esc(format.apply(tick))));
        }
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = 10 + i * ROW;
            double w = Math.max(2, scale.fraction(bar.value()) * plot);
            svg.append("<g class=\"bar ").append(bar.css()).append("\"><title>").append(esc(bar.tooltip())).append("</title>");
            svg.append(String.format(Locale.ROOT, "<text class=\"lane-label\" x=\"%d\" y=\"%d\">%s</text>", LABEL - 8,
                    y + 14, esc(TimelineSvg.shorten(bar.label(), 58))));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" rx=\"3\"/>",
                    LABEL, y + 2, w, ROW - 8));
            svg.append(String.format(Locale.ROOT, "<text class=\"value\" x=\"%.1f\" y=\"%d\">%s</text>", LABEL + w + 6,
                    y + 14, esc(format.apply(bar.value()))));
            svg.append("</g>");
        }
        svg.append("</svg>");
        return svg.toString();
    }
}
