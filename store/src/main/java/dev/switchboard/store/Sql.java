package dev.switchboard.store;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/** A unit of JDBC work on a pooled connection, plain or in one transaction; failures become {@link StoreException}. */
final class Sql {
    private Sql() {
    }

    @FunctionalInterface
    interface Work<T> {
        T apply(Connection c) throws SQLException;
    }

    static <T> T query(DataSource source, Work<T> work) {
        try (Connection c = source.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    static <T> T inTransaction(DataSource source, Work<T> work) {
        try (Connection c = source.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (Throwable failure) {
                rollback(c, failure);
                throw failure;
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private static void rollback(Connection c, Throwable failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
