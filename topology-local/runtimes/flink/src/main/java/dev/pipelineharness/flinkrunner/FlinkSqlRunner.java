package dev.pipelineharness.flinkrunner;

import dev.pipelineharness.flinkrunner.JobStatusFile.Phase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

/**
 * The main class of the Flink child JVM: runs a pipeline's SQL files on a local MiniCluster.
 *
 * <p>The {@code *.sql} files of the job directory are read in file-name order and split at semicolons
 * ({@link SqlScript}: semicolons in quotes and comments do not count). {@code SET 'key' = 'value'}
 * sets a table option; every other statement that is not an INSERT (CREATE TABLE, CREATE VIEW,
 * CREATE FUNCTION, USE ...) is executed at once, in order; all INSERT statements of all files are
 * then submitted together as one statement set, so the pipeline is one job with one checkpoint.
 * {@code EXECUTE STATEMENT SET BEGIN ... END;} and {@code BEGIN STATEMENT SET; ... END;} blocks are
 * accepted (their INSERTs join the one set); a bare SELECT is rejected, it would have nowhere to write.
 * With {@code --restore-latest} the job starts from the newest complete checkpoint in the checkpoint
 * directory, which is how a job is brought back after its JVM was killed.
 *
 * <p>Progress goes to the status file ({@link JobStatusFile}); the harness reads readiness from the
 * REST API. Exit codes: 0 job finished or was cancelled, 1 job failed, 2 bad arguments or start-up
 * error, 3 SQL error.
 */
public final class FlinkSqlRunner {

    private FlinkSqlRunner() {
    }

    public static void main(String[] args) throws Exception {
        RunnerArguments arguments;
        try {
            arguments = RunnerArguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(new FlinkSqlRunner().run(arguments));
    }

    int run(RunnerArguments arguments) {
        JobStatusFile status = new JobStatusFile(arguments.statusFile());
        status.write(Phase.STARTING, Map.of());
        List<SqlStatement> statements;
        Path restoreFrom;
        StreamTableEnvironment tables;
        try {
            statements = SqlScript.readDirectory(arguments.jobDirectory());
            restoreFrom = arguments.restoreLatest() ? latestCheckpoint(arguments) : null;
            StreamExecutionEnvironment environment = StreamExecutionEnvironment.getExecutionEnvironment(
                    MiniClusterSettings.of(arguments, restoreFrom));
            tables = StreamTableEnvironment.create(environment);
        } catch (Exception e) {
            e.printStackTrace();
            status.write(Phase.STARTUP_ERROR, Map.of("message", SqlErrorLocation.messageOf(e)));
            return 2;
        }

        progress("read " + statements.size() + " statement(s) from " + arguments.jobDirectory()
                + (restoreFrom == null ? "" : "; restoring from " + restoreFrom));
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
            return rejected(status, current, e);
        }

        progress("planned " + statements.size() + " statement(s); starting the MiniCluster and submitting");
        JobClient job;
        try {
            TableResult submitted = statementSet.execute();
            job = submitted.getJobClient().orElseThrow(() -> new IllegalStateException("No job client"));
        } catch (Exception e) {
            // the planner validates the set as a whole here (a ValidationException is the pipeline's
            // mistake); anything else is the MiniCluster failing to start or to take the job
            if (causedBy(e, "org.apache.flink.table.api.ValidationException", "org.apache.flink.table.api.SqlParserException")) {
                return rejected(status, inserts.size() == 1 ? inserts.get(0) : null, e);
            }
            e.printStackTrace();
            status.write(Phase.STARTUP_ERROR, Map.of("message", "Submitting the job failed: " + SqlErrorLocation.messageOf(e)));
            return 2;
        }
        Map<String, String> submittedValues = new LinkedHashMap<>();
        submittedValues.put("jobId", job.getJobID().toHexString());
        submittedValues.put("restoredFrom", restoreFrom == null ? null : restoreFrom.toString());
        submittedValues.put("inserts", Integer.toString(inserts.size()));
        status.write(Phase.SUBMITTED, submittedValues);
        progress("submitted job " + job.getJobID() + " with " + inserts.size() + " INSERT statement(s)");

        return awaitEnd(job, status, submittedValues);
    }

    /** A line in the log saying how far start-up got, with the JVM's uptime, to see where start-up time goes. */
    private static void progress(String what) {
        System.out.println("pipeline-harness flink runner +"
                + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() + " ms: " + what);
    }

    /**
     * A statement Flink rejected is the pipeline author's to fix; a class missing from this JVM is
     * the harness's (its runtime-flink classpath), and must not be reported as a SQL mistake.
     */
    private static int rejected(JobStatusFile status, SqlStatement statement, Exception error) {
        error.printStackTrace();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof LinkageError || cause instanceof ClassNotFoundException) {
                status.write(Phase.STARTUP_ERROR, Map.of("message", "The Flink runtime lacks a class ("
                        + cause + ") while planning " + (statement == null ? "the job" : statement.file() + ":"
                        + statement.line()) + ": " + SqlErrorLocation.messageOf(error)));
                return 2;
            }
        }
        status.write(Phase.SQL_ERROR, sqlError(statement, error));
        return 3;
    }

    /**
     * The newest complete checkpoint, or none when the job died before its first one completed. Then
     * a fresh start is the right restore, as Flink itself would do: with exactly-once sinks nothing
     * was committed yet, and the sources' offsets are only committed with a checkpoint too.
     */
    private static Path latestCheckpoint(RunnerArguments arguments) throws Exception {
        Optional<Path> latest = LatestCheckpoint.in(arguments.checkpointDirectory());
        if (latest.isEmpty()) {
            progress("--restore-latest: no complete checkpoint (chk-*/_metadata) in " + arguments.checkpointDirectory()
                    + "; the job died before its first checkpoint, so it starts afresh");
        }
        return latest.orElse(null);
    }

    /** Blocks until the job ends (cancelled through REST, failed for good, or finished). */
    private static int awaitEnd(JobClient job, JobStatusFile status, Map<String, String> submittedValues) {
        Map<String, String> values = new LinkedHashMap<>(submittedValues);
        try {
            JobExecutionResult result = job.getJobExecutionResult().get();
            values.put("jobState", "FINISHED");
            values.put("message", "finished after " + result.getNetRuntime() + " ms");
            status.write(Phase.ENDED, values);
            return 0;
        } catch (Exception e) {
            String state = wasCancelled(e) ? "CANCELED" : jobStatus(job);
            values.put("jobState", state);
            values.put("message", SqlErrorLocation.messageOf(e));
            status.write(Phase.ENDED, values);
            if (!state.equals("CANCELED")) {
                e.printStackTrace();
                return 1;
            }
            return 0;
        }
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

    private static boolean wasCancelled(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.apache.flink.runtime.client.JobCancellationException) {
                return true;
            }
        }
        return false;
    }

    private static String jobStatus(JobClient job) {
        try {
            return job.getJobStatus().get().name();
        } catch (Exception e) {
            // the per-job MiniCluster is already gone: say what the result said
            return "FAILED_OR_CANCELED";
        }
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
