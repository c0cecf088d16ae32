package dev.pipelineharness.cloud.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a Flink SQL file into statements at the semicolons that end them (not those in quotes,
 * backticks or comments), each with the line it starts on: Confluent Cloud takes one statement per
 * call, and a FAILED one is reported at its line.
 */
final class SqlStatements {

    /** One statement, without its semicolon and the comments before it. */
    record SqlStatement(String text, int line) {
    }

    private SqlStatements() {
    }

    static List<SqlStatement> split(String sql) {
        List<SqlStatement> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int line = 1;
        int startLine = -1;
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            char next = i + 1 < sql.length() ? sql.charAt(i + 1) : 0;
            if (quote == 0 && c == '-' && next == '-') {
                while (i < sql.length() && sql.charAt(i) != '\n') {
                    i++;
                }
                line++;
                current.append('\n');
                continue;
            }
            if (quote == 0 && c == '/' && next == '*') {
                i += 2;
                while (i < sql.length() && !(sql.charAt(i) == '*' && i + 1 < sql.length() && sql.charAt(i + 1) == '/')) {
                    if (sql.charAt(i) == '\n') {
                        line++;
                    }
                    i++;
                }
                i++;
                continue;
            }
            if (c == '\n') {
                line++;
            }
            if (quote == 0 && (c == '\'' || c == '`' || c == '"')) {
                quote = c;
            } else if (quote != 0 && c == quote) {
                if (next == quote) {
                    current.append(c);
                    i++;
                } else {
                    quote = 0;
                }
            } else if (quote == 0 && c == ';' && !insideStatementSet(current)) {
                add(statements, current, startLine);
                current.setLength(0);
                startLine = -1;
                continue;
            }
            if (startLine < 0 && !Character.isWhitespace(c)) {
                startLine = line;
            }
            current.append(c);
        }
        add(statements, current, startLine);
        return statements;
    }

    /** {@code EXECUTE STATEMENT SET BEGIN ...; ...; END}: its inner semicolons do not end it. */
    private static boolean insideStatementSet(StringBuilder current) {
        String text = current.toString().strip().toUpperCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
        return text.startsWith("EXECUTE STATEMENT SET") && !text.endsWith(" END");
    }

    private static void add(List<SqlStatement> statements, StringBuilder text, int line) {
        String statement = text.toString().strip();
        if (!statement.isEmpty()) {
            statements.add(new SqlStatement(statement, line));
        }
    }
}
