package dev.pipelineharness.cloud.failover;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.pipelineharness.api.Deployment;
import java.util.List;
import org.apiguardian.api.API;

/** What the failover drill needs of a cloud deployment: its mirrors, its continuous statements, its cleanup. */
@API(status = INTERNAL, since = "0.2")
public interface FailoverSubject {

    /** Something the drill made that must go with the deployment, should the heal not get to it. */
    @FunctionalInterface
    interface Cleanup {
        void run() throws Exception;
    }

    Deployment deployment();

    /** The deployment's topics as mirror topics of the cluster link in the DR region (physical names). */
    List<String> mirrorTopics();

    /** The deployment's continuous statements in the primary region, in submission order. */
    List<StatementToMove> continuousStatements();

    /** Registers {@code cleanup} to run when the deployment is removed (first, before its own resources). */
    void removeOnClose(Cleanup cleanup);
}
