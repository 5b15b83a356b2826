package dev.switchboard.core.doc;

import tools.jackson.databind.node.ObjectNode;

/**
 * One stored document of an account.
 *
 * @param accountId the owning account; an account document is owned by itself
 * @param id        32 lowercase hex characters, or an id the client chose
 * @param type      KAZOO's {@code pvt_type}: callflow, user, device, vmbox, account, ...
 * @param rev       opaque revision, {@code "<n>-<hash>"}; a write naming another revision is a conflict
 * @param created   Gregorian seconds (seconds since 0000-01-01T00:00:00Z), as KAZOO's {@code pvt_created}
 * @param modified  Gregorian seconds of the last write
 * @param deleted   soft-deleted: kept, but absent from listings and index look-ups
 * @param body      the document's fields, in the order written; may hold server-written {@code pvt_*} fields,
 *                  never {@code _id}/{@code _rev} (those are the record's own fields)
 */
public record Document(String accountId, String id, String type, String rev, long created, long modified,
                       boolean deleted, ObjectNode body) {

    /** Seconds between 0000-01-01 and 1970-01-01, KAZOO's offset between Gregorian and Unix seconds. */
    public static final long GREGORIAN_UNIX_OFFSET = 62_167_219_200L;

    public int revisionNumber() {
        int dash = rev.indexOf('-');
        return Integer.parseInt(dash < 0 ? rev : rev.substring(0, dash));
    }
}
