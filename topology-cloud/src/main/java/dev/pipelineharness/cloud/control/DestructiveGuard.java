package dev.pipelineharness.cloud.control;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.pipelineharness.cloud.config.CloudKeys;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Refuses an operation that touches shared infrastructure (a failover, an RDS reboot, pausing a
 * connector the run did not create) unless the run is allowed to ({@link CloudKeys#ALLOW_DESTRUCTIVE})
 * <em>and</em> the target environment is on the allow-list ({@link CloudKeys#DESTRUCTIVE_ENVIRONMENTS}).
 * Two settings, so that a flag copied into the wrong CI job still cannot fail over production.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class DestructiveGuard {

    private final boolean allowed;
    private final List<String> allowList;
    private final String environmentId;

    public DestructiveGuard(boolean allowed, List<String> allowList, String environmentId) {
        this.allowed = allowed;
        this.allowList = List.copyOf(allowList);
        this.environmentId = environmentId;
    }

    /** @throws DestructiveOperationRefused saying which of the two settings is missing */
    public void check(String operation) {
        if (!allowed) {
            throw new DestructiveOperationRefused(operation + " touches shared infrastructure in environment "
                    + environmentId + " and is refused: the run is not allowed destructive operations (set "
                    + CloudKeys.ALLOW_DESTRUCTIVE + "=true, and list the environment in "
                    + CloudKeys.DESTRUCTIVE_ENVIRONMENTS + ")");
        }
        if (!allowList.contains(environmentId)) {
            throw new DestructiveOperationRefused(operation + " is refused: environment " + environmentId
                    + " is not on the allow-list " + CloudKeys.DESTRUCTIVE_ENVIRONMENTS + " " + allowList);
        }
    }

    public boolean permits() {
        return allowed && allowList.contains(environmentId);
    }

    /** A destructive operation the guard refused; nothing was called. */
    public static final class DestructiveOperationRefused extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        DestructiveOperationRefused(String message) {
            super(message);
        }
    }
}
