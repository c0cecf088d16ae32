-- Revenue per customer per hour on Confluent Cloud; the semantics of flink/revenue.sql. Every table
-- is created here (its topic and its JSON Schemas), since a statement is compiled against the
-- schemas registered when it is submitted; the CDC connector then writes each row's state keyed
-- by its primary key, a tombstone for a delete (upsert tables: updates and deletes retract).
CREATE TABLE `${topic.cdc_orders}` (
    order_id    STRING,
    customer_id STRING,
    amount      STRING,
    status      STRING,
    order_time  BIGINT,
    PRIMARY KEY (order_id) NOT ENFORCED
) DISTRIBUTED BY HASH(order_id) INTO 1 BUCKETS WITH (
    'changelog.mode' = 'upsert',
    'key.format' = 'json-registry',
    'value.format' = 'json-registry',
    'value.fields-include' = 'all',
    'scan.startup.mode' = 'earliest-offset'
);

CREATE TABLE `${topic.cdc_customers}` (
    customer_id STRING,
    name        STRING,
    region      STRING,
    PRIMARY KEY (customer_id) NOT ENFORCED
) DISTRIBUTED BY HASH(customer_id) INTO 1 BUCKETS WITH (
    'changelog.mode' = 'upsert',
    'key.format' = 'json-registry',
    'value.format' = 'json-registry',
    'value.fields-include' = 'all',
    'scan.startup.mode' = 'earliest-offset'
);

CREATE TABLE `${topic.revenue_per_customer_hour}` (
    customer_id   STRING,
    hour_start    BIGINT,
    customer_name STRING,
    order_count   BIGINT,
    revenue       DECIMAL(12, 2),
    PRIMARY KEY (customer_id, hour_start) NOT ENFORCED
) DISTRIBUTED BY HASH(customer_id, hour_start) INTO 1 BUCKETS WITH (
    'changelog.mode' = 'upsert',
    'kafka.cleanup-policy' = 'compact',
    'key.format' = 'json-registry',
    'value.format' = 'json-registry',
    'value.fields-include' = 'all'
);

-- aggregate first, then join: a renamed customer updates its rows instead of moving them
INSERT INTO `${topic.revenue_per_customer_hour}`
WITH hourly_totals AS (
    SELECT customer_id, order_time / 3600000 * 3600000 AS hour_start, COUNT(*) AS order_count,
           CAST(SUM(CAST(amount AS DECIMAL(12, 2))) AS DECIMAL(12, 2)) AS revenue
    FROM `${topic.cdc_orders}`
    WHERE status <> 'CANCELLED'
    GROUP BY customer_id, order_time / 3600000 * 3600000
)
SELECT t.customer_id, t.hour_start, c.name, t.order_count, t.revenue
FROM hourly_totals t
JOIN `${topic.cdc_customers}` c ON t.customer_id = c.customer_id;
