-- Sign-in, roles and requests to publish (issue 16).

-- Sessions of people signed in through the OpenID Connect provider. Only the SHA-256 (hex)
-- of the session cookie is stored, never the cookie. `csrf` is the token the session's forms
-- carry. `id_token` is kept only as the hint of the provider's logout.
CREATE TABLE sessions (
    id_hash    TEXT PRIMARY KEY,
    subject    TEXT NOT NULL,
    email      TEXT NOT NULL,
    name       TEXT NOT NULL,
    csrf       TEXT NOT NULL,
    id_token   TEXT,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expires_at);

-- Sign-ins under way: one row per redirect to the provider, found by the SHA-256 of its
-- `state`, deleted when the provider sends the browser back (so a state works once).
CREATE TABLE login_attempts (
    state_hash    TEXT PRIMARY KEY,
    nonce         TEXT NOT NULL,
    pkce_verifier TEXT NOT NULL,
    return_to     TEXT NOT NULL,
    expires_at    BIGINT NOT NULL
);

-- Roles given to people, by e-mail address (lower-case): `admin` (scope ''), `curator`
-- (scope '' for every organisation, or an organisation id), `member` (an organisation id).
-- A revoked grant is deleted; the audit log keeps it.
CREATE TABLE role_grants (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email      TEXT NOT NULL,
    role       TEXT NOT NULL CHECK (role IN ('admin', 'curator', 'member')),
    scope      TEXT NOT NULL,
    granted_by TEXT NOT NULL,
    granted_at BIGINT NOT NULL,
    UNIQUE (email, role, scope)
);

-- Requests to publish: a signed-in person asks that an organisation's forge group be
-- catalogued; a curator accepts or refuses with a reason.
CREATE TABLE publish_requests (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    requester       TEXT NOT NULL,
    organisation_id TEXT NOT NULL,
    organisation    TEXT NOT NULL,
    forge_url       TEXT NOT NULL,
    evidence        TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'refused')),
    reason          TEXT,
    decided_by      TEXT,
    created_at      BIGINT NOT NULL,
    decided_at      BIGINT
);
CREATE INDEX publish_requests_status ON publish_requests (status, id);
CREATE INDEX publish_requests_requester ON publish_requests (requester, id);
