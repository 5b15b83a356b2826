-- COLLATE "C": text sorts by its bytes, as on SQLite, whatever the server's locale; list pages and their start
-- keys depend on that order.
-- body is TEXT, not jsonb: jsonb reorders object keys, and a document must read back exactly as written.
CREATE TABLE documents (
    account_id TEXT COLLATE "C" NOT NULL,
    id         TEXT COLLATE "C" NOT NULL,
    type       TEXT COLLATE "C" NOT NULL,
    rev_number INTEGER NOT NULL,
    rev        TEXT    NOT NULL,
    created    BIGINT  NOT NULL,
    modified   BIGINT  NOT NULL,
    deleted    BOOLEAN NOT NULL,
    body       TEXT    NOT NULL,
    PRIMARY KEY (account_id, id)
);

-- Listings: the live documents of one type of an account, in id order.
CREATE INDEX documents_by_type ON documents (account_id, type, deleted, id);

CREATE TABLE document_index (
    account_id TEXT COLLATE "C" NOT NULL,
    index_name TEXT COLLATE "C" NOT NULL,
    index_key  TEXT COLLATE "C" NOT NULL,
    doc_id     TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (account_id, doc_id, index_name, index_key),
    FOREIGN KEY (account_id, doc_id) REFERENCES documents (account_id, id) ON DELETE CASCADE
);

CREATE INDEX document_index_by_key ON document_index (index_name, index_key, account_id, doc_id);
