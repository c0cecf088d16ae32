package dev.pipelineharness.local.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A log4j2 configuration for a Kafka-based child JVM (broker, MirrorMaker 2): everything to stdout,
 * which the harness appends to the component's log file, with the chattiest loggers turned down.
 */
public final class ChildLog4j2 {

    private ChildLog4j2() {
    }

    /**
     * Writes {@code log4j2.properties} into {@code directory} and returns the JVM option that selects it.
     *
     * @param quietLoggers logger name to level, for loggers that would drown the rest
     */
    public static String write(Path directory, Map<String, String> quietLoggers) throws IOException {
        return write(directory, quietLoggers, List.of());
    }

    /**
     * As {@link #write(Path, Map)}, and drops every message matching one of {@code droppedMessages}
     * (regular expressions over the formatted message): for known false alarms that would repeat forever.
     */
    public static String write(Path directory, Map<String, String> quietLoggers, List<String> droppedMessages)
            throws IOException {
        StringBuilder text = new StringBuilder();
        // status = error: log4j's own warnings (about a message's placeholders, say) stay out of the log
        text.append("# written by pipeline-harness\n")
                .append("status = error\n")
                .append("appender.stdout.type = Console\n")
                .append("appender.stdout.name = STDOUT\n")
                .append("appender.stdout.layout.type = PatternLayout\n")
                .append("appender.stdout.layout.pattern = [%d{ISO8601}] %p %m (%c)%n\n")
                .append("rootLogger.level = INFO\n")
                .append("rootLogger.appenderRef.stdout.ref = STDOUT\n");
        int index = 0;
        for (Map.Entry<String, String> logger : quietLoggers.entrySet()) {
            text.append("logger.l").append(index).append(".name = ").append(logger.getKey()).append('\n')
                    .append("logger.l").append(index).append(".level = ").append(logger.getValue()).append('\n');
            index++;
        }
        for (int drop = 0; drop < droppedMessages.size(); drop++) {
            text.append("filter.drop").append(drop).append(".type = RegexFilter\n")
                    .append("filter.drop").append(drop).append(".regex = ")
                    .append(droppedMessages.get(drop).replace("\\", "\\\\")).append('\n')
                    .append("filter.drop").append(drop).append(".onMatch = DENY\n")
                    .append("filter.drop").append(drop).append(".onMismatch = NEUTRAL\n");
        }
        Path file = directory.resolve("log4j2.properties");
        Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
        return "-Dlog4j2.configurationFile=" + file.toAbsolutePath();
    }
}
