-- Audio of media documents and voicemail messages, in the same database as the documents, so that a message and
-- its recording are committed together and every node of a cluster reads the same bytes.
CREATE TABLE attachments (
    account_id   TEXT NOT NULL,
    doc_id       TEXT NOT NULL,
    name         TEXT NOT NULL,
    content_type TEXT NOT NULL,
    bytes        BLOB NOT NULL,
    PRIMARY KEY (account_id, doc_id, name)
) STRICT;
