package dev.pipelineharness.local.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free ports on the loopback interface, for components that must be told their port before they bind it.
 *
 * <p>Between the pick and the component's own bind lies a window in which someone else may take the
 * port. Two things fill that window here. Ports come from <em>below</em> the kernel's ephemeral range
 * ({@code ip_local_port_range}), where the many outgoing connections of brokers, clients and proxies
 * never land (a port from {@code bind(0)} is ephemeral, and an outgoing connection could take it). And a
 * picked port is reserved for the life of this JVM with a file lock, so neither this JVM nor another
 * harness JVM on the machine (a parallel test fork, a second run) picks it again.
 */
public final class FreePorts {

    private static final int ATTEMPTS = 500;
    private static final Path LOCKS = Path.of(System.getProperty("java.io.tmpdir"), "pipeline-harness-ports");
    /** Held until the JVM exits, which releases the locks. */
    private static final Map<Integer, FileLock> RESERVED = new ConcurrentHashMap<>();
    private static final int[] RANGE = range();

    private FreePorts() {
    }

    public static int pick() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(RANGE[0], RANGE[1] + 1);
            if (!RESERVED.containsKey(port) && reserve(port)) {
                if (bindable(port)) {
                    return port;
                }
            }
        }
        throw new IllegalStateException("No free port on the loopback interface after " + ATTEMPTS + " tries in "
                + RANGE[0] + "-" + RANGE[1]);
    }

    private static boolean reserve(int port) {
        try {
            Files.createDirectories(LOCKS);
            FileChannel channel = FileChannel.open(LOCKS.resolve(port + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return false;
            }
            RESERVED.put(port, lock);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reserve a port under " + LOCKS, e);
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false; // taken by something that does not use our reservations
        }
    }

    /** Ports between 20000 and the start of the ephemeral range, or above its end where it starts lower. */
    static int[] range() {
        int low = 32768;
        int high = 60999;
        // a reader, not Files.readString: procfs reports a size of 0, and readString then returned "3" here
        try (BufferedReader reader = Files.newBufferedReader(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
            String[] bounds = reader.readLine().trim().split("\\s+");
            low = Integer.parseInt(bounds[0]);
            high = Integer.parseInt(bounds[1]);
        } catch (IOException | RuntimeException e) {
            // not Linux: keep the defaults, which are Linux's and close to other systems' (49152-65535)
        }
        if (low - 1 - 20000 >= 2000) {
            return new int[] {20000, low - 1};
        }
        return new int[] {Math.min(high + 1, 63000), 65000};
    }
}
