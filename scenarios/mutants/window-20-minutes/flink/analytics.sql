-- MUTANT: purchases are counted in 20-minute windows instead of 30-minute ones.
-- The analytics of seed 004 (docs/pipelines.md, section 2), one statement set.
-- Windows are aligned to the epoch: the session time zone is UTC.
SET 'table.local-time-zone' = 'UTC';

-- Sources ---------------------------------------------------------------------------------------

CREATE TABLE interaction_data (
    user_id          STRING,
    `timestamp`      BIGINT,
    interaction_type STRING,
    item_id          STRING,
    amount           DECIMAL(12, 2),
    session_id       STRING,
    ts AS TO_TIMESTAMP_LTZ(`timestamp`, 3),
    -- docs/pipelines.md: window [s, e) fires once an interaction with timestamp >= e + 5 s is read.
    -- Flink fires when the watermark reaches e - 1 ms, so the watermark is ts - 5.001 s.
    WATERMARK FOR ts AS ts - INTERVAL '5.001' SECOND
) WITH (
    'connector' = 'kafka',
    'topic' = '${topic.interaction_data}',
    'properties.bootstrap.servers' = '${kafka.bootstrap}',
    'properties.group.id' = '${namespace}analytics',
    'properties.isolation.level' = 'read_committed',
    'scan.startup.mode' = 'earliest-offset',
    -- a watermark after every record (not every 200 ms): lateness then depends on the order of
    -- records only, as the definition says, and never on timing
    'scan.watermark.emit.strategy' = 'on-event',
    'value.format' = 'json',
    'value.json.ignore-parse-errors' = 'true'
);

CREATE TABLE users (
    user_id     STRING,
    name        STRING,
    email       STRING,
    city        STRING,
    signup_time BIGINT,
    PRIMARY KEY (user_id) NOT ENFORCED
) WITH (
    'connector' = 'kafka',
    'topic' = '${topic.cdc_users}',
    'properties.bootstrap.servers' = '${kafka.bootstrap}',
    'properties.group.id' = '${namespace}analytics',
    'scan.startup.mode' = 'earliest-offset',
    'value.format' = 'debezium-json'
);

CREATE TABLE categories (
    category_id STRING,
    name        STRING,
    PRIMARY KEY (category_id) NOT ENFORCED
) WITH (
    'connector' = 'kafka',
    'topic' = '${topic.cdc_categories}',
    'properties.bootstrap.servers' = '${kafka.bootstrap}',
    'properties.group.id' = '${namespace}analytics',
    'scan.startup.mode' = 'earliest-offset',
    'value.format' = 'debezium-json'
);

CREATE TABLE items (
    item_id     STRING,
    name        STRING,
    category_id STRING,
    price       STRING,
    PRIMARY KEY (item_id) NOT ENFORCED
) WITH (
    'connector' = 'kafka',
    'topic' = '${topic.cdc_items}',
    'properties.bootstrap.servers' = '${kafka.bootstrap}',
    'properties.group.id' = '${namespace}analytics',
    'scan.startup.mode' = 'earliest-offset',
    'value.format' = 'debezium-json'
);

CREATE TABLE reviews (
    review_id   STRING,
    item_id     STRING,
    user_id     STRING,
    rating      INT,
    review_time BIGINT,
    PRIMARY KEY (review_id) NOT ENFORCED
) WITH (
    'connector' = 'kafka',
    'topic' = '${topic.cdc_reviews}',
    'properties.bootstrap.servers' = '${kafka.bootstrap}',
    'properties.group.id' = '${namespace}analytics',
    'scan.startup.mode' = 'earliest-offset',
    'value.format' = 'debezium-json'
);

-- Results (upsert topics; the JDBC sink connector writes them to PostgreSQL) ---------------------

CREATE TABLE co_purchase_counts (
    item_a     STRING,
    item_b     STRING,
    user_count BIGINT,
    PRIMARY KEY (item_a, item_b) NOT ENFORCED
) WITH (
    'connector' = 'upsert-kafka',
    'topic' = '${topic.co_purchase_counts}',
    'properties.bootstrap.servers' = '${kafka.bootstrap}',
    'key.format' = 'json',
    'value.format' = 'json'
);

CREATE TABLE user_purchase_totals (
    user_id        STRING,
    name           STRING,
    purchase_count BIGINT,
    total_spent    DECIMAL(12, 2),
    PRIMARY KEY (user_id) NOT ENFORCED
) WITH (
    'connector' = 'upsert-kafka',
    'topic' = '${topic.user_purchase_totals}',
    'properties.bootstrap.servers' = '${kafka.bootstrap}',
    'key.format' = 'json',
    'value.format' = 'json'
);

