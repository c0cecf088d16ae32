-- Purchases counted per user in 30-minute tumbling event-time windows (seed 004, purchase_windowed_counts).
-- The input topic has more partitions than keys: without an idle timeout, a partition that never
-- gets an event holds the watermark back and no window ever fires.
CREATE TABLE purchases (
  user_id    STRING,
  item_id    STRING,
  event_time TIMESTAMP(3),
  WATERMARK FOR event_time AS event_time - INTERVAL '1' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = 'purchases',
  'properties.bootstrap.servers' = '${kafka.bootstrap}',
  'properties.group.id' = '${namespace}-windows',
  'scan.startup.mode' = 'earliest-offset',
  'scan.watermark.idle-timeout' = '3 s',
  'format' = 'json'
);

CREATE TABLE purchase_windowed_counts (
  user_id      STRING,
  window_start TIMESTAMP(3),
  window_end   TIMESTAMP(3),
  purchases    BIGINT
) WITH (
  'connector' = 'kafka',
  'topic' = 'purchase_windowed_counts',
  'properties.bootstrap.servers' = '${kafka.bootstrap}',
  'properties.transaction.timeout.ms' = '60000',
  'sink.delivery-guarantee' = 'exactly-once',
  'sink.transactional-id-prefix' = '${namespace}-windows',
  'format' = 'json'
);
