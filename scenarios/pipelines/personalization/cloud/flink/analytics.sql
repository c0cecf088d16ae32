-- The analytics of seed 004 on Confluent Cloud (docs/pipelines.md, section 2; docs/topologies.md,
-- cloud). The results are those of flink/analytics.sql; what differs is how Confluent Cloud runs it:
-- - A statement is compiled against the schemas registered when it is submitted, before anything
--   was captured, so every table is created here: each CREATE TABLE creates its topic and registers
--   its key and value schemas (JSON Schema), and the harness leaves those topics to it. The
--   connectors are created after these statements and before the INSERTs.
-- - The CDC connector writes each row's state (after.state.only) keyed by its primary key, and a
--   tombstone for a delete: upsert tables. The DynamoDB connector's records are the items' new
--   images (the `after` field).
-- - Every statement runs on its own: no temporary views, so each INSERT holds its own subqueries.
SET 'sql.local-time-zone' = 'UTC';

-- Sources ---------------------------------------------------------------------------------------

CREATE TABLE `${topic.interaction_data}` (
    user_id          STRING,
    `timestamp`      BIGINT,
    interaction_type STRING,
    item_id          STRING,
    amount           DECIMAL(12, 2),
    session_id       STRING,
    ts AS TO_TIMESTAMP_LTZ(`timestamp`, 3),
    -- window [s, e) fires once an interaction with timestamp >= e + 5 s is read (see flink/analytics.sql)
    WATERMARK FOR ts AS ts - INTERVAL '5.001' SECOND
) DISTRIBUTED INTO 1 BUCKETS WITH (
    'value.format' = 'json-registry',
    'scan.startup.mode' = 'earliest-offset'
);

CREATE TABLE `${topic.cdc_users}` (
    user_id     STRING,
    name        STRING,
    email       STRING,
    city        STRING,
    signup_time BIGINT,
    PRIMARY KEY (user_id) NOT ENFORCED
) DISTRIBUTED BY HASH(user_id) INTO 1 BUCKETS WITH (
    'changelog.mode' = 'upsert',
    'key.format' = 'json-registry',
    'value.format' = 'json-registry',
    'value.fields-include' = 'all',
    'scan.startup.mode' = 'earliest-offset'
);

CREATE TABLE `${topic.cdc_categories}` (
    category_id STRING,
    name        STRING,
    PRIMARY KEY (category_id) NOT ENFORCED
) DISTRIBUTED BY HASH(category_id) INTO 1 BUCKETS WITH (
    'changelog.mode' = 'upsert',
    'key.format' = 'json-registry',
    'value.format' = 'json-registry',
    'value.fields-include' = 'all',
    'scan.startup.mode' = 'earliest-offset'
);

CREATE TABLE `${topic.cdc_items}` (
    item_id     STRING,
    name        STRING,
    category_id STRING,
    price       STRING,
    PRIMARY KEY (item_id) NOT ENFORCED
) DISTRIBUTED BY HASH(item_id) INTO 1 BUCKETS WITH (
    'changelog.mode' = 'upsert',
    'key.format' = 'json-registry',
    'value.format' = 'json-registry',
    'value.fields-include' = 'all',
    'scan.startup.mode' = 'earliest-offset'
);

CREATE TABLE `${topic.cdc_reviews}` (
    review_id   STRING,
    item_id     STRING,
    user_id     STRING,
    rating      INT,
    review_time BIGINT,
    PRIMARY KEY (review_id) NOT ENFORCED
) DISTRIBUTED BY HASH(review_id) INTO 1 BUCKETS WITH (
    'changelog.mode' = 'upsert',
    'key.format' = 'json-registry',
    'value.format' = 'json-registry',
    'value.fields-include' = 'all',
    'scan.startup.mode' = 'earliest-offset'
);

-- Results (compacted upsert topics; the PostgresSink connectors write them to PostgreSQL) ---------

CREATE TABLE `${topic.co_purchase_counts}` (
    item_a     STRING,
    item_b     STRING,
    user_count BIGINT,
    PRIMARY KEY (item_a, item_b) NOT ENFORCED
) DISTRIBUTED BY HASH(item_a, item_b) INTO 1 BUCKETS WITH (
    'changelog.mode' = 'upsert',
    'kafka.cleanup-policy' = 'compact',
    'key.format' = 'json-registry',
    'value.format' = 'json-registry',
    'value.fields-include' = 'all'
);

CREATE TABLE `${topic.user_purchase_totals}` (
    user_id        STRING,
    name           STRING,
    purchase_count BIGINT,
    total_spent    DECIMAL(12, 2),
    PRIMARY KEY (user_id) NOT ENFORCED
) DISTRIBUTED BY HASH(user_id) INTO 1 BUCKETS WITH (
    'changelog.mode' = 'upsert',
    'kafka.cleanup-policy' = 'compact',
    'key.format' = 'json-registry',
    'value.format' = 'json-registry',
    'value.fields-include' = 'all'
);