CREATE TABLE highly_rated_item_details (
    item_id       STRING,
    item_name     STRING,
    category_name STRING,
    avg_rating    DOUBLE,
    review_count  BIGINT,
    PRIMARY KEY (item_id) NOT ENFORCED
) WITH (
    'connector' = 'upsert-kafka',
    'topic' = '${topic.highly_rated_item_details}',
    'properties.bootstrap.servers' = '${kafka.bootstrap}',
    'key.format' = 'json',
    'value.format' = 'json'
);

CREATE TABLE item_shared_by_user_pair (
    user_a       STRING,
    user_b       STRING,
    shared_items BIGINT,
    PRIMARY KEY (user_a, user_b) NOT ENFORCED
) WITH (
    'connector' = 'upsert-kafka',
    'topic' = '${topic.item_shared_by_user_pair}',
    'properties.bootstrap.servers' = '${kafka.bootstrap}',
    'key.format' = 'json',
    'value.format' = 'json'
);

CREATE TABLE purchase_windowed_counts (
    user_id        STRING,
    item_id        STRING,
    window_start   BIGINT,
    window_end     BIGINT,
    purchase_count BIGINT,
    PRIMARY KEY (user_id, item_id, window_start) NOT ENFORCED
) WITH (
    'connector' = 'upsert-kafka',
    'topic' = '${topic.purchase_windowed_counts}',
    'properties.bootstrap.servers' = '${kafka.bootstrap}',
    'key.format' = 'json',
    'value.format' = 'json'
);

-- Shared views ----------------------------------------------------------------------------------

CREATE TEMPORARY VIEW purchases AS
SELECT user_id, item_id, amount, ts
FROM interaction_data
WHERE interaction_type = 'purchase';

-- who bought what, repeat purchases folded
CREATE TEMPORARY VIEW user_items AS
SELECT DISTINCT user_id, item_id FROM purchases;

CREATE TEMPORARY VIEW purchase_totals AS
SELECT user_id, COUNT(*) AS purchase_count, SUM(amount) AS total_spent
FROM purchases
GROUP BY user_id;

CREATE TEMPORARY VIEW review_stats AS
SELECT item_id, AVG(CAST(rating AS DOUBLE)) AS avg_rating, COUNT(*) AS review_count
FROM reviews
GROUP BY item_id;

-- The statement set -----------------------------------------------------------------------------

INSERT INTO co_purchase_counts
SELECT a.item_id, b.item_id, COUNT(*)
FROM user_items a
JOIN user_items b ON a.user_id = b.user_id AND a.item_id < b.item_id
GROUP BY a.item_id, b.item_id;

-- every user, with or without purchases: an outer join
INSERT INTO user_purchase_totals
SELECT u.user_id, u.name, COALESCE(p.purchase_count, 0),
       CAST(COALESCE(p.total_spent, 0) AS DECIMAL(12, 2))
FROM users u
LEFT JOIN purchase_totals p ON u.user_id = p.user_id;

INSERT INTO highly_rated_item_details
SELECT i.item_id, i.name, c.name, r.avg_rating, r.review_count
FROM review_stats r
JOIN items i ON r.item_id = i.item_id
JOIN categories c ON i.category_id = c.category_id
WHERE r.review_count >= 3 AND r.avg_rating >= 4.0;

INSERT INTO item_shared_by_user_pair
SELECT a.user_id, b.user_id, COUNT(*)
FROM user_items a
JOIN user_items b ON a.item_id = b.item_id AND a.user_id < b.user_id
GROUP BY a.user_id, b.user_id;

INSERT INTO purchase_windowed_counts
SELECT user_id, item_id,
       CAST(TIMESTAMPDIFF(MINUTE, TIMESTAMP '1970-01-01 00:00:00', window_start) AS BIGINT) * 60000,
       CAST(TIMESTAMPDIFF(MINUTE, TIMESTAMP '1970-01-01 00:00:00', window_end) AS BIGINT) * 60000,
       COUNT(*)
FROM TABLE(TUMBLE(TABLE purchases, DESCRIPTOR(ts), INTERVAL '20' MINUTES))
GROUP BY user_id, item_id, window_start, window_end
HAVING COUNT(*) >= 2;
