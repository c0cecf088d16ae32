package dev.pipelineharness.api.control;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Locale;
import org.apiguardian.api.API;

/** What can be done to a component; each has the fault kind ({@link #faultKind()}) scenarios name. */
@API(status = EXPERIMENTAL, since = "0.2")
public enum ComponentOperation {
    /** Stopped without warning (SIGKILL, a container killed, a cloud instance terminated). */
    KILL,
    /** Frozen and thawed (SIGSTOP / SIGCONT, a container paused): alive, but answering nothing. */
    PAUSE,
    /** Stopped gracefully and started again on its data. */
    RESTART;

    /** {@code kill}, {@code pause}, {@code restart}. */
    public String faultKind() {
        return name().toLowerCase(Locale.ROOT);
    }
}
