-- Revenue per customer per hour. An hour is [h, h + 1 h) of order_time (epoch millis, UTC);
-- only orders whose customer exists count (inner join), cancelled orders never count, and the
-- result always reflects the current state of both tables (updates and deletes retract).
CREATE TABLE orders (
    order_id    STRING,
    customer_id STRING,
    amount      STRING,
    status      STRING,
    order_time  BIGINT,
    PRIMARY KEY (order_id) NOT ENFORCED
) WITH (
    'connector' = 'kafka',
    'topic' = '${topic.cdc_orders}',
    'properties.bootstrap.servers' = '${kafka.bootstrap}',
    'properties.group.id' = '${namespace}revenue',
    'scan.startup.mode' = 'earliest-offset',
    'value.format' = 'debezium-json'
);

CREATE TABLE customers (
    customer_id STRING,
    name        STRING,
    region      STRING,
    PRIMARY KEY (customer_id) NOT ENFORCED
) WITH (
    'connector' = 'kafka',
    'topic' = '${topic.cdc_customers}',
    'properties.bootstrap.servers' = '${kafka.bootstrap}',
    'properties.group.id' = '${namespace}revenue',
    'scan.startup.mode' = 'earliest-offset',
    'value.format' = 'debezium-json'
);

CREATE TABLE revenue_per_customer_hour (
    customer_id   STRING,
    hour_start    BIGINT,
    customer_name STRING,
    order_count   BIGINT,
    revenue       DECIMAL(12, 2),
    PRIMARY KEY (customer_id, hour_start) NOT ENFORCED
) WITH (
    'connector' = 'upsert-kafka',
    'topic' = '${topic.revenue_per_customer_hour}',
    'properties.bootstrap.servers' = '${kafka.bootstrap}',
    'key.format' = 'json',
    'value.format' = 'json'
);

-- aggregate first, then join: a renamed customer updates its rows instead of moving them
CREATE TEMPORARY VIEW hourly_totals AS
SELECT customer_id, order_time / 3600000 * 3600000 AS hour_start, COUNT(*) AS order_count,
       CAST(SUM(CAST(amount AS DECIMAL(12, 2))) AS DECIMAL(12, 2)) AS revenue
FROM orders
WHERE status <> 'CANCELLED'
GROUP BY customer_id, order_time / 3600000 * 3600000;

INSERT INTO revenue_per_customer_hour
SELECT t.customer_id, t.hour_start, c.name, t.order_count, t.revenue
FROM hourly_totals t
JOIN customers c ON t.customer_id = c.customer_id;
