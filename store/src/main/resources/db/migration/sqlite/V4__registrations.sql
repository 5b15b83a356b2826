-- Registered contacts of devices (RFC 3261 bindings), so that a restart loses no registration. The registrar reads
-- them once at start and writes every change through; expired rows are ignored and purged.
CREATE TABLE registrations (
    account_id  TEXT    NOT NULL,
    device_id   TEXT    NOT NULL,
    contact_uri TEXT    NOT NULL,
    transport   TEXT    NOT NULL,
    host        TEXT    NOT NULL,
    port        INTEGER NOT NULL,
    flow        TEXT,
    expires_ms  INTEGER NOT NULL,
    call_id     TEXT    NOT NULL,
    cseq        INTEGER NOT NULL,
    user_agent  TEXT,
    PRIMARY KEY (account_id, device_id, contact_uri)
) STRICT;

CREATE INDEX registrations_by_expiry ON registrations (expires_ms);
