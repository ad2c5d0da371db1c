-- console: users, API tokens, sessions, GitHub webhook deliveries, indexes for the leak list
-- Passwords are stored as BCrypt hashes, API tokens and session ids as SHA-256 (both are 256-bit random values).
CREATE TABLE console_users (
    name                TEXT    PRIMARY KEY,
    role                TEXT    NOT NULL,
    password_hash       TEXT    NOT NULL,
    created_at          BIGINT  NOT NULL,
    password_changed_at BIGINT  NOT NULL
);
CREATE TABLE api_tokens (
    name          TEXT    PRIMARY KEY,
    role          TEXT    NOT NULL,
    token_sha256  TEXT    NOT NULL UNIQUE,
    created_at    BIGINT  NOT NULL,
    last_used_at  BIGINT
);
CREATE TABLE console_sessions (
    id_sha256   TEXT    PRIMARY KEY,
    user_name   TEXT    NOT NULL REFERENCES console_users (name) ON DELETE CASCADE,
    csrf_token  TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL,
    expires_at  BIGINT  NOT NULL
);
CREATE INDEX console_sessions_user ON console_sessions (user_name);
CREATE TABLE webhook_deliveries (
    delivery_id TEXT    PRIMARY KEY,
    event       TEXT    NOT NULL,
    repo        TEXT,
    received_at BIGINT  NOT NULL,
    outcome     TEXT    NOT NULL
);
CREATE INDEX webhook_deliveries_received ON webhook_deliveries (received_at);
CREATE INDEX alerts_last_seen ON alerts (last_seen, id);
CREATE INDEX alerts_first_seen ON alerts (first_seen, id);
CREATE INDEX alerts_validity ON alerts (validity);
CREATE INDEX alerts_status_last_seen ON alerts (status, last_seen, id);
CREATE INDEX occurrences_repo ON occurrences (repo COLLATE "C");
CREATE INDEX anomalies_alert ON anomalies (alert_id);
