package dev.pipelineharness.flinkrunner;

import dev.pipelineharness.flinkrunner.JobStatusFile.Phase;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The main class of the Flink child JVM: runs a pipeline's SQL files on a local MiniCluster.
 *
 * <p>The {@code *.sql} files of the job directory are read in file-name order and split at semicolons
 * ({@link SqlScript}: semicolons in quotes and comments do not count), then planned and submitted as
 * one job ({@link SqlJobSubmission}). The run's deployments use {@link FlinkSessionRunner} instead;
 * this runner gives a job a JVM of its own, for tests that SIGKILL or SIGSTOP it.
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
        SecretValues.maskStandardStreams();
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
        StreamExecutionEnvironment environment;
        try {
            // the files hold ${secret.NAME} references; the values came in this JVM's environment
            statements = SecretValues.fromEnvironment(System::getenv).fill(SqlScript.readDirectory(arguments.jobDirectory()));
            restoreFrom = arguments.restoreLatest() ? latestCheckpoint(arguments) : null;
            environment = StreamExecutionEnvironment.getExecutionEnvironment(MiniClusterSettings.of(arguments, restoreFrom));
        } catch (Exception e) {
            e.printStackTrace();
            status.write(Phase.STARTUP_ERROR, Map.of("message", SqlErrorLocation.messageOf(e)));
            return 2;
        }
        progress("read " + statements.size() + " statement(s) from " + arguments.jobDirectory()
                + (restoreFrom == null ? "" : "; restoring from " + restoreFrom));
        SqlJobSubmission.Outcome outcome = SqlJobSubmission.submit(statements, environment, restoreFrom);
        status.write(outcome.phase(), outcome.values());
        if (!outcome.submitted()) {
            return outcome.exitCode();
        }
        return awaitEnd(outcome.job(), status, outcome.values());
    }

    /** A line in the log saying how far start-up got, with the JVM's uptime, to see where start-up time goes. */
    static void progress(String what) {
        System.out.println("pipeline-harness flink runner +"
                + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() + " ms: " + what);
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
}
