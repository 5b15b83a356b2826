package dev.switchboard.store;

import java.sql.SQLException;

/** The database failed (unreachable, disk full, ...): nothing the caller did wrong, KAZOO's 500. */
public final class StoreException extends RuntimeException {
    StoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
