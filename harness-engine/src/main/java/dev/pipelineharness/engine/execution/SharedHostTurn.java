package dev.pipelineharness.engine.execution;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.pipelineharness.engine.Constants;
import dev.pipelineharness.engine.config.HarnessConfiguration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * A shared turn at this machine's host lock, for work that is not a scenario run but loads the machine
 * as one does: a component's integration tests in the same build as the scenarios. While it is held, a
 * scenario that runs alone (a fault on a shared component) waits for it, and while such a scenario runs,
 * taking one waits; so a fault's timings never measure these tests' load.
 *
 * <p>Configured as a run is, here from system properties: {@value Constants#HOST_LOCK_PROPERTY_NAME}
 * and {@value Constants#HOST_LOCK_TIMEOUT_PROPERTY_NAME}, with the same defaults. Past the timeout the
 * turn is granted anyway and {@link #missed()} says so. Not for a JVM that also runs scenarios: the
 * engine has its own lock on the file there, and one JVM's locks on a file must not overlap.
 */
@API(status = EXPERIMENTAL, since = "0.3")
public final class SharedHostTurn implements AutoCloseable {

    /** One per JVM: its holders are counted, so the JVM holds the file's shared lock once for all of them. */
    private static HostLock machine;

    private final HostLock.Turn turn;

    private SharedHostTurn(HostLock.Turn turn) {
        this.turn = turn;
    }

    /** Takes a shared turn, waiting while another run has a scenario running alone; {@code waiting} hears once that it waits. */
    public static SharedHostTurn take(Consumer<String> waiting) {
        return new SharedHostTurn(machine().shared(waiting));
    }

    /** Why the turn was not had within the timeout (the work then runs anyway), or empty. */
    public Optional<String> missed() {
        return turn.missed();
    }

    @Override
    public void close() {
        turn.close();
    }

    private static synchronized HostLock machine() {
        if (machine == null) {
            Map<String, String> settings = new TreeMap<>();
            for (String key : new String[] {Constants.HOST_LOCK_PROPERTY_NAME, Constants.HOST_LOCK_TIMEOUT_PROPERTY_NAME}) {
                String value = System.getProperty(key);
                if (value != null) {
                    settings.put(key, value);
                }
            }
            HarnessConfiguration configuration = HarnessConfiguration.from(settings);
            machine = HostLock.open(configuration.hostLock(), configuration.hostLockTimeout());
        }
        return machine;
    }
}
