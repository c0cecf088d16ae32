-- a pipeline that needs no broker: generated rows into a sink that drops them
CREATE TABLE ticks (
  id BIGINT
) WITH ('connector' = 'datagen', 'rows-per-second' = '50');

CREATE TABLE dropped (
  id BIGINT
) WITH ('connector' = 'blackhole');

INSERT INTO dropped SELECT id FROM ticks;
