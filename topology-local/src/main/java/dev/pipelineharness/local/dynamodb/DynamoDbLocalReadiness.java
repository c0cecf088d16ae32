package dev.pipelineharness.local.dynamodb;

import dev.pipelineharness.api.DynamoDbEndpoint;
import dev.pipelineharness.topology.support.BoundedWait;
import dev.pipelineharness.local.process.ManagedProcess;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** DynamoDB Local is ready when it answers a ListTables call (the port alone opens before requests are served). */
final class DynamoDbLocalReadiness {

    private DynamoDbLocalReadiness() {
    }

    static void await(DynamoDbEndpoint endpoint, ManagedProcess process, Duration timeout) {
        try (DynamoDbClient client = DynamoDbClients.client(endpoint, Duration.ofSeconds(2))) {
            BoundedWait.until("DynamoDB Local at " + endpoint.endpointOverride().orElseThrow()
                    + " to answer ListTables", timeout, process, () -> {
                        client.listTables();
                        return true;
                    });
        }
    }
}
