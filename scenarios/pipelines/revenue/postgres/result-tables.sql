-- What the JDBC sink writes: one row per customer and hour that has revenue.
CREATE TABLE revenue_per_customer_hour (
    customer_id   TEXT   NOT NULL,
    hour_start    BIGINT NOT NULL,
    customer_name TEXT,
    order_count   BIGINT,
    revenue       NUMERIC(12, 2),
    PRIMARY KEY (customer_id, hour_start)
);
