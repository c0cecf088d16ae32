-- CDC source tables of seed 000 (Aurora PostgreSQL in the seed), docs/pipelines.md section 1.
-- Run in the scenario's own schema (search_path is set by the topology).
CREATE TABLE loan_entities (
    loan_id       TEXT PRIMARY KEY,
    customer_name TEXT,
    amount        NUMERIC(12, 2),
    term_months   INT,
    status        TEXT,
    updated_at    BIGINT
);

CREATE TABLE car_entities (
    car_id     TEXT PRIMARY KEY,
    vin        TEXT,
    make       TEXT,
    model      TEXT,
    price      NUMERIC(12, 2),
    status     TEXT,
    updated_at BIGINT
);
