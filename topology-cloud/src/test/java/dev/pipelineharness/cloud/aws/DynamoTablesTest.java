package dev.pipelineharness.cloud.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.pipelineharness.api.DynamoDbEndpoint;
import dev.pipelineharness.api.DynamoTableSpec;
import dev.pipelineharness.api.Secret;
import dev.pipelineharness.cloud.http.CallLog;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** DynamoDB's JSON 1.0 protocol as the SDK speaks it, stubbed: CREATING then ACTIVE, then gone after delete. */
@WireMockTest
class DynamoTablesTest {

    private static final String TARGET = "X-Amz-Target";
    /** The stub answers at once: the SDK's 20 s between two DescribeTable calls would only make the test slow. */
    private static final Duration POLL = Duration.ofMillis(10);

    @Test
    void createsAwaitsActiveAndDeletesAwaitingGone(WireMockRuntimeInfo wm) {
        var stub = wm.getWireMock();
        stub.register(post(urlEqualTo("/")).withHeader(TARGET, equalTo("DynamoDB_20120810.CreateTable"))
                .willReturn(json("{\"TableDescription\":{\"TableName\":\"t\",\"TableStatus\":\"CREATING\"}}")));
        stub.register(post(urlEqualTo("/")).withHeader(TARGET, equalTo("DynamoDB_20120810.DescribeTable"))
                .inScenario("table").whenScenarioStateIs(STARTED).willSetStateTo("active")
                .willReturn(json("{\"Table\":{\"TableName\":\"t\",\"TableStatus\":\"CREATING\"}}")));
        stub.register(post(urlEqualTo("/")).withHeader(TARGET, equalTo("DynamoDB_20120810.DescribeTable"))
                .inScenario("table").whenScenarioStateIs("active")
                .willReturn(json("{\"Table\":{\"TableName\":\"t\",\"TableStatus\":\"ACTIVE\"}}")));
        stub.register(post(urlEqualTo("/")).withHeader(TARGET, equalTo("DynamoDB_20120810.DeleteTable"))
                .inScenario("table").willSetStateTo("gone")
                .willReturn(json("{\"TableDescription\":{\"TableName\":\"t\",\"TableStatus\":\"DELETING\"}}")));
        stub.register(post(urlEqualTo("/")).withHeader(TARGET, equalTo("DynamoDB_20120810.DescribeTable"))
                .inScenario("table").whenScenarioStateIs("gone")
                .willReturn(json("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\","
                        + "\"message\":\"Requested resource not found\"}").withStatus(400)));

        try (DynamoTables tables = new DynamoTables(endpoint(wm), false, new CallLog(), POLL)) {
            tables.create(new DynamoTableSpec("interactions", "user_id", "S", "ts", "N", "NEW_IMAGE"),
                    "ph202612010815_r1_x_interactions", Duration.ofSeconds(30));
            tables.delete("ph202612010815_r1_x_interactions", Duration.ofSeconds(30));
        }

        stub.verifyThat(postRequestedFor(urlEqualTo("/")).withHeader(TARGET, equalTo("DynamoDB_20120810.CreateTable"))
                .withRequestBody(matchingJsonPath("$.TableName", equalTo("ph202612010815_r1_x_interactions")))
                .withRequestBody(matchingJsonPath("$.BillingMode", equalTo("PAY_PER_REQUEST")))
                .withRequestBody(matchingJsonPath("$.StreamSpecification.StreamViewType", equalTo("NEW_IMAGE"))));
        // CREATING, ACTIVE, then not found after the delete: both waits polled until the state changed
        stub.verifyThat(3, postRequestedFor(urlEqualTo("/"))
                .withHeader(TARGET, equalTo("DynamoDB_20120810.DescribeTable")));
    }

    @Test
    void inPlanModeNothingIsSent(WireMockRuntimeInfo wm) {
        CallLog log = new CallLog();
        try (DynamoTables tables = new DynamoTables(endpoint(wm), true, log, POLL)) {
            tables.create(new DynamoTableSpec("t", "id", "S", null, null, null), "ph202612010815_r1_x_t", Duration.ofSeconds(1));
            tables.delete("ph202612010815_r1_x_t", Duration.ofSeconds(1));
        }
        wm.getWireMock().verifyThat(0, anyRequestedFor(anyUrl()));
        assertThat(log.calls()).hasSize(2).allSatisfy(call -> assertThat(call.sent()).isFalse());
    }

    private static DynamoDbEndpoint endpoint(WireMockRuntimeInfo wm) {
        return new DynamoDbEndpoint(Optional.of(URI.create(wm.getHttpBaseUrl())), "us-east-1", Optional.of("AKID"),
                Optional.of(Secret.of("aws-secret")));
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0").withBody(body);
    }
}
