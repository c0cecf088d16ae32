/**
 * Kafka Connect for the embedded topology: {@link dev.pipelineharness.local.connect.ConnectWorker}
 * (a distributed worker in a child JVM) and {@link dev.pipelineharness.local.connect.ConnectorClient}
 * (its REST API).
 *
 * <h2>Feeding the Debezium JDBC sink from Flink</h2>
 * The Debezium JDBC sink needs records with a Connect schema, and Flink's {@code 'format'='json'}
 * writes plain JSON. The simplest correct bridge needs nothing from Flink: Flink writes plain JSON
 * (for example {@code 'connector'='upsert-kafka', 'key.format'='json', 'value.format'='json'}; a
 * DELETE becomes a tombstone) and the sink connector's own converters carry the schema, through
 * {@code JsonConverter}'s {@code schema.content} (Kafka 3.9+/4.x, KIP-1054): with it, each message is
 * read as the payload of that schema.
 * <pre>
 * key   {"id":1}
 * value {"id":1,"status":"paid","amount":12.25,"updated_at":1767225601000}   (null value = delete)
 *
 * "key.converter": "org.apache.kafka.connect.json.JsonConverter",
 * "key.converter.schemas.enable": "true",
 * "key.converter.schema.content": "{\"type\":\"struct\",\"optional\":false,\"fields\":[{\"field\":\"id\",\"type\":\"int64\",\"optional\":false}]}",
 * "value.converter": "org.apache.kafka.connect.json.JsonConverter",
 * "value.converter.schemas.enable": "true",
 * "value.converter.schema.content": "{\"type\":\"struct\",\"optional\":true,\"fields\":[ ... ]}"
 * </pre>
 * Type mapping: BIGINT to {@code int64}, INT to {@code int32}, DOUBLE to {@code double}, STRING to
 * {@code string}, BOOLEAN to {@code boolean}; a timestamp column is easiest as epoch milliseconds in
 * Flink ({@code UNIX_TIMESTAMP(...) * 1000} or a BIGINT) declared
 * {@code {"type":"int64","name":"org.apache.kafka.connect.data.Timestamp","version":1}}: Flink's
 * default JSON timestamp text ("2026-01-01 00:00:01") is not something the converter can parse into
 * a Connect Timestamp (declare it {@code string} to keep it as text). DECIMAL: declare {@code double}
 * or cast in Flink. The alternative, a {@code {"schema":...,"payload":...}} envelope written by Flink
 * itself, needs a ROW column per schema field and is easy to get wrong.
 */
package dev.pipelineharness.local.connect;
