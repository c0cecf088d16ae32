-- valid: only parsed and registered, nothing connects
CREATE TABLE events (
  event_id   STRING,
  event_type STRING
) WITH ('connector' = 'datagen');

CREATE TABLE sink_events (
  event_id   STRING,
  event_type STRING
) WITH ('connector' = 'blackhole');
