-- The source tables the revenue pipeline captures.
CREATE TABLE customers (
    customer_id TEXT PRIMARY KEY,
    name        TEXT,
    region      TEXT
);

CREATE TABLE orders (
    order_id    TEXT PRIMARY KEY,
    customer_id TEXT,
    amount      NUMERIC(12, 2),
    status      TEXT,
    order_time  BIGINT
);

-- Deletes and updates must carry the whole old row: Flink retracts it from the hourly sums.
ALTER TABLE customers REPLICA IDENTITY FULL;
ALTER TABLE orders REPLICA IDENTITY FULL;
