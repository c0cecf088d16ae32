package dev.pipelineharness.cloud.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.pipelineharness.api.Secret;
import dev.pipelineharness.cloud.config.SecretMasker;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WireMockTest
class CloudHttpTest {

    private static final ApiCredentials KEY = new ApiCredentials("Kafka REST (east)",
            "pipeline-harness.cloud.kafka.east.api-key", "pipeline-harness.cloud.kafka.east.api-secret",
            Secret.of("KEY123"), Secret.of("s3cret-value"));

    private final List<Duration> waits = new ArrayList<>();
    private SecretMasker masker;

    @BeforeEach
    void masker() {
        masker = new SecretMasker();
        masker.add("s3cret-value");
    }

    private CloudHttp http(Duration deadline) {
        return new CloudHttp(CloudHttp.defaultClient(), deadline, false, new CallLog(), masker, waits::add);
    }

    @Test
    void a429IsRetriedAfterTheSecondsRetryAfterAsksFor(WireMockRuntimeInfo wm) {
        wm.getWireMock().register(get(urlEqualTo("/t")).inScenario("rate").whenScenarioStateIs(STARTED)
                .willSetStateTo("ok").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error_code\":429,\"message\":\"Too Many Requests\"}")));
        wm.getWireMock().register(get(urlEqualTo("/t")).inScenario("rate").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"data\":[]}")));

        ApiResponse response = http(Duration.ofMinutes(1)).get(URI.create(wm.getHttpBaseUrl() + "/t"), KEY);

        assertThat(response.status()).isEqualTo(200);
        assertThat(waits).containsExactly(Duration.ofSeconds(7));
        wm.getWireMock().verifyThat(2, getRequestedFor(urlEqualTo("/t")));
    }

    @Test
    void withoutRetryAfterA429OrA5xxBacksOffExponentially(WireMockRuntimeInfo wm) {
        wm.getWireMock().register(get(urlEqualTo("/t")).inScenario("busy").whenScenarioStateIs(STARTED)
                .willSetStateTo("2").willReturn(aResponse().withStatus(429)));
        wm.getWireMock().register(get(urlEqualTo("/t")).inScenario("busy").whenScenarioStateIs("2")
                .willSetStateTo("3").willReturn(aResponse().withStatus(503)));
        wm.getWireMock().register(get(urlEqualTo("/t")).inScenario("busy").whenScenarioStateIs("3")
                .willReturn(okJson("{}")));

        http(Duration.ofMinutes(1)).get(URI.create(wm.getHttpBaseUrl() + "/t"), KEY);

        assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void aRetryAfterBeyondTheDeadlineFailsAtOnceSayingWhat(WireMockRuntimeInfo wm) {
        wm.getWireMock().register(get(urlEqualTo("/t")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "600")));

        assertThatThrownBy(() -> http(Duration.ofSeconds(30)).get(URI.create(wm.getHttpBaseUrl() + "/t"), KEY))
                .hasMessageContaining("GET /t: gave up after retrying for 30 s")
                .hasMessageContaining("rate limited (429, asked to wait 600 s)")
                .hasMessageContaining("pipeline-harness.cloud.retry-deadline");
        assertThat(waits).isEmpty();
    }

    @Test
    void a401NamesTheKeySettingsAndNeverTheValues(WireMockRuntimeInfo wm) {
        wm.getWireMock().register(get(urlEqualTo("/t")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error_code\":40101,\"message\":\"Authentication failed\"}")));

        assertThatThrownBy(() -> http(Duration.ofSeconds(5)).get(URI.create(wm.getHttpBaseUrl() + "/t"), KEY))
                .isInstanceOfSatisfying(CloudApiException.class, e -> assertThat(e.errorCode()).isEqualTo("40101"))
                .hasMessageContaining("answered 401: Authentication failed")
                .hasMessageContaining("did not accept the key in pipeline-harness.cloud.kafka.east.api-key and "
                        + "pipeline-harness.cloud.kafka.east.api-secret")
                .hasMessageNotContaining("KEY123").hasMessageNotContaining("s3cret-value");
    }

    @Test
    void a403SaysTheKeyIsValidButNotAllowed(WireMockRuntimeInfo wm) {
        wm.getWireMock().register(get(urlEqualTo("/t")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error_code\":40301,\"message\":\"Request is not authorized\"}")));

        assertThatThrownBy(() -> http(Duration.ofSeconds(5)).get(URI.create(wm.getHttpBaseUrl() + "/t"), KEY))
                .hasMessageContaining("answered 403: Request is not authorized")
                .hasMessageContaining("the key in pipeline-harness.cloud.kafka.east.api-key is valid but not allowed");
    }

    @Test
    void anErrorBodyEchoingASecretIsMasked(WireMockRuntimeInfo wm) {
        wm.getWireMock().register(get(urlEqualTo("/t")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":400,\"message\":\"bad value s3cret-value for kafka.api.secret\"}}")));

        assertThatThrownBy(() -> http(Duration.ofSeconds(5)).get(URI.create(wm.getHttpBaseUrl() + "/t"), KEY))
                .hasMessageContaining("bad value ****** for kafka.api.secret").hasMessageNotContaining("s3cret-value");
    }

    @Test
    void planModeSendsReadsAndHoldsBackWrites(WireMockRuntimeInfo wm) {
        wm.getWireMock().register(get(urlEqualTo("/t")).willReturn(okJson("{\"data\":[1]}")));
        CallLog log = new CallLog();
        CloudHttp http = new CloudHttp(CloudHttp.defaultClient(), Duration.ofSeconds(5), true, log, masker, waits::add);

        assertThat(http.get(URI.create(wm.getHttpBaseUrl() + "/t"), KEY).body().path("data").size()).isEqualTo(1);
        ApiResponse planned = http.post(URI.create(wm.getHttpBaseUrl() + "/t"), KEY,
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("secret", "s3cret-value"));

        assertThat(planned.status()).isEqualTo(202);
        assertThat(wm.getWireMock().find(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()))).hasSize(1);
        assertThat(log.calls()).extracting(RecordedCall::line).containsExactly(
                "SENT    GET " + wm.getHttpBaseUrl() + "/t [Kafka REST (east) key from pipeline-harness.cloud.kafka.east.api-key]",
                "PLANNED POST " + wm.getHttpBaseUrl() + "/t [Kafka REST (east) key from pipeline-harness.cloud.kafka.east.api-key]"
                        + " {\"secret\":\"******\"}");
    }
}
