package dev.switchboard.store;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import dev.switchboard.core.doc.DocumentIndexer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Indexes callflows by their {@code numbers}, like KAZOO's {@code listing_by_number}; can be told to fail. */
final class NumberIndexer implements DocumentIndexer {
    static final String BY_NUMBER = "by_number";

    volatile boolean failing;

    @Override
    public Map<String, Set<String>> keys(String type, ObjectNode body) {
        if (failing) {
            throw new IllegalStateException("indexer failed on purpose");
        }
        if (!type.equals("callflow")) {
            return Map.of();
        }
        Set<String> numbers = new LinkedHashSet<>();
        for (JsonNode number : body.path("numbers")) {
            numbers.add(number.asString());
        }
        return Map.of(BY_NUMBER, numbers);
    }
}
