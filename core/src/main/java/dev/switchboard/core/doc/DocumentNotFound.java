package dev.switchboard.core.doc;

/** No live document with that id in that account. */
public final class DocumentNotFound extends RuntimeException {
    private final String id;

    public DocumentNotFound(String id) {
        super("no document " + id);
        this.id = id;
    }

    public String id() {
        return id;
    }
}
