-- The five result tables the JDBC sink writes (docs/pipelines.md, section 2). Created up front with
-- their primary keys, so upserts and deletes have a key to work on.
CREATE TABLE co_purchase_counts (
    item_a     TEXT NOT NULL,
    item_b     TEXT NOT NULL,
    user_count BIGINT,
    PRIMARY KEY (item_a, item_b)
);

CREATE TABLE user_purchase_totals (
    user_id        TEXT NOT NULL PRIMARY KEY,
    name           TEXT,
    purchase_count BIGINT,
    total_spent    NUMERIC(12, 2)
);

CREATE TABLE highly_rated_item_details (
    item_id       TEXT NOT NULL PRIMARY KEY,
    item_name     TEXT,
    category_name TEXT,
    avg_rating    DOUBLE PRECISION,
    review_count  BIGINT
);

CREATE TABLE item_shared_by_user_pair (
    user_a       TEXT NOT NULL,
    user_b       TEXT NOT NULL,
    shared_items BIGINT,
    PRIMARY KEY (user_a, user_b)
);

CREATE TABLE purchase_windowed_counts (
    user_id        TEXT NOT NULL,
    item_id        TEXT NOT NULL,
    window_start   BIGINT NOT NULL,
    window_end     BIGINT,
    purchase_count BIGINT,
    PRIMARY KEY (user_id, item_id, window_start)
);
