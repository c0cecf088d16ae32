-- valid: only parsed and registered, nothing connects
SET 'table.local-time-zone' = 'UTC';

CREATE TABLE events (
  event_id   STRING,
  event_type STRING
) WITH ('connector' = 'datagen');

CREATE TABLE sink_events (
  event_id   STRING,
  event_type STRING
) WITH ('connector' = 'blackhole');
