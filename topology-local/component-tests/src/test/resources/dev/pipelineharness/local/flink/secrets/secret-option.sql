-- a secret in a table option, as a JDBC sink's password would be: the file on disk holds only the
-- reference; an unfilled reference is not a datagen kind, so the job runs only if Flink got the value
CREATE TABLE ticks (
  id BIGINT,
  s STRING
) WITH ('connector' = 'datagen', 'rows-per-second' = '20', 'fields.s.kind' = '${postgres.password}');

CREATE TABLE dropped (
  id BIGINT,
  s STRING
) WITH ('connector' = 'blackhole');

INSERT INTO dropped SELECT id, s FROM ticks;
