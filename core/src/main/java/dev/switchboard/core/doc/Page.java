package dev.switchboard.core.doc;

import java.util.List;

/** A page of documents; {@code nextStartKey} is null on the last page. */
public record Page(List<Document> documents, String nextStartKey) {
}
