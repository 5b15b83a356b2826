package dev.switchboard.core.doc;

import java.util.function.Predicate;

/**
 * One page request.
 *
 * @param startKey   the id to start at (inclusive), from a previous page's {@code nextStartKey}; null = first
 * @param limit      most documents in the page; {@link Integer#MAX_VALUE} for everything
 * @param descending id order reversed
 * @param filter     documents the caller wants; the store scans on until the page is full
 */
public record ListQuery(String startKey, int limit, boolean descending, Predicate<Document> filter) {

    public static ListQuery all() {
        return new ListQuery(null, Integer.MAX_VALUE, false, d -> true);
    }
}
