-- Routing of seed 000 with Avro values (docs/pipelines.md, section 1, "Avro on the wire").
-- The table is the consumer's schema: it already has schema version 2's `channel`, so records of
-- both versions are read (a version 1 record has no channel: null). That is what BACKWARD
-- compatibility promises: consumers upgrade first, then producers may write the new version.
-- Flink reads each record with its writer's schema from the registry and resolves it to this table.
-- Decimal precision and scale must equal the producers' schemas: Avro decimals carry no scale.

CREATE TABLE raw_business_events (
    event_id       STRING,
    event_type     STRING,
    entity_id      STRING,
    event_time     BIGINT,
    schema_version INT,
    channel        STRING,
    payload        ROW<amount DECIMAL(12, 2), term_months INT, rate DECIMAL(8, 5), status STRING,
                       vin STRING, make STRING, model STRING, price DECIMAL(12, 2),
                       kind STRING, cost DECIMAL(12, 2), location STRING>
) WITH (
    'connector' = 'kafka',
    'topic' = '${topic.raw_business_events}',
    'properties.bootstrap.servers' = '${kafka.bootstrap}',
    'properties.group.id' = '${namespace}routing_avro',
    'properties.isolation.level' = 'read_committed',
    'scan.startup.mode' = 'earliest-offset',
    'value.format' = 'avro-confluent',
    'value.avro-confluent.url' = '${registry.url}'
);

CREATE TABLE filtered_loan_events WITH (
    'connector' = 'kafka',
    'topic' = '${topic.filtered_loan_events}',
    'properties.bootstrap.servers' = '${kafka.bootstrap}',
    'key.format' = 'raw',
    'key.fields' = 'entity_id',
    'value.format' = 'avro-confluent',
    'value.avro-confluent.url' = '${registry.url}',
    'value.fields-include' = 'ALL',
    'sink.delivery-guarantee' = 'exactly-once',
    -- Flink's default (1 h) is above the brokers' transaction.max.timeout.ms (15 min, Confluent Cloud too)
    'properties.transaction.timeout.ms' = '300000',
    'sink.transactional-id-prefix' = '${namespace}routing_avro_loan'
) LIKE raw_business_events (EXCLUDING OPTIONS);

CREATE TABLE filtered_service_events WITH (
    'connector' = 'kafka',
    'topic' = '${topic.filtered_service_events}',
    'properties.bootstrap.servers' = '${kafka.bootstrap}',
    'key.format' = 'raw',
    'key.fields' = 'entity_id',
    'value.format' = 'avro-confluent',
    'value.avro-confluent.url' = '${registry.url}',
    'value.fields-include' = 'ALL',
    'sink.delivery-guarantee' = 'exactly-once',
    -- Flink's default (1 h) is above the brokers' transaction.max.timeout.ms (15 min, Confluent Cloud too)
    'properties.transaction.timeout.ms' = '300000',
    'sink.transactional-id-prefix' = '${namespace}routing_avro_service'
) LIKE raw_business_events (EXCLUDING OPTIONS);

CREATE TABLE filtered_car_events WITH (
    'connector' = 'kafka',
    'topic' = '${topic.filtered_car_events}',
    'properties.bootstrap.servers' = '${kafka.bootstrap}',
    'key.format' = 'raw',
    'key.fields' = 'entity_id',
    'value.format' = 'avro-confluent',
    'value.avro-confluent.url' = '${registry.url}',
    'value.fields-include' = 'ALL',
    'sink.delivery-guarantee' = 'exactly-once',
    -- Flink's default (1 h) is above the brokers' transaction.max.timeout.ms (15 min, Confluent Cloud too)
    'properties.transaction.timeout.ms' = '300000',
    'sink.transactional-id-prefix' = '${namespace}routing_avro_car'
) LIKE raw_business_events (EXCLUDING OPTIONS);

INSERT INTO filtered_loan_events
SELECT * FROM raw_business_events WHERE event_type = 'loan' AND event_id IS NOT NULL;

INSERT INTO filtered_service_events
SELECT * FROM raw_business_events WHERE event_type = 'service' AND event_id IS NOT NULL;

INSERT INTO filtered_car_events
SELECT * FROM raw_business_events WHERE event_type = 'car' AND event_id IS NOT NULL;
