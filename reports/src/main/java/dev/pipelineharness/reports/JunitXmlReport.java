package dev.pipelineharness.reports;

import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML in the layout Jenkins, GitHub Actions reporters and GitLab read: one {@code testsuite} per
 * scenario, one {@code testcase} per check with the diff in its failure, the scenario's seed, namespace,
 * phases and figures as properties. A scenario that broke before its checks gets one {@code testcase}
 * named {@code (scenario)} carrying the error; a skipped or interrupted one, a skipped {@code testcase}.
 */
final class JunitXmlReport {

    private JunitXmlReport() {
    }

    static String render(RunRecord run) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "pipeline-harness " + run.runId());
            xml.writeAttribute("time", seconds(run.wallMillis()));
            for (RunRecord.ScenarioRecord scenario : run.scenarios()) {
                suite(xml, scenario);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing JUnit XML failed", e);
        }
        return text + "\n";
    }

    private static void suite(XMLStreamWriter xml, RunRecord.ScenarioRecord scenario) throws XMLStreamException {
        long failures = scenario.checks().stream().filter(check -> !check.passed()).count();
        boolean broke = scenario.status().equals("ERROR") || scenario.status().equals("INVALID")
                || scenario.status().equals("TOPOLOGY_FAILED");
        boolean skipped = scenario.status().equals("SKIPPED") || scenario.status().equals("INTERRUPTED");
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", scenario.name());
        xml.writeAttribute("tests", String.valueOf(scenario.checks().size() + (broke || skipped ? 1 : 0)));
        xml.writeAttribute("failures", String.valueOf(failures));
        xml.writeAttribute("errors", broke ? "1" : "0");
        xml.writeAttribute("skipped", skipped ? "1" : "0");
        xml.writeAttribute("time", seconds(scenario.tookMillis()));
        xml.writeCharacters("\n    ");
        xml.writeStartElement("properties");
        property(xml, "file", scenario.file());
        property(xml, "status", scenario.status());
        property(xml, "seed", String.valueOf(scenario.seed()));
        property(xml, "namespace", scenario.namespace());
        property(xml, "tags", String.join(",", scenario.tags()));
        for (Map.Entry<String, Long> phase : scenario.phaseMillis().entrySet()) {
            property(xml, "time." + phase.getKey().toLowerCase(Locale.ROOT), phase.getValue() + "ms");
        }
        for (Map.Entry<String, String> figure : scenario.figures().entrySet()) {
            property(xml, figure.getKey(), figure.getValue());
        }
        xml.writeEndElement();
        String className = scenario.folder().isEmpty() ? scenario.name() : scenario.folder() + "." + scenario.name();
        for (RunRecord.CheckRecord check : scenario.checks()) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", className);
            xml.writeAttribute("name", check.name());
            xml.writeAttribute("file", check.location());
            xml.writeAttribute("time", seconds(check.settledMillis()));
            if (!check.passed()) {
                xml.writeStartElement("failure");
                xml.writeAttribute("message", check.summary());
                xml.writeAttribute("type", "check failed");
                xml.writeCharacters(check.message());
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        if (broke || skipped) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", className);
            xml.writeAttribute("name", "(scenario)");
            xml.writeAttribute("time", seconds(scenario.tookMillis()));
            xml.writeStartElement(broke ? "error" : "skipped");
            xml.writeAttribute("message", firstLine(scenario.detail()));
            if (broke) {
                xml.writeAttribute("type", scenario.status());
                StringBuilder body = new StringBuilder(scenario.detail());
                for (RunRecord.LogTail log : scenario.logs()) {
                    body.append("\n--- last lines of ").append(log.path()).append(" ---\n")
                            .append(String.join("\n", log.lines()));
                }
                xml.writeCharacters(body.toString());
            }
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n      ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", value);
    }

    static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).trim();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
