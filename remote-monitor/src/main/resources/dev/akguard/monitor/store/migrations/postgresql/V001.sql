-- initial schema: alerts, occurrences, history, poll cursors, push queue, outbox, inbox, call records, anomalies
-- Conventions for every table (both dialects): times are BIGINT epoch milliseconds UTC; enums are stored as
-- their Java constant names (AlertStatus, HandlingMethod, Validity). No column ever holds a plaintext secret.
CREATE TABLE alerts (
    id              BIGSERIAL PRIMARY KEY,
    access_key_id   TEXT    NOT NULL,
    secret_sha256   TEXT    NOT NULL,
    secret_redacted TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    handling_method TEXT,
    validity        TEXT    NOT NULL DEFAULT 'UNVERIFIED',
    account_id      TEXT,
    verified_at     BIGINT,
    first_seen      BIGINT  NOT NULL,
    last_seen       BIGINT  NOT NULL,
    UNIQUE (access_key_id, secret_sha256)
);
CREATE INDEX alerts_status ON alerts (status);
CREATE TABLE occurrences (
    id         BIGSERIAL PRIMARY KEY,
    alert_id   BIGINT  NOT NULL REFERENCES alerts (id),
    repo       TEXT    NOT NULL,
    path       TEXT    NOT NULL,
    line       INTEGER NOT NULL,
    commit_sha TEXT    NOT NULL,
    author     TEXT,
    url        TEXT,
    source     TEXT,
    seen_at    BIGINT  NOT NULL,
    UNIQUE (alert_id, repo, commit_sha, path, line)
);
CREATE TABLE history (
    id       BIGSERIAL PRIMARY KEY,
    alert_id BIGINT  NOT NULL REFERENCES alerts (id),
    at       BIGINT  NOT NULL,
    by_user  TEXT    NOT NULL,
    action   TEXT    NOT NULL,
    note     TEXT
);
CREATE INDEX history_alert ON history (alert_id, id);
CREATE TABLE poll_cursors (
    source          TEXT    PRIMARY KEY,
    etag            TEXT,
    last_event_id   TEXT,
    poll_interval_s INTEGER NOT NULL DEFAULT 60,
    next_poll_at    BIGINT  NOT NULL DEFAULT 0,
    claimed_by      TEXT,
    claimed_until   BIGINT  NOT NULL DEFAULT 0,
    failures        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    updated_at      BIGINT  NOT NULL DEFAULT 0
);
CREATE TABLE push_queue (
    event_id        TEXT    PRIMARY KEY,
    source          TEXT    NOT NULL,
    repo            TEXT    NOT NULL,
    ref             TEXT,
    before_sha      TEXT,
    head_sha        TEXT    NOT NULL,
    actor           TEXT,
    created_at      BIGINT,
    enqueued_at     BIGINT  NOT NULL,
    status          TEXT    NOT NULL DEFAULT 'PENDING',
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT  NOT NULL DEFAULT 0,
    claimed_by      TEXT,
    claimed_until   BIGINT  NOT NULL DEFAULT 0,
    last_error      TEXT,
    done_at         BIGINT
);
CREATE INDEX push_queue_due ON push_queue (status, next_attempt_at);
CREATE TABLE outbox (
    id              BIGSERIAL PRIMARY KEY,
    channel         TEXT    NOT NULL,
    alert_id        BIGINT  REFERENCES alerts (id),
    kind            TEXT    NOT NULL,
    payload         TEXT    NOT NULL,
    status          TEXT    NOT NULL DEFAULT 'PENDING',
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT  NOT NULL DEFAULT 0,
    last_error      TEXT,
    created_at      BIGINT  NOT NULL,
    sent_at         BIGINT,
    UNIQUE (channel, alert_id, kind)
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
CREATE TABLE inbox (
    id       BIGSERIAL PRIMARY KEY,
    at       BIGINT  NOT NULL,
    alert_id BIGINT  REFERENCES alerts (id),
    title    TEXT    NOT NULL,
    body     TEXT    NOT NULL,
    read_at  BIGINT
);
CREATE TABLE call_records (
    id                BIGSERIAL PRIMARY KEY,
    access_key_id     TEXT    NOT NULL,
    event_id          TEXT    NOT NULL,
    event_time        BIGINT  NOT NULL,
    event_name        TEXT,
    service_name      TEXT,
    source_ip_address TEXT,
    acs_region        TEXT,
    event_rw          TEXT,
    error_code        TEXT,
    user_agent        TEXT,
    user_name         TEXT,
    account_id        TEXT,
    identity_type     TEXT,
    fetched_at        BIGINT  NOT NULL,
    UNIQUE (access_key_id, event_id)
);
CREATE INDEX call_records_key_time ON call_records (access_key_id, event_time);
CREATE TABLE anomalies (
    id            BIGSERIAL PRIMARY KEY,
    type          TEXT    NOT NULL,
    access_key_id TEXT    NOT NULL,
    at            BIGINT  NOT NULL,
    detail        TEXT,
    evidence      TEXT,
    found_at      BIGINT  NOT NULL,
    UNIQUE (type, access_key_id, at)
);
