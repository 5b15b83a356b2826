-- Audio of media documents and voicemail messages, in the same database as the documents, so that a message and
-- its recording are committed together and every node of a cluster reads the same bytes.
CREATE TABLE attachments (
    account_id   TEXT COLLATE "C" NOT NULL,
    doc_id       TEXT COLLATE "C" NOT NULL,
    name         TEXT COLLATE "C" NOT NULL,
    content_type TEXT NOT NULL,
    bytes        BYTEA NOT NULL,
    PRIMARY KEY (account_id, doc_id, name)
);
