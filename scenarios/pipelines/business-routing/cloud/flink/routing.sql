-- Routing of seed 000 on Confluent Cloud (docs/pipelines.md, section 1; docs/topologies.md, cloud).
-- Every topic is already a table. The generators write plain JSON with no schema in the registry,
-- so Confluent Cloud infers raw_business_events as (key BYTES, val BYTES): the routing reads the
-- two fields it needs from the JSON text and copies each record's bytes unchanged, keyed by
-- entity_id as on the other topologies. A record that is not JSON, has no event_id or another
-- event_type makes JSON_VALUE return NULL or no match, so it reaches no filtered topic.
-- Confluent Cloud statements are exactly-once and read committed data: no options needed.

INSERT INTO `${topic.filtered_loan_events}`
SELECT CAST(JSON_VALUE(CAST(val AS STRING), '$.entity_id') AS BYTES), val
FROM `${topic.raw_business_events}`
WHERE JSON_VALUE(CAST(val AS STRING), '$.event_type') = 'loan'
  AND JSON_VALUE(CAST(val AS STRING), '$.event_id') IS NOT NULL;

INSERT INTO `${topic.filtered_service_events}`
SELECT CAST(JSON_VALUE(CAST(val AS STRING), '$.entity_id') AS BYTES), val
FROM `${topic.raw_business_events}`
WHERE JSON_VALUE(CAST(val AS STRING), '$.event_type') = 'service'
  AND JSON_VALUE(CAST(val AS STRING), '$.event_id') IS NOT NULL;

INSERT INTO `${topic.filtered_car_events}`
SELECT CAST(JSON_VALUE(CAST(val AS STRING), '$.entity_id') AS BYTES), val
FROM `${topic.raw_business_events}`
WHERE JSON_VALUE(CAST(val AS STRING), '$.event_type') = 'car'
  AND JSON_VALUE(CAST(val AS STRING), '$.event_id') IS NOT NULL;
