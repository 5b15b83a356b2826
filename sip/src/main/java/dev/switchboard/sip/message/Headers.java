package dev.switchboard.sip.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Ordered header fields. Names are stored canonically ({@link HeaderNames#canonical}) and compared without case; each
 * value of a list header is its own entry. Not thread-safe.
 */
public final class Headers {
    /** One header field. */
    public record Field(String name, String value) {}

    private final List<Field> fields;

    public Headers() {
        this.fields = new ArrayList<>(16);
    }

    private Headers(List<Field> fields) {
        this.fields = fields;
    }

    public Headers copy() {
        return new Headers(new ArrayList<>(fields));
    }

    /** Appends a value after the existing ones. */
    public Headers add(String name, String value) {
        fields.add(new Field(HeaderNames.canonical(name), value));
        return this;
    }

    /** Inserts a value before the existing ones of that name (as a proxy adds a Via). */
    public Headers addFirst(String name, String value) {
        String canonical = HeaderNames.canonical(name);
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name.equalsIgnoreCase(canonical)) {
                fields.add(i, new Field(canonical, value));
                return this;
            }
        }
        fields.add(new Field(canonical, value));
        return this;
    }

    /** Replaces all values of {@code name} by one, kept where the first one was. */
    public Headers set(String name, String value) {
        String canonical = HeaderNames.canonical(name);
        int at = -1;
        for (int i = fields.size() - 1; i >= 0; i--) {
            if (fields.get(i).name.equalsIgnoreCase(canonical)) {
                fields.remove(i);
                at = i;
            }
        }
        if (at < 0) fields.add(new Field(canonical, value));
        else fields.add(at, new Field(canonical, value));
        return this;
    }

    /** Replaces the first value of {@code name}; adds it when absent. */
    public Headers setFirst(String name, String value) {
        String canonical = HeaderNames.canonical(name);
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name.equalsIgnoreCase(canonical)) {
                fields.set(i, new Field(canonical, value));
                return this;
            }
        }
        fields.add(new Field(canonical, value));
        return this;
    }

    public Headers remove(String name) {
        String canonical = HeaderNames.canonical(name);
        fields.removeIf(f -> f.name.equalsIgnoreCase(canonical));
        return this;
    }

    /** Removes the first value of {@code name}, if any. */
    public Headers removeFirst(String name) {
        String canonical = HeaderNames.canonical(name);
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name.equalsIgnoreCase(canonical)) {
                fields.remove(i);
                return this;
            }
        }
        return this;
    }

    public Optional<String> first(String name) {
        String canonical = HeaderNames.canonical(name);
        for (Field f : fields) if (f.name.equalsIgnoreCase(canonical)) return Optional.of(f.value);
        return Optional.empty();
    }

    public List<String> all(String name) {
        String canonical = HeaderNames.canonical(name);
        List<String> values = new ArrayList<>(2);
        for (Field f : fields) if (f.name.equalsIgnoreCase(canonical)) values.add(f.value);
        return values;
    }

    public boolean contains(String name) {
        return first(name).isPresent();
    }

    public int count(String name) {
        return all(name).size();
    }

    /** All fields in order (a read-only view). */
    public List<Field> fields() {
        return java.util.Collections.unmodifiableList(fields);
    }

    public int size() {
        return fields.size();
    }
}
