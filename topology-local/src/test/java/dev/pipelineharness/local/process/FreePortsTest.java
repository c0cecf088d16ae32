package dev.pipelineharness.local.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void picksDistinctBindablePortsOutsideTheEphemeralRange() throws Exception {
        int[] range = FreePorts.range();
        Set<Integer> picked = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            int port = FreePorts.pick();
            assertThat(port).isBetween(range[0], range[1]);
            assertThat(picked.add(port)).as("port %d handed out twice", port).isTrue();
        }
        int port = FreePorts.pick();
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
        java.nio.file.Path kernelRange = java.nio.file.Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        if (java.nio.file.Files.isReadable(kernelRange)
                && java.nio.file.Files.readAllLines(kernelRange).get(0).trim().startsWith("32768")) {
            assertThat(range).as("on Linux with the usual ip_local_port_range, 32768-60999").containsExactly(20000, 32767);
        }
    }
}
