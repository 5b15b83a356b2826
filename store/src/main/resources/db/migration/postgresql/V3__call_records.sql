-- Ended calls: a detail record and the step trace of each, written once and read newest first per account.
-- A table rather than documents: rows are never revised, listings are by time, and the purge deletes by age.
-- trace is NULL once it has outlived its retention, which is shorter than the record's.
CREATE TABLE call_records (
    account_id TEXT COLLATE "C" NOT NULL,
    id         TEXT COLLATE "C" NOT NULL,
    call_id    TEXT COLLATE "C" NOT NULL,
    start_ms   BIGINT NOT NULL,
    cdr        TEXT   NOT NULL,
    trace      TEXT,
    PRIMARY KEY (account_id, id)
);

CREATE INDEX call_records_by_start ON call_records (account_id, start_ms, id);
CREATE INDEX call_records_by_call ON call_records (account_id, call_id);
CREATE INDEX call_records_by_age ON call_records (start_ms);
