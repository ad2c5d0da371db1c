-- verification details and re-verify queue, call fetching, RAM inventory, anomaly alerts, settings documents
-- A leaked pair's secret is never stored: re-verification re-fetches it from the recorded occurrence.
ALTER TABLE alerts ADD COLUMN arn TEXT;
ALTER TABLE alerts ADD COLUMN verify_detail TEXT;
ALTER TABLE alerts ADD COLUMN verify_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE alerts ADD COLUMN next_verify_at BIGINT;
ALTER TABLE alerts ADD COLUMN calls_until BIGINT;
ALTER TABLE alerts ADD COLUMN calls_fetched_at BIGINT;
DROP TABLE anomalies;
CREATE TABLE anomalies (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    dedupe_key      TEXT    NOT NULL UNIQUE,
    type            TEXT    NOT NULL,
    access_key_id   TEXT    NOT NULL,
    alert_id        BIGINT  REFERENCES alerts (id),
    at              BIGINT  NOT NULL,
    detail          TEXT,
    evidence        TEXT,
    status          TEXT    NOT NULL DEFAULT 'UNHANDLED',
    handling_method TEXT,
    found_at        BIGINT  NOT NULL
);
CREATE INDEX anomalies_at ON anomalies (at);
CREATE TABLE anomaly_history (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    anomaly_id BIGINT  NOT NULL REFERENCES anomalies (id),
    at         BIGINT  NOT NULL,
    by_user    TEXT    NOT NULL,
    action     TEXT    NOT NULL,
    note       TEXT
);
CREATE TABLE ram_keys (
    access_key_id TEXT    PRIMARY KEY,
    user_name     TEXT    NOT NULL,
    user_id       TEXT,
    status        TEXT,
    created_at    BIGINT,
    last_used_at  BIGINT,
    synced_at     BIGINT  NOT NULL
);
CREATE TABLE settings (
    name       TEXT    PRIMARY KEY,
    json       TEXT    NOT NULL,
    updated_at BIGINT  NOT NULL
);
