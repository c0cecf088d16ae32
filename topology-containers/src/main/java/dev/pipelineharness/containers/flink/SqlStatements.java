package dev.pipelineharness.containers.flink;

import dev.pipelineharness.api.PipelineFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a Flink SQL file into its statements at the semicolons that end them, not those inside a
 * quoted string, a quoted identifier or a comment, keeping the line each statement starts on for
 * messages.
 */
public final class SqlStatements {

    /** One statement, without its final semicolon, and the line of the file it starts on. */
    public record Statement(String text, PipelineFile file, int line) {

        /** True for {@code INSERT INTO ...}: these run together as one statement set, so as one job. */
        public boolean isInsert() {
            return text.stripLeading().toUpperCase(Locale.ROOT).startsWith("INSERT");
        }
    }

    private SqlStatements() {
    }

    public static List<Statement> of(PipelineFile file, String text) {
        List<Statement> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int line = 1;
        int startLine = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (c == '-' && next == '-') {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end;
                continue;
            }
            if (c == '/' && next == '*') {
                int end = text.indexOf("*/", i + 2);
                int stop = end < 0 ? text.length() : end + 2;
                line += count(text, i, stop);
                i = stop;
                continue;
            }
            if (c == '\'' || c == '`' || c == '"') {
                int stop = closing(text, i, c);
                if (startLine == 0) {
                    startLine = line;
                }
                current.append(text, i, stop);
                line += count(text, i, stop);
                i = stop;
                continue;
            }
            if (c == ';') {
                add(statements, current, file, startLine);
                startLine = 0;
                i++;
                continue;
            }
            if (c == '\n') {
                line++;
            } else if (!Character.isWhitespace(c) && startLine == 0) {
                startLine = line;
            }
            current.append(c);
            i++;
        }
        add(statements, current, file, startLine);
        return statements;
    }

    /** The end of a quoted part; a doubled quote character stands for itself. */
    private static int closing(String text, int open, char quote) {
        int i = open + 1;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return text.length();
    }

    private static int count(String text, int from, int to) {
        int lines = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private static void add(List<Statement> statements, StringBuilder current, PipelineFile file, int line) {
        String text = current.toString().strip();
        if (!text.isEmpty()) {
            statements.add(new Statement(text, file, line));
        }
        current.setLength(0);
    }
}
