-- STRICT: a value of the wrong type is an error, not silently kept.
-- deleted is 0 or 1 (SQLite has no boolean type; FALSE and TRUE are 0 and 1).
-- body is the document's JSON text exactly as written, so its object keys keep their order.
CREATE TABLE documents (
    account_id TEXT    NOT NULL,
    id         TEXT    NOT NULL,
    type       TEXT    NOT NULL,
    rev_number INTEGER NOT NULL,
    rev        TEXT    NOT NULL,
    created    INTEGER NOT NULL,
    modified   INTEGER NOT NULL,
    deleted    INTEGER NOT NULL,
    body       TEXT    NOT NULL,
    PRIMARY KEY (account_id, id)
) STRICT;

-- Listings: the live documents of one type of an account, in id order.
CREATE INDEX documents_by_type ON documents (account_id, type, deleted, id);

-- WITHOUT ROWID: the rows are small and always reached through their key.
CREATE TABLE document_index (
    account_id TEXT NOT NULL,
    index_name TEXT NOT NULL,
    index_key  TEXT NOT NULL,
    doc_id     TEXT NOT NULL,
    PRIMARY KEY (account_id, doc_id, index_name, index_key),
    FOREIGN KEY (account_id, doc_id) REFERENCES documents (account_id, id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE INDEX document_index_by_key ON document_index (index_name, index_key, account_id, doc_id);