CREATE TABLE `${topic.highly_rated_item_details}` (
    item_id       STRING,
    item_name     STRING,
    category_name STRING,
    avg_rating    DOUBLE,
    review_count  BIGINT,
    PRIMARY KEY (item_id) NOT ENFORCED
) DISTRIBUTED BY HASH(item_id) INTO 1 BUCKETS WITH (
    'changelog.mode' = 'upsert',
    'kafka.cleanup-policy' = 'compact',
    'key.format' = 'json-registry',
    'value.format' = 'json-registry',
    'value.fields-include' = 'all'
);

CREATE TABLE `${topic.item_shared_by_user_pair}` (
    user_a       STRING,
    user_b       STRING,
    shared_items BIGINT,
    PRIMARY KEY (user_a, user_b) NOT ENFORCED
) DISTRIBUTED BY HASH(user_a, user_b) INTO 1 BUCKETS WITH (
    'changelog.mode' = 'upsert',
    'kafka.cleanup-policy' = 'compact',
    'key.format' = 'json-registry',
    'value.format' = 'json-registry',
    'value.fields-include' = 'all'
);

CREATE TABLE `${topic.purchase_windowed_counts}` (
    user_id        STRING,
    item_id        STRING,
    window_start   BIGINT,
    window_end     BIGINT,
    purchase_count BIGINT,
    PRIMARY KEY (user_id, item_id, window_start) NOT ENFORCED
) DISTRIBUTED BY HASH(user_id, item_id, window_start) INTO 1 BUCKETS WITH (
    'changelog.mode' = 'upsert',
    'kafka.cleanup-policy' = 'compact',
    'key.format' = 'json-registry',
    'value.format' = 'json-registry',
    'value.fields-include' = 'all'
);

-- The queries (each its own statement) ------------------------------------------------------------

INSERT INTO `${topic.co_purchase_counts}`
WITH user_items AS (
    SELECT DISTINCT user_id, item_id FROM `${topic.interaction_data}` WHERE interaction_type = 'purchase'
)
SELECT a.item_id, b.item_id, COUNT(*)
FROM user_items a
JOIN user_items b ON a.user_id = b.user_id AND a.item_id < b.item_id
GROUP BY a.item_id, b.item_id;

-- every user, with or without purchases: an outer join
INSERT INTO `${topic.user_purchase_totals}`
WITH purchase_totals AS (
    SELECT user_id, COUNT(*) AS purchase_count, SUM(amount) AS total_spent
    FROM `${topic.interaction_data}`
    WHERE interaction_type = 'purchase'
    GROUP BY user_id
)
SELECT u.user_id, u.name, COALESCE(p.purchase_count, 0),
       CAST(COALESCE(p.total_spent, 0) AS DECIMAL(12, 2))
FROM `${topic.cdc_users}` u
LEFT JOIN purchase_totals p ON u.user_id = p.user_id;

INSERT INTO `${topic.highly_rated_item_details}`
WITH review_stats AS (
    SELECT item_id, AVG(CAST(rating AS DOUBLE)) AS avg_rating, COUNT(*) AS review_count
    FROM `${topic.cdc_reviews}`
    GROUP BY item_id
)
SELECT i.item_id, i.name, c.name, r.avg_rating, r.review_count
FROM review_stats r
JOIN `${topic.cdc_items}` i ON r.item_id = i.item_id
JOIN `${topic.cdc_categories}` c ON i.category_id = c.category_id
WHERE r.review_count >= 3 AND r.avg_rating >= 4.0;

INSERT INTO `${topic.item_shared_by_user_pair}`
WITH user_items AS (
    SELECT DISTINCT user_id, item_id FROM `${topic.interaction_data}` WHERE interaction_type = 'purchase'
)
SELECT a.user_id, b.user_id, COUNT(*)
FROM user_items a
JOIN user_items b ON a.item_id = b.item_id AND a.user_id < b.user_id
GROUP BY a.user_id, b.user_id;

INSERT INTO `${topic.purchase_windowed_counts}`
SELECT user_id, item_id,
       CAST(TIMESTAMPDIFF(MINUTE, TIMESTAMP '1970-01-01 00:00:00', window_start) AS BIGINT) * 60000,
       CAST(TIMESTAMPDIFF(MINUTE, TIMESTAMP '1970-01-01 00:00:00', window_end) AS BIGINT) * 60000,
       COUNT(*)
FROM TABLE(TUMBLE(TABLE `${topic.interaction_data}`, DESCRIPTOR(ts), INTERVAL '30' MINUTES))
WHERE interaction_type = 'purchase'
GROUP BY user_id, item_id, window_start, window_end
HAVING COUNT(*) >= 2;
