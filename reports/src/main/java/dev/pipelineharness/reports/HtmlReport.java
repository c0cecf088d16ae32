package dev.pipelineharness.reports;

import static dev.pipelineharness.reports.Html.esc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The run as one self-contained HTML file (styles and the little script inlined, charts as SVG written
 * here, nothing fetched): the summary, the charts, and per scenario its phases, timeline, checks with
 * their diffs, counts per topic and table, recovery figures and the tails of its component logs.
 */
final class HtmlReport {

    /** {@code filtered_loan_events: expected 400, observed 398 (2 missing)}: the summary line of the checks' diff reports. */
    private static final Pattern COUNTS = Pattern.compile("^(.+?): expected (\\d+), observed (\\d+)");
    private static final Pattern RECOVERY = Pattern.compile("(?i).*\\b(rpo|rto|recovery|failover|lag)\\b.*");
    private static final Pattern GENERATOR_COUNT = Pattern.compile("^(generate\\[\\d+]\\.[^.]+)\\.(?:.*\\.)?(sent|written|committed)$");

    private HtmlReport() {
    }

    static String render(RunRecord run) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>pipeline-harness ").append(esc(run.runId())).append(" \u2014 ").append(verdict(run))
                .append("</title><style>").append(resource("report.css")).append("</style></head><body>");
        header(html, run);
        overview(html, run);
        charts(html, run);
        html.append("<section id=\"scenarios\"><div class=\"section-head\"><h2>Scenarios</h2>")
                .append("<div class=\"filters\"><button type=\"button\" data-filter=\"all\" class=\"active\">All</button>")
                .append("<button type=\"button\" data-filter=\"red\">Not green</button>")
                .append("<button type=\"button\" data-expand>Expand all</button></div></div>");
        for (RunRecord.ScenarioRecord scenario : run.scenarios()) {
            scenario(html, scenario);
        }
        html.append("</section><footer>Written by pipeline-harness. Self-contained: this file fetches nothing.</footer>")
                .append("<script>").append(resource("report.js")).append("</script></body></html>\n");
        return html.toString();
    }

    static String verdict(RunRecord run) {
        if (run.interrupted()) {
            return "INTERRUPTED";
        }
        boolean red = run.scenarios().stream().anyMatch(scenario -> !scenario.green());
        return red ? "RED" : "GREEN";
    }

    private static void header(StringBuilder html, RunRecord run) {
        String verdict = verdict(run);
        html.append("<header id=\"summary\" class=\"").append(verdict.toLowerCase(Locale.ROOT)).append("\">")
                .append("<div class=\"title\"><span class=\"badge ").append(verdict.toLowerCase(Locale.ROOT)).append("\">")
                .append(verdict).append("</span><h1>pipeline-harness run <code>").append(esc(run.runId()))
                .append("</code></h1></div><dl class=\"facts\">");
        fact(html, "started", run.startedAt().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z"));
        fact(html, "wall time", run.wallMillis() > 0 ? Html.duration(run.wallMillis()) : "still running");
        fact(html, "topology", run.topology() + startTimes(run));
        fact(html, "seed", run.seedOverride() != null ? run.seedOverride() + " (--seed, every scenario)" : "each scenario's own (below)");
        fact(html, "parallelism", String.valueOf(run.parallelism()));
        html.append("</dl></header>");
    }

    private static String startTimes(RunRecord run) {
        if (run.topologyStartMillis().isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        run.topologyStartMillis().forEach((name, millis) -> parts.add(name + " started in " + Html.duration(millis)));
        return " (" + String.join(", ", parts) + ")";
    }

    private static void fact(StringBuilder html, String name, String value) {
        html.append("<div><dt>").append(esc(name)).append("</dt><dd>").append(esc(value)).append("</dd></div>");
    }

    private static void overview(StringBuilder html, RunRecord run) {
        html.append("<section id=\"overview\" class=\"cards\">");
        card(html, "scenarios", String.valueOf(run.scenarios().size()), "");
        card(html, "passed", String.valueOf(run.count("PASSED")), "passed");
        card(html, "failed", String.valueOf(run.count("FAILED")), run.count("FAILED") > 0 ? "failed" : "");
        long broken = run.count("ERROR") + run.count("INVALID") + run.count("TOPOLOGY_FAILED");
        card(html, "errors", String.valueOf(broken), broken > 0 ? "failed" : "");
        card(html, "skipped", String.valueOf(run.count("SKIPPED")), "");
        if (run.count("INTERRUPTED") > 0 || run.interrupted()) {
            card(html, "interrupted", String.valueOf(run.count("INTERRUPTED")), "interrupted");
        }
        card(html, "checks", (run.checks() - run.failedChecks()) + " / " + run.checks(), run.failedChecks() > 0 ? "failed" : "passed");
        html.append("</section><section id=\"versions\"><h2>Versions</h2><table class=\"kv\">");
        run.versions().forEach((name, version) -> html.append("<tr><th>").append(esc(name)).append("</th><td>")
                .append(esc(version)).append("</td></tr>"));
        html.append("</table></section>");
    }

    private static void card(StringBuilder html, String label, String value, String css) {
        html.append("<div class=\"card ").append(css).append("\"><div class=\"value\">").append(esc(value))
                .append("</div><div class=\"label\">").append(esc(label)).append("</div></div>");
    }

    private static void charts(StringBuilder html, RunRecord run) {
        List<BarChartSvg.Bar> throughput = new ArrayList<>();
        List<BarChartSvg.Bar> settle = new ArrayList<>();
        for (RunRecord.ScenarioRecord scenario : run.scenarios()) {
            throughput.addAll(throughput(scenario));
            for (RunRecord.CheckRecord check : scenario.checks()) {
                settle.add(new BarChartSvg.Bar(scenario.name() + " \u00b7 " + check.name(), check.settledMillis(),
                        check.passed() ? "passed" : "failed", check.summary()));
            }
        }
        html.append("<section id=\"charts\"><h2>Throughput and latency</h2><div class=\"chart\" id=\"chart-throughput\">")
                .append("<h3>Generated events per second, per generator</h3>");
        if (throughput.isEmpty()) {
            html.append("<p class=\"muted\">No generator reported a count.</p>");
        } else {
            html.append(BarChartSvg.render("throughput-svg", "events per second per generator", throughput,
                    value -> String.format(Locale.ROOT, "%,.0f/s", value)));
        }
        html.append("</div><div class=\"chart\" id=\"chart-latency\"><h3>Time until each check settled after generation ended</h3>")
                .append("<p class=\"muted\">An upper bound of the end-to-end latency: the output was complete by then "
                        + "(it includes the confirmation period a passing check must hold for).</p>");
        if (settle.isEmpty()) {
            html.append("<p class=\"muted\">No check was evaluated.</p>");
        } else {
            html.append(BarChartSvg.render("latency-svg", "time until each check settled", settle,
                    value -> Html.duration((long) value)));
        }
        html.append("</div></section>");
    }

    /** Each generator's events per second: its own {@code .rate} figure, else its count over its time on the timeline. */
    private static List<BarChartSvg.Bar> throughput(RunRecord.ScenarioRecord scenario) {
        List<BarChartSvg.Bar> bars = new ArrayList<>();
        for (Map.Entry<String, String> figure : scenario.figures().entrySet()) {
            Matcher count = GENERATOR_COUNT.matcher(figure.getKey());
            if (!count.matches()) {
                continue;
            }
            String generator = count.group(1);
            long started = -1;
            long finished = -1;
            for (RunRecord.EventRecord event : scenario.timeline()) {
                if (event.name().equals(generator) && event.kind().equals("GENERATOR_STARTED")) {
                    started = event.atMillis();
                } else if (event.name().equals(generator) && event.kind().equals("GENERATOR_FINISHED")) {
                    finished = event.atMillis();
                }
            }
            try {
                long events = Long.parseLong(figure.getValue().trim());
                if (started >= 0 && finished > started) {
                    double rate = events * 1000.0 / (finished - started);
                    bars.add(new BarChartSvg.Bar(scenario.name() + " \u00b7 " + generator, rate, "generator",
                            String.format(Locale.ROOT, "%,d events in %s", events, Html.duration(finished - started))));
                }
            } catch (NumberFormatException notACount) {
                // a figure that is not a count is shown in the figures table only
            }
        }
        return bars;
    }

    private static void scenario(StringBuilder html, RunRecord.ScenarioRecord scenario) {
        String status = scenario.status().toLowerCase(Locale.ROOT);
        html.append("<details class=\"scenario ").append(status).append("\" data-green=\"").append(scenario.green())
                .append("\" id=\"s").append(scenario.index()).append("\"").append(scenario.green() ? "" : " open").append(">")
                .append("<summary><span class=\"badge ").append(status).append("\">").append(esc(scenario.status().replace('_', ' ')))
                .append("</span><span class=\"name\">").append(esc(scenario.name())).append("</span>")
                .append("<span class=\"file\">").append(esc(scenario.file())).append("</span>")
                .append("<span class=\"took\">").append(esc(Html.duration(scenario.tookMillis()))).append("</span></summary>");
        html.append("<div class=\"body\">");
        if (!scenario.detail().isEmpty()) {
            html.append("<p class=\"detail\">").append(esc(JunitXmlReport.firstLine(scenario.detail()))).append("</p>");
            if (scenario.detail().contains("\n")) {
                html.append("<details class=\"more\"><summary>full message</summary><pre>").append(esc(scenario.detail()))
                        .append("</pre></details>");
            }
        }
        html.append("<dl class=\"facts small\">");
        fact(html, "seed", String.valueOf(scenario.seed()));
        fact(html, "namespace", scenario.namespace().isEmpty() ? "\u2014" : scenario.namespace());
        fact(html, "topology", scenario.topology());
        fact(html, "tags", scenario.tags().isEmpty() ? "\u2014" : String.join(", ", scenario.tags()));
        html.append("</dl>");
        phases(html, scenario);
        html.append("<div class=\"timeline\"><h3>Timeline</h3>").append(TimelineSvg.render(scenario)).append("</div>");
        checks(html, scenario);
        counts(html, scenario);
        recovery(html, scenario);
        figures(html, scenario);
        logs(html, scenario);
        html.append("</div></details>");
    }

    private static void phases(StringBuilder html, RunRecord.ScenarioRecord scenario) {
        long total = scenario.phaseMillis().values().stream().mapToLong(Long::longValue).sum();
        if (total <= 0) {
            return;
        }
        html.append("<div class=\"phases\" aria-label=\"phases\">");
        scenario.phaseMillis().forEach((phase, millis) -> html.append("<div class=\"phase ")
                .append(phase.toLowerCase(Locale.ROOT)).append("\" style=\"flex-grow:").append(Math.max(millis, total / 50))
                .append("\" title=\"").append(esc(phase.toLowerCase(Locale.ROOT) + " " + Html.duration(millis))).append("\">")
                .append(esc(phase.toLowerCase(Locale.ROOT))).append(" <b>").append(esc(Html.duration(millis))).append("</b></div>"));
        html.append("</div>");
    }

    private static void checks(StringBuilder html, RunRecord.ScenarioRecord scenario) {
        if (scenario.checks().isEmpty()) {
            return;
        }
        html.append("<div class=\"checks\"><h3>Checks</h3><table><thead><tr><th></th><th>check</th><th>verdict</th>")
                .append("<th>settled after</th></tr></thead><tbody>");
        for (RunRecord.CheckRecord check : scenario.checks()) {
            html.append("<tr class=\"check ").append(check.passed() ? "passed" : "failed").append("\"><td><span class=\"dot\"></span></td><td>")
                    .append(esc(check.name())).append("<div class=\"location\">").append(esc(check.location()))
                    .append("</div></td><td>").append(esc(check.summary())).append("</td><td>")
                    .append(esc(Html.duration(check.settledMillis()))).append("</td></tr>");
            if (!check.passed()) {
                html.append("<tr class=\"diff-row\"><td></td><td colspan=\"3\">")
                        .append(check.details().isBlank() ? "<pre>" + esc(check.message()) + "</pre>" : DiffHtml.render(check.details()))
                        .append("</td></tr>");
            }
        }
        html.append("</tbody></table></div>");
    }

    private static void counts(StringBuilder html, RunRecord.ScenarioRecord scenario) {
        StringBuilder rows = new StringBuilder();
        for (RunRecord.CheckRecord check : scenario.checks()) {
            Matcher counts = COUNTS.matcher(check.summary());
            if (counts.find()) {
                boolean same = counts.group(2).equals(counts.group(3));
                rows.append("<tr class=\"").append(same && check.passed() ? "passed" : "failed").append("\"><td>")
                        .append(esc(counts.group(1))).append("</td><td class=\"num\">").append(esc(counts.group(2)))
                        .append("</td><td class=\"num\">").append(esc(counts.group(3))).append("</td></tr>");
            }
        }
        if (!rows.isEmpty()) {
            html.append("<div class=\"counts\"><h3>Counts per topic and table</h3><table><thead><tr><th>topic / table</th>")
                    .append("<th class=\"num\">expected</th><th class=\"num\">observed</th></tr></thead><tbody>")
                    .append(rows).append("</tbody></table></div>");
        }
    }

    private static void recovery(StringBuilder html, RunRecord.ScenarioRecord scenario) {
        StringBuilder rows = new StringBuilder();
        scenario.figures().forEach((key, value) -> {
            if (RECOVERY.matcher(key.replace('.', ' ').replace('-', ' ')).matches()) {
                rows.append("<tr><th>").append(esc(key)).append("</th><td>").append(esc(value)).append("</td></tr>");
            }
        });
        if (!rows.isEmpty()) {
            html.append("<div class=\"recovery\"><h3>RPO, RTO and recovery</h3><table class=\"kv\">").append(rows)
                    .append("</table></div>");
        }
    }

    private static void figures(StringBuilder html, RunRecord.ScenarioRecord scenario) {
        if (scenario.figures().isEmpty()) {
            return;
        }
        html.append("<details class=\"figures\"><summary>Figures (").append(scenario.figures().size())
                .append(")</summary><table class=\"kv\">");
        scenario.figures().forEach((key, value) -> html.append("<tr><th>").append(esc(key)).append("</th><td>")
                .append(esc(value)).append("</td></tr>"));
        html.append("</table></details>");
    }

    private static void logs(StringBuilder html, RunRecord.ScenarioRecord scenario) {
        for (RunRecord.LogTail log : scenario.logs()) {
            html.append("<details class=\"log\"><summary>log tail: ").append(esc(log.component())).append(" <span class=\"file\">")
                    .append(esc(log.path())).append("</span></summary><pre>").append(esc(String.join("\n", log.lines())))
                    .append("</pre></details>");
        }
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + HtmlReport.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
