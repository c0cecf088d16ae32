package dev.pipelineharness.local.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipelineharness.api.JdbcEndpoint;
import dev.pipelineharness.local.kafka.SingleKafkaRegion;
import dev.pipelineharness.local.postgres.PostgresServer;
import dev.pipelineharness.testkit.SharesTheMachine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Real PostgreSQL, a real KRaft broker and a real distributed Connect worker with Debezium:
 * change events out of PostgreSQL, Flink-shaped records into PostgreSQL, a PostgreSQL crash in the
 * middle, and a connector file with a typo. The connector files are the examples in the test
 * resources, with placeholders filled as the topology fills them.
 */
@ExtendWith(SharesTheMachine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresConnectRoundTripIT {

    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration FLOW = Duration.ofSeconds(45);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path workDir = Path.of("target", "it-work", "postgres-connect-it").toAbsolutePath();
    private SingleKafkaRegion kafka;
    private PostgresServer postgres;
    private ConnectWorker worker;
    private ConnectorClient connectors;

    @BeforeAll
    void startTopology() throws Exception {
        Files.createDirectories(workDir);
        long t0 = System.nanoTime();
        CompletableFuture<PostgresServer> pg = CompletableFuture.supplyAsync(() -> {
            long started = System.nanoTime();
            PostgresServer server = PostgresServer.start(workDir.resolve("postgres"),
                    workDir.resolve("logs/postgres.log"), START);
            bench("postgres.start.seconds", seconds(started));
            return server;
        });
        try {
            kafka = SingleKafkaRegion.start(workDir.resolve("kafka"), START);
            // the worker needs only Kafka: it starts while PostgreSQL may still be starting
            long workerStart = System.nanoTime();
            worker = ConnectWorker.start("it", kafka.bootstrapServers(), workDir.resolve("connect"),
                    workDir.resolve("logs/connect.log"), START);
            bench("connect.worker.ready.seconds", seconds(workerStart));
        } finally {
            postgres = pg.join();
        }
        bench("setup.total.seconds", seconds(t0));
        connectors = worker.connectors();
    }

    @AfterAll
    void stopTopology() {
        if (worker != null) {
            bench("connect.worker.rss.mb", rssMb(worker.process().pid(), "VmRSS"));
            bench("connect.worker.peak-rss.mb", rssMb(worker.process().pid(), "VmHWM"));
            worker.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(0)
    void theWorkerFindsBothDebeziumPluginsThroughServiceLoad() {
        assertThat(connectors.plugins()).contains(ConnectWorker.POSTGRES_SOURCE_CLASS, ConnectWorker.JDBC_SINK_CLASS);
    }

    @Test
    @Order(1)
    void insertUpdateDeleteArriveAsDebeziumChangeEventsInOrder() throws Exception {
        String ns = "cdc_a";
        postgres.createSchema(ns);
        sql("CREATE TABLE cdc_a.orders (id bigint PRIMARY KEY, status text, amount numeric(10,2))");
        PipelineConnectorFile source = sourceConnector(ns);
        connectors.create(source.name(), source.config(), source.displayName());
        connectors.awaitRunning(source.name(), FLOW);

        sql("INSERT INTO cdc_a.orders VALUES (1, 'new', 10.50)");
        sql("UPDATE cdc_a.orders SET status = 'paid' WHERE id = 1");
        sql("DELETE FROM cdc_a.orders WHERE id = 1");

        List<ConsumerRecord<String, String>> records = consumeUntil("cdc_a.cdc_a.orders", 4);
        List<String> ops = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            ops.add(record.value() == null ? "tombstone" : JSON.readTree(record.value()).at("/payload/op").asText());
        }
        assertThat(ops).containsExactly("c", "u", "d", "tombstone");
        JsonNode created = JSON.readTree(records.get(0).value());
        assertThat(created.at("/schema/name").asText()).isEqualTo("cdc_a.cdc_a.orders.Envelope");
        assertThat(created.at("/payload/after/status").asText()).isEqualTo("new");
        assertThat(created.at("/payload/after/amount").asDouble()).isEqualTo(10.5);
        assertThat(JSON.readTree(records.get(1).value()).at("/payload/after/status").asText()).isEqualTo("paid");
        assertThat(JSON.readTree(records.get(2).value()).at("/payload/before/id").asLong()).isEqualTo(1L);
        assertThat(JSON.readTree(records.get(0).key()).at("/payload/id").asLong()).isEqualTo(1L);
        assertThat(querySingle("SELECT count(*) FROM pg_replication_slots WHERE slot_name = 'cdc_a_slot'")).isEqualTo("1");
        assertThat(querySingle("SELECT count(*) FROM pg_publication_tables WHERE pubname = 'cdc_a_pub'")).isEqualTo("1");

        measureLatency("cdc_a.cdc_a.orders");
        connectors.delete(source.name());
    }

    @Test
    @Order(2)
    void flinkShapedJsonRecordsAreUpsertedAndDeletedThroughTheJdbcSink() throws Exception {
        String ns = "sink_b";
        String topic = "sink_b_orders_out";
        postgres.createSchema(ns);
        try (var admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        // Exactly what Flink writes with 'connector'='upsert-kafka', 'key.format'='json', 'value.format'='json'
        // (a DELETE becomes a tombstone); the sink's converters get the schema from schema.content.
        long ts = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, "{\"id\":1}",
                    "{\"id\":1,\"status\":\"new\",\"amount\":10.5,\"updated_at\":" + ts + "}"));
            producer.send(new ProducerRecord<>(topic, "{\"id\":2}",
                    "{\"id\":2,\"status\":\"new\",\"amount\":7.0,\"updated_at\":" + ts + "}"));
            producer.send(new ProducerRecord<>(topic, "{\"id\":1}",
                    "{\"id\":1,\"status\":\"paid\",\"amount\":12.25,\"updated_at\":" + (ts + 1000) + "}"));
            producer.send(new ProducerRecord<>(topic, "{\"id\":3}",
                    "{\"id\":3,\"status\":null,\"amount\":null,\"updated_at\":null}"));
            producer.send(new ProducerRecord<>(topic, "{\"id\":2}", null));
            producer.flush();
        }
        PipelineConnectorFile sink = sinkConnector(ns, topic);
        connectors.create(sink.name(), sink.config(), sink.displayName());
        connectors.awaitRunning(sink.name(), FLOW);

        await("the JDBC sink to upsert ids 1 and 3 and delete id 2 in sink_b." + topic)
                .atMost(FLOW).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .untilAsserted(() -> assertThat(query("SELECT id, status, amount, updated_at FROM sink_b."
                        + topic + " ORDER BY id")).containsExactly(
                        "1|paid|12.25|2026-01-01 00:00:01", "3|null|null|null"));
        assertThat(querySingle("SELECT data_type FROM information_schema.columns WHERE table_schema = 'sink_b'"
                + " AND table_name = '" + topic + "' AND column_name = 'updated_at'"))
                .startsWith("timestamp");
        connectors.delete(sink.name());
    }

    @Test
    @Order(3)
    void committedRowsSurvivePostgresSigkillAndTheSourceContinues() throws Exception {
        String ns = "crash_c";
        postgres.createSchema(ns);
        sql("CREATE TABLE crash_c.orders (id bigint PRIMARY KEY, status text)");
        PipelineConnectorFile source = sourceConnector(ns);
        connectors.create(source.name(), source.config(), source.displayName());
        connectors.awaitRunning(source.name(), FLOW);
        for (int id = 1; id <= 20; id++) {
            sql("INSERT INTO crash_c.orders VALUES (" + id + ", 'before-crash')");
        }

        postgres.kill();
        long restarted = System.nanoTime();
        postgres.restart(START);
        bench("postgres.crash-restart.seconds", seconds(restarted));
        assertThat(querySingle("SELECT count(*) FROM crash_c.orders")).isEqualTo("20");

        for (int id = 21; id <= 30; id++) {
            sql("INSERT INTO crash_c.orders VALUES (" + id + ", 'after-crash')");
        }
        long recovery = System.nanoTime();
        Set<Long> seen = Collections.synchronizedSet(new LinkedHashSet<>());
        boolean restartedByRest = false;
        try (KafkaConsumer<String, String> consumer = consumer("crash_c.crash_c.orders")) {
            long deadline = System.nanoTime() + FLOW.toNanos();
            while (seen.size() < 30 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null) {
                        seen.add(JSON.readTree(record.value()).at("/payload/after/id").asLong());
                    }
                }
                ConnectorStatus status = connectors.status(source.name());
                if (status.hasFailed()) {
                    // The documented recovery when Debezium gives up on a lost connection.
                    System.out.println("connector failed after the crash, restarting it: " + status.failures());
                    connectors.restart(source.name());
                    restartedByRest = true;
                }
            }
        }
        bench("debezium.recovery-after-pg-crash.seconds", seconds(recovery));
        System.out.println("source connector restarted through REST after the crash: " + restartedByRest);
        assertThat(seen).containsAll(IntStream.rangeClosed(1, 30).mapToObj(Long::valueOf).toList());
        assertThat(connectors.status(source.name()).isRunning()).isTrue();
        connectors.delete(source.name());
    }

    @Test
    @Order(4)
    void aConnectorFileWithATypoIsRejectedWithConnectsMessageAndTheFileName() {
        PipelineConnectorFile typo = sourceConnector("typo_d").without("database.hostname")
                .with("database.hostnmae", postgres.jdbcEndpoint().host());

        assertThatThrownBy(() -> connectors.create(typo.name(), typo.config(), typo.displayName()))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining("connectors/postgres-cdc-source.json")
                .hasMessageContaining("database.hostname")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(postgres.jdbcEndpoint().password().reveal()));
        assertThat(connectors.list()).doesNotContain(typo.name());

        PipelineConnectorFile badValue = sourceConnector("typo_d").with("plugin.name", "pgoutptu");
        assertThatThrownBy(() -> connectors.create(badValue.name(), badValue.config(), badValue.displayName()))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining("plugin.name");

        PipelineConnectorFile badClass = sourceConnector("typo_d")
                .with("connector.class", "io.debezium.connector.postgresql.PostgresConector");
        assertThatThrownBy(() -> connectors.create(badClass.name(), badClass.config(), badClass.displayName()))
                .isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining("connectors/postgres-cdc-source.json")
                .hasMessageContaining("PostgresConector");
        assertThat(connectors.list()).doesNotContain(typo.name());
    }

    @Test
    @Order(6)
    void thePostgresPasswordAppearsInNoLog() throws Exception {
        String password = postgres.jdbcEndpoint().password().reveal();
        assertThat(Files.readString(worker.logFile())).contains("database.password = ********").doesNotContain(password);
        assertThat(Files.readString(postgres.logFile())).doesNotContain(password);
    }

    @Test
    @Order(5)
    void aWorkerKilledWithSigkillComesBackWithItsConnectorsAndMissesNoChange() throws Exception {
        String ns = "worker_e";
        postgres.createSchema(ns);
        sql("CREATE TABLE worker_e.orders (id bigint PRIMARY KEY, status text)");
        PipelineConnectorFile source = sourceConnector(ns);
        connectors.create(source.name(), source.config(), source.displayName());
        connectors.awaitRunning(source.name(), FLOW);
        for (int id = 1; id <= 10; id++) {
            sql("INSERT INTO worker_e.orders VALUES (" + id + ", 'before-kill')");
        }
        assertThat(idsOf(consumeUntil("worker_e.worker_e.orders", 10))).hasSize(10);
        long oldPid = worker.process().pid();

        worker.kill();
        for (int id = 11; id <= 20; id++) {
            sql("INSERT INTO worker_e.orders VALUES (" + id + ", 'while-worker-down')");
        }
        long restarted = System.nanoTime();
        worker.restart(START);
        bench("connect.worker.restart-ready.seconds", seconds(restarted));
        assertThat(worker.process().pid()).isNotEqualTo(oldPid);
        connectors.awaitRunning(source.name(), FLOW);
        bench("connect.worker.restart-connector-running.seconds", seconds(restarted));

        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer("worker_e.worker_e.orders")) {
            await("all 20 change events of worker_e.orders after the worker restart").atMost(FLOW)
                    .pollInterval(Duration.ofMillis(50)).until(() -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                        return idsOf(records).size() >= 20;
                    });
        }
        assertThat(idsOf(records)).containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(1, 20).mapToObj(Long::valueOf).toList());
        connectors.delete(source.name());
    }

    private static Set<Long> idsOf(List<ConsumerRecord<String, String>> records) throws Exception {
        Set<Long> ids = new LinkedHashSet<>();
        for (ConsumerRecord<String, String> record : records) {
            if (record.value() != null) {
                ids.add(JSON.readTree(record.value()).at("/payload/after/id").asLong());
            }
        }
        return ids;
    }

    private PipelineConnectorFile sourceConnector(String namespace) {
        return PipelineConnectorFile.load("postgres-cdc-source.json", placeholders(namespace, Map.of()));
    }

    private PipelineConnectorFile sinkConnector(String namespace, String topic) {
        return PipelineConnectorFile.load("jdbc-sink.json", placeholders(namespace, Map.of("topic.orders_out", topic)));
    }

    private Map<String, String> placeholders(String namespace, Map<String, String> extra) {
        JdbcEndpoint pg = postgres.jdbcEndpoint();
        Map<String, String> values = new HashMap<>(extra);
        values.put("namespace", namespace);
        values.put("postgres.host", pg.host());
        values.put("postgres.port", Integer.toString(pg.port()));
        values.put("postgres.user", pg.user());
        values.put("postgres.password", pg.password().reveal());
        values.put("postgres.database", pg.database());
        values.put("postgres.jdbc-url", pg.url());
        return values;
    }

    /** Inserts rows one at a time and times each until its change event is read. */
    private void measureLatency(String topic) throws Exception {
        List<Long> millis = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(topic)) {
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);
            for (int id = 100; id < 110; id++) {
                long start = System.nanoTime();
                sql("INSERT INTO cdc_a.orders VALUES (" + id + ", 'latency', 1)");
                boolean seen = false;
                while (!seen && System.nanoTime() - start < FLOW.toNanos()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(20))) {
                        seen |= record.value() != null
                                && JSON.readTree(record.value()).at("/payload/after/id").asLong() == id;
                    }
                }
                assertThat(seen).as("change event of id %d", id).isTrue();
                millis.add((System.nanoTime() - start) / 1_000_000);
            }
        }
        Collections.sort(millis);
        bench("cdc.latency.p50.ms", millis.get(millis.size() / 2));
        bench("cdc.latency.max.ms", millis.get(millis.size() - 1));
    }

    private List<ConsumerRecord<String, String>> consumeUntil(String topic, int count) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(topic)) {
            await("at least " + count + " records on " + topic).atMost(FLOW).pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                        return records.size() >= count;
                    });
        }
        return records;
    }

    private KafkaConsumer<String, String> consumer(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p);
        // The source creates its topic on the first event; wait for it, then read from the start.
        await("topic " + topic + " to exist").atMost(FLOW).pollInterval(Duration.ofMillis(200))
                .until(() -> consumer.partitionsFor(topic, Duration.ofSeconds(2)) != null
                        && !consumer.partitionsFor(topic, Duration.ofSeconds(2)).isEmpty());
        consumer.assign(consumer.partitionsFor(topic).stream()
                .map(info -> new org.apache.kafka.common.TopicPartition(topic, info.partition())).toList());
        consumer.seekToBeginning(consumer.assignment());
        return consumer;
    }

    private KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection = postgres.connect(); Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }

    private String querySingle(String sql) throws SQLException {
        return query(sql).get(0);
    }

    private List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = postgres.connect(); Statement s = connection.createStatement();
             ResultSet result = s.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(String.valueOf(result.getString(i)));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void bench(String name, Object value) {
        System.out.println("BENCH " + name + " " + (value instanceof Double d ? String.format("%.2f", d) : value));
    }

    private static long rssMb(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }
}
