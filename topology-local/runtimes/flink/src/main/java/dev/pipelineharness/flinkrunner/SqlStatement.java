package dev.pipelineharness.flinkrunner;

import java.util.Locale;

/**
 * One statement of a pipeline's SQL file, with where it starts (line and column from 1), so that an
 * error Flink reports relative to the statement can be shown relative to the file.
 */
public record SqlStatement(String file, int line, int column, String text) {

    /** What the runner does with a statement. */
    public enum Kind {
        /** {@code INSERT INTO ...}: collected into the one statement set (one job). */
        INSERT,
        /** {@code EXECUTE STATEMENT SET BEGIN ... END}: not supported, the runner builds the set itself. */
        STATEMENT_SET_BLOCK,
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
        if (first.equals("EXECUTE") || first.equals("BEGIN")) {
            return Kind.STATEMENT_SET_BLOCK;
        }
        if (first.equals("SELECT") || first.equals("WITH") || first.equals("VALUES")) {
            return Kind.QUERY;
        }
        return Kind.DDL;
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
