-- Reference data of seed 004, captured by Debezium (docs/pipelines.md, section 2).
CREATE TABLE users (
    user_id     TEXT PRIMARY KEY,
    name        TEXT,
    email       TEXT,
    city        TEXT,
    signup_time BIGINT
);

CREATE TABLE categories (
    category_id TEXT PRIMARY KEY,
    name        TEXT
);

CREATE TABLE items (
    item_id     TEXT PRIMARY KEY,
    name        TEXT,
    category_id TEXT,
    price       NUMERIC(12, 2)
);

CREATE TABLE reviews (
    review_id   TEXT PRIMARY KEY,
    item_id     TEXT,
    user_id     TEXT,
    rating      INT,
    review_time BIGINT
);
