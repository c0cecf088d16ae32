package dev.pipelineharness.flinkrunner;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the position inside a statement that Flink's parser and validator put in their messages
 * ("at line 3, column 5", "From line 1, column 15 to ...") into a position in the file; when the
 * message has none, the statement's own start is the best place to point at.
 */
final class SqlErrorLocation {

    private static final Pattern POSITION = Pattern.compile("line (\\d+), column (\\d+)");

    private SqlErrorLocation() {
    }

    static int[] of(SqlStatement statement, String flinkMessage) {
        Matcher matcher = POSITION.matcher(flinkMessage == null ? "" : flinkMessage);
        if (matcher.find()) {
            return statement.fileLineAndColumn(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
        }
        return new int[] {statement.line(), statement.column()};
    }

    /**
     * Flink's message, without the long "Was expecting one of:" list of the parser and without
     * repeating causes that only wrap the same text.
     */
    static String messageOf(Throwable error) {
        StringBuilder message = new StringBuilder();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            String text = cause.getMessage();
            if (text == null || text.isBlank() || message.indexOf(firstLine(text)) >= 0) {
                continue;
            }
            if (message.length() > 0) {
                message.append(" / caused by: ");
            }
            message.append(shorten(text));
            if (cause.getCause() == cause) {
                break;
            }
        }
        return message.length() == 0 ? error.toString() : message.toString();
    }

    private static String firstLine(String text) {
        return text.strip().lines().findFirst().orElse("");
    }

    private static String shorten(String text) {
        int expecting = text.indexOf("Was expecting");
        String kept = expecting > 0 ? text.substring(0, expecting) : text;
        kept = kept.strip().replaceAll("\\s*\\R\\s*", " ");
        return kept.length() > 800 ? kept.substring(0, 800) + "..." : kept;
    }
}
