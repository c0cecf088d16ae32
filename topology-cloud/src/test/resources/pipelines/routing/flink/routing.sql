CREATE TABLE raw_business_events (event_id STRING, event_type STRING) WITH (
    'connector' = 'kafka',
    'topic' = '${topic.raw_business_events}',
    'properties.bootstrap.servers' = '${kafka.bootstrap}'
);
INSERT INTO filtered_loan_events SELECT * FROM raw_business_events WHERE event_type = 'loan';
