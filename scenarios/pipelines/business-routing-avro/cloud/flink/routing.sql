-- Routing of seed 000 with Avro values on Confluent Cloud (docs/pipelines.md, section 1, "Avro on
-- the wire"; docs/topologies.md, cloud). Confluent Cloud compiles a statement against the schemas
-- registered when it is submitted, before any generator has written, so the tables are created
-- here (each CREATE TABLE creates its topic and registers its key and value schemas; the harness
-- then leaves that topic to it). The raw table is the consumer's schema, already with schema
-- version 2's `channel`: the generators' version 1 (no channel) and version 2 are BACKWARD
-- compatible with it, and Flink reads each record with its writer's schema.
-- Values are Avro through the registry; keys stay the raw entity_id, as on the other topologies.

CREATE TABLE `${topic.raw_business_events}` (
    entity_id      STRING,
    event_id       STRING,
    event_type     STRING,
    event_time     BIGINT,
    schema_version INT,
    channel        STRING,
    payload        ROW<amount DECIMAL(12, 2), term_months INT, rate DECIMAL(8, 5), status STRING,
                       vin STRING, make STRING, model STRING, price DECIMAL(12, 2),
                       kind STRING, cost DECIMAL(12, 2), location STRING>
) DISTRIBUTED BY (entity_id) INTO 3 BUCKETS WITH (
    'key.format' = 'raw',
    'value.format' = 'avro-registry',
    'value.fields-include' = 'all',
    'scan.startup.mode' = 'earliest-offset'
);

CREATE TABLE `${topic.filtered_loan_events}` DISTRIBUTED BY (entity_id) INTO 3 BUCKETS WITH (
    'key.format' = 'raw',
    'value.format' = 'avro-registry',
    'value.fields-include' = 'all'
) LIKE `${topic.raw_business_events}` (EXCLUDING OPTIONS);

CREATE TABLE `${topic.filtered_service_events}` DISTRIBUTED BY (entity_id) INTO 3 BUCKETS WITH (
    'key.format' = 'raw',
    'value.format' = 'avro-registry',
    'value.fields-include' = 'all'
) LIKE `${topic.raw_business_events}` (EXCLUDING OPTIONS);

CREATE TABLE `${topic.filtered_car_events}` DISTRIBUTED BY (entity_id) INTO 3 BUCKETS WITH (
    'key.format' = 'raw',
    'value.format' = 'avro-registry',
    'value.fields-include' = 'all'
) LIKE `${topic.raw_business_events}` (EXCLUDING OPTIONS);

INSERT INTO `${topic.filtered_loan_events}`
SELECT * FROM `${topic.raw_business_events}` WHERE event_type = 'loan' AND event_id IS NOT NULL;

INSERT INTO `${topic.filtered_service_events}`
SELECT * FROM `${topic.raw_business_events}` WHERE event_type = 'service' AND event_id IS NOT NULL;

INSERT INTO `${topic.filtered_car_events}`
SELECT * FROM `${topic.raw_business_events}` WHERE event_type = 'car' AND event_id IS NOT NULL;
