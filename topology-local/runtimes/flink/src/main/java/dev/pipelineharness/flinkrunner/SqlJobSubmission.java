package dev.pipelineharness.flinkrunner;

import dev.pipelineharness.flinkrunner.JobStatusFile.Phase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

/**
 * Plans a pipeline's SQL files and submits them as one job to the cluster the environment points
 * at: the session cluster of a run.
 *
 * <p>All non-INSERT statements run one by one, in order ({@code SET 'key' = 'value'} sets a table
 * option); all INSERT statements of all files form one statement set, so the pipeline is one job
 * with one checkpoint. {@code EXECUTE STATEMENT SET BEGIN ... END;} and
 * {@code BEGIN STATEMENT SET; ... END;} blocks are accepted (their INSERTs join the one set); a bare
 * SELECT is rejected, it would have nowhere to write.
 */
final class SqlJobSubmission {

    /** What came of a submission: the phase and values for the status file, the job if there is one. */
    record Outcome(Phase phase, Map<String, String> values, JobClient job) {

        boolean submitted() {
            return phase == Phase.SUBMITTED;
        }
    }

    private SqlJobSubmission() {
    }

    static Outcome submit(List<SqlStatement> statements, StreamExecutionEnvironment environment, Path restoreFrom) {
        StreamTableEnvironment tables;
        try {
            tables = StreamTableEnvironment.create(environment);
        } catch (Exception e) {
            e.printStackTrace();
            return new Outcome(Phase.STARTUP_ERROR, Map.of("message", SqlErrorLocation.messageOf(e)), null);
        }
        List<SqlStatement> inserts = new ArrayList<>();
        StatementSet statementSet = tables.createStatementSet();
        SqlStatement current = null;
        try {
            for (SqlStatement statement : statements) {
                current = statement;
                switch (statement.kind()) {
                    case INSERT -> {
                        statementSet.addInsertSql(statement.text());
                        inserts.add(statement);
                    }
                    case DDL -> tables.executeSql(statement.text()).await();
                    case STATEMENT_SET_START -> {
                        // all INSERTs form one set anyway: keep the block's first INSERT, drop the marker
                        Optional<SqlStatement> first = statement.afterStatementSetStart();
                        if (first.isPresent()) {
                            current = first.get();
                            if (current.kind() != SqlStatement.Kind.INSERT) {
                                throw new IllegalArgumentException("A statement set holds only INSERT statements");
                            }
                            statementSet.addInsertSql(current.text());
                            inserts.add(current);
                        }
                    }
                    case SET -> {
                        var option = statement.setOption().orElseThrow(() -> new IllegalArgumentException(
                                "Only SET 'key' = 'value' is supported here (no RESET, no listing)"));
                        tables.getConfig().set(option.getKey(), option.getValue());
                    }
                    case STATEMENT_SET_END -> {
                        // end of a statement-set block: nothing to do
                    }
                    case QUERY -> throw new IllegalArgumentException(
                            "A query on its own has nowhere to write: use INSERT INTO <table> SELECT ...");
                    default -> throw new IllegalStateException(statement.kind().toString());
                }
            }
            if (inserts.isEmpty()) {
                current = null;
                throw new IllegalArgumentException("The pipeline's SQL files contain no INSERT statement, so there is no job to run");
            }
        } catch (Exception e) {
            return rejected(current, e);
        }

        RunnerLog.progress("planned " + statements.size() + " statement(s); submitting");
        JobClient job;
        try {
            TableResult submitted = statementSet.execute();
            job = submitted.getJobClient().orElseThrow(() -> new IllegalStateException("No job client"));
        } catch (Exception e) {
            // the planner validates the set as a whole here (a ValidationException is the pipeline's
            // mistake); anything else is the cluster failing to start or to take the job
            if (causedBy(e, "org.apache.flink.table.api.ValidationException", "org.apache.flink.table.api.SqlParserException")) {
                return rejected(inserts.size() == 1 ? inserts.get(0) : null, e);
            }
            e.printStackTrace();
            return new Outcome(Phase.STARTUP_ERROR,
                    Map.of("message", "Submitting the job failed: " + SqlErrorLocation.messageOf(e)), null);
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("jobId", job.getJobID().toHexString());
        values.put("restoredFrom", restoreFrom == null ? null : restoreFrom.toString());
        values.put("inserts", Integer.toString(inserts.size()));
        RunnerLog.progress("submitted job " + job.getJobID() + " with " + inserts.size() + " INSERT statement(s)");
        return new Outcome(Phase.SUBMITTED, values, job);
    }

    /**
     * A statement Flink rejected is the pipeline author's to fix; a class missing from this JVM is
     * the harness's (its runtime-flink classpath), and must not be reported as a SQL mistake.
     */
    private static Outcome rejected(SqlStatement statement, Exception error) {
        error.printStackTrace();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof LinkageError || cause instanceof ClassNotFoundException) {
                return new Outcome(Phase.STARTUP_ERROR, Map.of("message", "The Flink runtime lacks a class ("
                        + cause + ") while planning " + (statement == null ? "the job" : statement.file() + ":"
                        + statement.line()) + ": " + SqlErrorLocation.messageOf(error)), null);
            }
        }
        return new Outcome(Phase.SQL_ERROR, sqlError(statement, error), null);
    }

    private static boolean causedBy(Throwable error, String... classNames) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
                if (java.util.Arrays.asList(classNames).contains(type.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Map<String, String> sqlError(SqlStatement statement, Exception error) {
        String message = SqlErrorLocation.messageOf(error);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("message", message);
        if (statement != null) {
            int[] position = SqlErrorLocation.of(statement, message);
            values.put("file", statement.file());
            values.put("line", Integer.toString(position[0]));
            values.put("column", Integer.toString(position[1]));
            values.put("statementLine", Integer.toString(statement.line()));
            values.put("statement", statement.headline());
        }
        return values;
    }
}
