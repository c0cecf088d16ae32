-- Routing of business events (seed 000): each raw event goes to the topic of its event_type.
-- The sinks write exactly-once (Kafka transactions committed on each Flink checkpoint), so that a
-- read_committed consumer sees every event once, also after the job was killed and restored.
CREATE TABLE raw_business_events (
  event_id    STRING,
  event_type  STRING,
  customer_id STRING,
  amount      DECIMAL(12, 2),
  event_time  TIMESTAMP(3)
) WITH (
  'connector' = 'kafka',
  'topic' = 'raw_business_events',
  'properties.bootstrap.servers' = '${kafka.bootstrap}',
  'properties.group.id' = '${namespace}-routing',
  'scan.startup.mode' = 'earliest-offset',
  'format' = 'json'
);

CREATE TABLE filtered_loan_events (
  event_id    STRING,
  event_type  STRING,
  customer_id STRING,
  amount      DECIMAL(12, 2),
  event_time  TIMESTAMP(3)
) WITH (
  'connector' = 'kafka',
  'topic' = 'filtered_loan_events',
  'properties.bootstrap.servers' = '${kafka.bootstrap}',
  'properties.transaction.timeout.ms' = '60000',
  'sink.delivery-guarantee' = 'exactly-once',
  'sink.transactional-id-prefix' = '${namespace}-routing-loan',
  'format' = 'json'
);

CREATE TABLE filtered_service_events (
  event_id    STRING,
  event_type  STRING,
  customer_id STRING,
  amount      DECIMAL(12, 2),
  event_time  TIMESTAMP(3)
) WITH (
  'connector' = 'kafka',
  'topic' = 'filtered_service_events',
  'properties.bootstrap.servers' = '${kafka.bootstrap}',
  'properties.transaction.timeout.ms' = '60000',
  'sink.delivery-guarantee' = 'exactly-once',
  'sink.transactional-id-prefix' = '${namespace}-routing-service',
  'format' = 'json'
);

CREATE TABLE filtered_car_events (
  event_id    STRING,
  event_type  STRING,
  customer_id STRING,
  amount      DECIMAL(12, 2),
  event_time  TIMESTAMP(3)
) WITH (
  'connector' = 'kafka',
  'topic' = 'filtered_car_events',
  'properties.bootstrap.servers' = '${kafka.bootstrap}',
  'properties.transaction.timeout.ms' = '60000',
  'sink.delivery-guarantee' = 'exactly-once',
  'sink.transactional-id-prefix' = '${namespace}-routing-car',
  'format' = 'json'
);

INSERT INTO filtered_loan_events SELECT * FROM raw_business_events WHERE event_type = 'loan';
INSERT INTO filtered_service_events SELECT * FROM raw_business_events WHERE event_type = 'service';
INSERT INTO filtered_car_events SELECT * FROM raw_business_events WHERE event_type = 'car';
