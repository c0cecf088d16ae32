package dev.pipelineharness.faults;

import dev.pipelineharness.api.FaultContext;
import dev.pipelineharness.formats.avro.SchemaRegistryClient;
import dev.pipelineharness.formats.avro.SchemaRegistryException;
import java.time.Duration;
import java.util.List;
import org.apache.avro.Schema;

/**
 * {@link SchemaRegistrationFaultProvider}'s calls, through the harness's one Schema Registry client
 * (the formats library's, which the generators and checks use too), against the deployment's registry
 * with its credentials.
 */
final class HttpSchemaRegistryCalls implements SchemaRegistrationFaultProvider.SchemaRegistryCalls {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    @Override
    public List<Integer> versions(FaultContext context, String subject) {
        return client(context).versions(subject);
    }

    @Override
    public SchemaRegistrationFaultProvider.Answer register(FaultContext context, String subject, String schema) {
        try {
            int id = client(context).register(subject, new Schema.Parser().parse(schema));
            return new SchemaRegistrationFaultProvider.Answer(200, "id " + id);
        } catch (SchemaRegistryException refused) {
            if (refused.status() <= 0) {
                throw refused; // not an answer: the registry could not be reached
            }
            return new SchemaRegistrationFaultProvider.Answer(refused.status(), refused.getMessage());
        }
    }

    private static SchemaRegistryClient client(FaultContext context) {
        return new SchemaRegistryClient(context.deployment().endpoints().schemaRegistry().orElseThrow(() ->
                new IllegalStateException("register-schema needs a schema registry, and this topology has none")),
                context.deployment().endpoints().schemaRegistryCredentials(), TIMEOUT);
    }
}
