-- inbox delivery key: a retried inbox delivery inserts nothing (was added at run time by NotifySchema)
-- Databases of earlier versions may already have the column (added outside the migrations), so the table is
-- rebuilt rather than altered: SQLite has no ADD COLUMN IF NOT EXISTS. Delivery keys only guard retries in
-- flight; the rows themselves are kept.
CREATE TABLE inbox_v3 (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    at           BIGINT  NOT NULL,
    alert_id     BIGINT  REFERENCES alerts (id),
    title        TEXT    NOT NULL,
    body         TEXT    NOT NULL,
    read_at      BIGINT,
    delivery_key TEXT
);
INSERT INTO inbox_v3 (id, at, alert_id, title, body, read_at) SELECT id, at, alert_id, title, body, read_at FROM inbox;
DROP INDEX IF EXISTS inbox_delivery_key;
DROP TABLE inbox;
ALTER TABLE inbox_v3 RENAME TO inbox;
CREATE UNIQUE INDEX inbox_delivery_key ON inbox (delivery_key);
