package dev.pipelineharness.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pipelineharness.local.registry.SchemaRegistryServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.avro.AvroSchema;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.CachedSchemaRegistryClient;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.SchemaMetadata;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.RestService;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.rest.exceptions.RestClientException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Confluent's own client (kafka-schema-registry-client 7.5.3, relocated inside
 * flink-sql-avro-confluent-registry) against {@link SchemaRegistryServer}: every call it makes must be
 * understood and answered the way Confluent's registry answers.
 */
class ConfluentClientConformanceTest {

    static final String V1 = """
            {"type":"record","name":"Interaction","namespace":"dev.pipelineharness.test","fields":[
              {"name":"user_id","type":"string"},
              {"name":"event_type","type":"string"}]}""";
    /** V1 plus a field with a default: BACKWARD compatible (new readers fill the default into old data). */
    static final String V2_WITH_DEFAULT = """
            {"type":"record","name":"Interaction","namespace":"dev.pipelineharness.test","fields":[
              {"name":"user_id","type":"string"},
              {"name":"event_type","type":"string"},
              {"name":"quantity","type":"int","default":1}]}""";
    /** V1 plus a required field without default: not BACKWARD compatible (old data lacks it). */
    static final String V2_REQUIRED = """
            {"type":"record","name":"Interaction","namespace":"dev.pipelineharness.test","fields":[
              {"name":"user_id","type":"string"},
              {"name":"event_type","type":"string"},
              {"name":"price","type":"double"}]}""";

    SchemaRegistryServer server;
    CachedSchemaRegistryClient client;
    RestService rest;

