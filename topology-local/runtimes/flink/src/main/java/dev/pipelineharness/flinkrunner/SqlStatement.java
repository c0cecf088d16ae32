package dev.pipelineharness.flinkrunner;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One statement of a pipeline's SQL file, with where it starts (line and column from 1), so that an
 * error Flink reports relative to the statement can be shown relative to the file.
 */
public record SqlStatement(String file, int line, int column, String text) {

    private static final Pattern STATEMENT_SET_START =
            Pattern.compile("(?is)^(EXECUTE\\s+STATEMENT\\s+SET\\s+BEGIN|BEGIN\\s+STATEMENT\\s+SET)\\s*");

    /** What the runner does with a statement. */
    public enum Kind {
        /** {@code INSERT INTO ...}: collected into the one statement set (one job). */
        INSERT,
        /**
         * {@code EXECUTE STATEMENT SET BEGIN} (Confluent Cloud, Flink SQL) or {@code BEGIN STATEMENT SET}
         * (Flink's SQL client), possibly followed by the first INSERT of the block: the runner puts
         * all INSERTs in one set anyway, so the block markers are accepted and dropped.
         */
        STATEMENT_SET_START,
        /** {@code END} of a statement-set block. */
        STATEMENT_SET_END,
        /** {@code SET 'key' = 'value'}: a table configuration option, as in Flink's SQL client. */
        SET,
        /** A query on its own would start a job of its own that prints to nowhere. */
        QUERY,
        /** Everything else (CREATE, ALTER, DROP, SET, USE ...): executed at once, in file order. */
        DDL
    }

    public Kind kind() {
        String[] words = text.strip().split("\\s+", 4);
        String first = words[0].toUpperCase(Locale.ROOT);
        if (first.equals("INSERT")) {
            return Kind.INSERT;
        }
        if (STATEMENT_SET_START.matcher(text).find()) {
            return Kind.STATEMENT_SET_START;
        }
        if (text.strip().equalsIgnoreCase("END")) {
            return Kind.STATEMENT_SET_END;
        }
        if (first.equals("SET") || first.equals("RESET")) {
            return Kind.SET;
        }
        if (first.equals("SELECT") || first.equals("WITH") || first.equals("VALUES")) {
            return Kind.QUERY;
        }
        return Kind.DDL;
    }

    private static final Pattern SET_OPTION = Pattern.compile("(?is)^SET\\s+'([^']+)'\\s*=\\s*'((?:[^']|'')*)'$");

    /** The key and value of a {@code SET 'key' = 'value'} statement; empty for any other form. */
    public java.util.Optional<java.util.Map.Entry<String, String>> setOption() {
        Matcher matcher = SET_OPTION.matcher(text.strip());
        if (!matcher.matches()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(java.util.Map.entry(matcher.group(1), matcher.group(2).replace("''", "'")));
    }

    /**
     * The statement that follows the statement-set marker inside this one ({@code EXECUTE STATEMENT SET
     * BEGIN INSERT INTO ...} holds the block's first INSERT), with its own start; empty when the marker
     * stands alone.
     */
    public java.util.Optional<SqlStatement> afterStatementSetStart() {
        Matcher marker = STATEMENT_SET_START.matcher(text);
        if (!marker.find() || marker.end() >= text.length()) {
            return java.util.Optional.empty();
        }
        int newLine = line;
        int newColumn = column;
        for (int i = 0; i < marker.end(); i++) {
            if (text.charAt(i) == '\n') {
                newLine++;
                newColumn = 1;
            } else {
                newColumn++;
            }
        }
        return java.util.Optional.of(new SqlStatement(file, newLine, newColumn, text.substring(marker.end())));
    }

    /**
     * Where, in the file, a position Flink reports relative to this statement's text lies: line 1 of
     * the statement is {@link #line()}, and column 1 on that line is {@link #column()}.
     */
    public int[] fileLineAndColumn(int statementLine, int statementColumn) {
        int fileLine = line + statementLine - 1;
        int fileColumn = statementLine == 1 ? column + statementColumn - 1 : statementColumn;
        return new int[] {fileLine, fileColumn};
    }

    /** The first line of the statement, for messages. */
    public String headline() {
        String first = text.strip().lines().findFirst().orElse("");
        return first.length() > 100 ? first.substring(0, 100) + "..." : first;
    }
}
