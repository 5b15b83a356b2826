package dev.switchboard.sip.message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Ordered {@code ;name=value} parameters with case-insensitive names. A flag parameter ({@code ;lr}) has a null value.
 * Quoted values are kept with their quotes, so formatting gives back what was read. Immutable.
 */
public final class Parameters {
    /** One parameter; {@code value} is null for a flag. */
    public record Parameter(String name, String value) {}

    private static final Parameters EMPTY = new Parameters(List.of());
    private final List<Parameter> list;

    private Parameters(List<Parameter> list) {
        this.list = list;
    }

    public static Parameters empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Parses {@code ;a=b;c} (a leading semicolon is required for each parameter). */
    public static Parameters parse(String text) {
        Cursor c = new Cursor(text);
        Parameters p = c.parameters();
        c.skipWhitespace();
        if (!c.atEnd()) throw c.fail("unexpected text");
        return p;
    }

    public boolean has(String name) {
        for (Parameter p : list) if (p.name.equalsIgnoreCase(name)) return true;
        return false;
    }

    /** The value, empty when absent or a flag (use {@link #has} for flags). */
    public Optional<String> get(String name) {
        for (Parameter p : list) if (p.name.equalsIgnoreCase(name)) return Optional.ofNullable(p.value);
        return Optional.empty();
    }

    /** The value with surrounding quotes removed. */
    public Optional<String> getUnquoted(String name) {
        return get(name).map(v -> v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? new Cursor(v).quoted() : v);
    }

    /** A copy with {@code name} set to {@code value} (null for a flag), replacing any earlier value in place. */
    public Parameters with(String name, String value) {
        List<Parameter> copy = new ArrayList<>(list);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).name.equalsIgnoreCase(name)) {
                copy.set(i, new Parameter(copy.get(i).name, value));
                return new Parameters(Collections.unmodifiableList(copy));
            }
        }
        copy.add(new Parameter(name, value));
        return new Parameters(Collections.unmodifiableList(copy));
    }

    public Parameters without(String name) {
        if (!has(name)) return this;
        List<Parameter> copy = new ArrayList<>(list);
        copy.removeIf(p -> p.name.equalsIgnoreCase(name));
        return new Parameters(Collections.unmodifiableList(copy));
    }

    public List<Parameter> asList() {
        return list;
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    /** {@code ;a=b;c}, or the empty string. */
    @Override
    public String toString() {
        if (list.isEmpty()) return "";
        StringBuilder b = new StringBuilder();
        appendTo(b);
        return b.toString();
    }

    void appendTo(StringBuilder b) {
        for (Parameter p : list) {
            b.append(';').append(p.name);
            if (p.value != null) b.append('=').append(p.value);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parameters other && list.equals(other.list);
    }

    @Override
    public int hashCode() {
        return list.hashCode();
    }

    /** Collects parameters in order. */
    public static final class Builder {
        private final List<Parameter> list = new ArrayList<>(4);

        public Builder add(String name, String value) {
            list.add(new Parameter(name, value));
            return this;
        }

        public Parameters build() {
            return list.isEmpty() ? EMPTY : new Parameters(Collections.unmodifiableList(list));
        }
    }
}
