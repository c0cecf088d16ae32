-- Routing of seed 000: raw_business_events to one topic per event type (docs/pipelines.md, section 1).
-- Malformed records: not JSON (skipped by json.ignore-parse-errors), no event_id, or an event_type
-- other than loan/service/car: they match no INSERT below and reach no filtered topic.

CREATE TABLE raw_business_events (
    event_id       STRING,
    event_type     STRING,
    entity_id      STRING,
    event_time     BIGINT,
    schema_version INT,
    channel        STRING,   -- schema version 2 (null in version 1 records)
    payload        ROW<amount DECIMAL(12, 2), term_months INT, rate DECIMAL(8, 5), status STRING,
                       vin STRING, make STRING, model STRING, price DECIMAL(12, 2),
                       kind STRING, cost DECIMAL(12, 2), location STRING>
) WITH (
    'connector' = 'kafka',
    'topic' = '${topic.raw_business_events}',
    'properties.bootstrap.servers' = '${kafka.bootstrap}',
    'properties.group.id' = '${namespace}routing',
    'properties.isolation.level' = 'read_committed',
    'scan.startup.mode' = 'earliest-offset',
    'value.format' = 'json',
    'value.json.ignore-parse-errors' = 'true'
);

CREATE TABLE filtered_loan_events WITH (
    'connector' = 'kafka',
    'topic' = '${topic.filtered_loan_events}',
    'properties.bootstrap.servers' = '${kafka.bootstrap}',
    'key.format' = 'raw',
    'key.fields' = 'entity_id',
    'value.format' = 'json',
    'value.fields-include' = 'ALL',
    'sink.delivery-guarantee' = 'exactly-once',
    -- Flink's default (1 h) is above the brokers' transaction.max.timeout.ms (15 min, Confluent Cloud too)
    'properties.transaction.timeout.ms' = '300000',
    'sink.transactional-id-prefix' = '${namespace}routing_loan'
) LIKE raw_business_events (EXCLUDING OPTIONS);

CREATE TABLE filtered_service_events WITH (
    'connector' = 'kafka',
    'topic' = '${topic.filtered_service_events}',
    'properties.bootstrap.servers' = '${kafka.bootstrap}',
    'key.format' = 'raw',
    'key.fields' = 'entity_id',
    'value.format' = 'json',
    'value.fields-include' = 'ALL',
    'sink.delivery-guarantee' = 'exactly-once',
    -- Flink's default (1 h) is above the brokers' transaction.max.timeout.ms (15 min, Confluent Cloud too)
    'properties.transaction.timeout.ms' = '300000',
    'sink.transactional-id-prefix' = '${namespace}routing_service'
) LIKE raw_business_events (EXCLUDING OPTIONS);

CREATE TABLE filtered_car_events WITH (
    'connector' = 'kafka',
    'topic' = '${topic.filtered_car_events}',
    'properties.bootstrap.servers' = '${kafka.bootstrap}',
    'key.format' = 'raw',
    'key.fields' = 'entity_id',
    'value.format' = 'json',
    'value.fields-include' = 'ALL',
    'sink.delivery-guarantee' = 'exactly-once',
    -- Flink's default (1 h) is above the brokers' transaction.max.timeout.ms (15 min, Confluent Cloud too)
    'properties.transaction.timeout.ms' = '300000',
    'sink.transactional-id-prefix' = '${namespace}routing_car'
) LIKE raw_business_events (EXCLUDING OPTIONS);

INSERT INTO filtered_loan_events
SELECT * FROM raw_business_events WHERE event_type = 'loan' AND event_id IS NOT NULL;

INSERT INTO filtered_service_events
SELECT * FROM raw_business_events WHERE event_type = 'service' AND event_id IS NOT NULL;

INSERT INTO filtered_car_events
SELECT * FROM raw_business_events WHERE event_type = 'car' AND event_id IS NOT NULL;