    @BeforeEach
    void start() throws Exception {
        server = SchemaRegistryServer.start();
        client = new CachedSchemaRegistryClient(server.url().toString(), 100);
        rest = new RestService(server.url().toString());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void registersFetchesAndLooksUpLikeConfluentsRegistry() throws Exception {
        int id = client.register("interactions-value", new AvroSchema(V1));
        // a fresh client (no cache) must get the same answers from the server
        CachedSchemaRegistryClient fresh = new CachedSchemaRegistryClient(server.url().toString(), 100);

        assertThat(fresh.register("interactions-value", new AvroSchema(V1))).isEqualTo(id);
        assertThat(fresh.register("other-value", new AvroSchema(V1))).as("one schema, one id across subjects").isEqualTo(id);
        assertThat(((AvroSchema) fresh.getSchemaById(id)).rawSchema()).isEqualTo(new AvroSchema(V1).rawSchema());
        assertThat(fresh.getAllSubjects()).containsExactly("interactions-value", "other-value");
        assertThat(fresh.getAllVersions("interactions-value")).containsExactly(1);
        assertThat(fresh.getVersion("interactions-value", new AvroSchema(V1))).isEqualTo(1);
        assertThat(fresh.getId("interactions-value", new AvroSchema(V1))).isEqualTo(id);

        SchemaMetadata latest = fresh.getLatestSchemaMetadata("interactions-value");
        assertThat(latest.getId()).isEqualTo(id);
        assertThat(latest.getVersion()).isEqualTo(1);
        assertThat(new AvroSchema(latest.getSchema()).rawSchema()).isEqualTo(new AvroSchema(V1).rawSchema());
        assertThat(fresh.getSchemaMetadata("interactions-value", 1).getId()).isEqualTo(id);
        assertThat(rest.getId(id).getSchemaString()).isEqualTo(new AvroSchema(V1).rawSchema().toString());
        assertThat(fresh.getAllSubjectsById(id)).containsExactly("interactions-value", "other-value");
        assertThat(fresh.getAllVersionsById(id)).extracting(v -> v.getSubject() + "/" + v.getVersion())
                .containsExactly("interactions-value/1", "other-value/1");
    }

    @Test
    void backwardIsTheDefaultAndAddedFieldWithDefaultIsAccepted() throws Exception {
        int v1 = client.register("interactions-value", new AvroSchema(V1));

        assertThat(rest.getConfig(null).getCompatibilityLevel()).isEqualTo("BACKWARD");
        assertThat(client.testCompatibility("interactions-value", new AvroSchema(V2_WITH_DEFAULT))).isTrue();
        int v2 = client.register("interactions-value", new AvroSchema(V2_WITH_DEFAULT));

        assertThat(v2).isNotEqualTo(v1);
        assertThat(client.getAllVersions("interactions-value")).containsExactly(1, 2);
        assertThat(client.getLatestSchemaMetadata("interactions-value").getId()).isEqualTo(v2);
    }

    @Test
    void backwardIncompatibleChangeIsRejectedWith409() throws Exception {
        client.register("interactions-value", new AvroSchema(V1));

        assertThat(client.testCompatibility("interactions-value", new AvroSchema(V2_REQUIRED))).isFalse();
        assertThat(client.testCompatibilityVerbose("interactions-value", new AvroSchema(V2_REQUIRED)))
                .anySatisfy(message -> assertThat(message).contains("price"));
        RestClientException rejected = catchThrowableOfType(RestClientException.class,
                () -> client.register("interactions-value", new AvroSchema(V2_REQUIRED)));
        assertThat(rejected.getStatus()).isEqualTo(409);
        assertThat(rejected.getErrorCode()).isEqualTo(409);
        assertThat(rejected.getMessage()).contains("incompatible").contains("interactions-value");
        assertThat(client.getAllVersions("interactions-value")).containsExactly(1);
    }

    @Test
    void subjectCompatibilityCanBeChangedAndRemoved() throws Exception {
        client.register("interactions-value", new AvroSchema(V1));

        RestClientException notConfigured = catchThrowableOfType(RestClientException.class,
                () -> rest.getConfig("interactions-value"));
        assertThat(notConfigured.getErrorCode()).isEqualTo(40408);
        rest.updateCompatibility("NONE", "interactions-value");
        assertThat(rest.getConfig("interactions-value").getCompatibilityLevel()).isEqualTo("NONE");
        assertThat(client.register("interactions-value", new AvroSchema(V2_REQUIRED))).isPositive();

        rest.deleteConfig("interactions-value");
        assertThat(rest.getConfig(null).getCompatibilityLevel()).isEqualTo("BACKWARD");
        RestClientException badLevel = catchThrowableOfType(RestClientException.class,
                () -> rest.updateCompatibility("SIDEWAYS", null));
        assertThat(badLevel.getErrorCode()).isEqualTo(42203);
    }

    @Test
    void errorsCarryConfluentsCodes() throws Exception {
        RestClientException unknownId = catchThrowableOfType(RestClientException.class, () -> client.getSchemaById(999));
        assertThat(unknownId.getStatus()).isEqualTo(404);
        assertThat(unknownId.getErrorCode()).isEqualTo(40403);

        RestClientException unknownSubject = catchThrowableOfType(RestClientException.class,
                () -> client.getLatestSchemaMetadata("nobody-value"));
        assertThat(unknownSubject.getErrorCode()).isEqualTo(40401);

        client.register("interactions-value", new AvroSchema(V1));
        RestClientException unknownVersion = catchThrowableOfType(RestClientException.class,
                () -> client.getSchemaMetadata("interactions-value", 7));
        assertThat(unknownVersion.getErrorCode()).isEqualTo(40402);

        HttpResponse<String> invalid = post("/subjects/interactions-value/versions", "{\"schema\":\"{\\\"type\\\":\\\"nope\\\"}\"}");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("\"error_code\":42201");
        assertThat(invalid.headers().firstValue("Content-Type")).hasValue("application/vnd.schemaregistry.v1+json");
    }

    @Test
    void rawSchemaEndpointsAndSubjectDeletion() throws Exception {
        int id = client.register("interactions-value", new AvroSchema(V1));
        HttpClient http = HttpClient.newHttpClient();

        String raw = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/schemas/ids/" + id + "/schema")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(new AvroSchema(raw).rawSchema()).isEqualTo(new AvroSchema(V1).rawSchema());
        String latest = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/subjects/interactions-value/versions/latest/schema")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(latest).isEqualTo(raw);

        assertThat(client.deleteSubject("interactions-value", false)).containsExactly(1);
        assertThat(client.getAllSubjects()).isEmpty();
        assertThat(((AvroSchema) new CachedSchemaRegistryClient(server.url().toString(), 10).getSchemaById(id)).rawSchema())
                .as("ids stay readable after their subject is deleted").isEqualTo(new AvroSchema(V1).rawSchema());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
