-- published content that was not (fully) scanned: files over the size limit, repositories too big to clone
-- Shown by `monitor alerts`/`show` and `monitor not-scanned`, so "not scanned" is never mistaken for "clean".
CREATE TABLE scan_gaps (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    repo        TEXT    NOT NULL,
    commit_sha  TEXT    NOT NULL DEFAULT '',
    path        TEXT    NOT NULL DEFAULT '',
    reason      TEXT    NOT NULL,
    event_id    TEXT,
    recorded_at BIGINT  NOT NULL,
    UNIQUE (repo, commit_sha, path)
);
CREATE INDEX scan_gaps_recorded ON scan_gaps (recorded_at);
