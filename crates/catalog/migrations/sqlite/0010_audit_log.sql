-- The audit log: every write made on someone's behalf (a token issued or revoked, a
-- declaration, a webhook secret rotated, a publisher added or changed), appended in the same
-- transaction as the write, never updated or deleted. Each row's `hash` is the SHA-256 of a
-- canonical encoding of (seq, at, actor, action, target, before, after, prev_hash), and
-- `prev_hash` is the previous row's hash: a row altered, removed or inserted breaks the chain
-- (`commons audit verify`). `before` and `after` are JSON text, or NULL.
CREATE TABLE audit_log (
    seq       INTEGER PRIMARY KEY,
    at        INTEGER NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    target    TEXT NOT NULL,
    before    TEXT,
    after     TEXT,
    prev_hash TEXT NOT NULL UNIQUE,
    hash      TEXT NOT NULL UNIQUE
);
CREATE INDEX audit_log_actor ON audit_log (actor, seq);
CREATE INDEX audit_log_action ON audit_log (action, seq);
CREATE INDEX audit_log_at ON audit_log (at, seq);
-- The last sequence number appended: its row lock serialises appenders (several servers on
-- one PostgreSQL never fork the chain), and a removed last row shows as a gap.
INSERT INTO counters (name, value) VALUES ('audit', 0);
