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
        if (range[0] == 20000) { // Linux with the usual ip_local_port_range
            assertThat(range[1]).isLessThan(32768);
        }
    }
}
