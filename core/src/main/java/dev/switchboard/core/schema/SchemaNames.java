package dev.switchboard.core.schema;

import java.util.Optional;

/**
 * How schemas are named. A schema's name is its file name without {@code .json} ({@code users},
 * {@code callflows.play}); a flow node's data is checked against {@code callflows.<module>}. Module names never
 * contain a dot, so a file such as {@code callflows.ring_group.endpoint.json} is a shared fragment, not a module.
 */
final class SchemaNames {
    /** Where the schemas pretend to live, so that a relative {@code $ref} like {@code caller_id.json} resolves. */
    static final String BASE_IRI = "https://switchboard.dev/schemas/";
    static final String CALLFLOWS = "callflows";
    private static final String MODULE_PREFIX = CALLFLOWS + ".";
    private static final String SUFFIX = ".json";

    private SchemaNames() {
    }

    static String iri(String name) {
        return BASE_IRI + name + SUFFIX;
    }

    /** The schema named by a {@code $ref} file part or a loader IRI: {@code caller_id}, {@code ./caller_id.json}, … */
    static String fromReference(String reference) {
        String file = reference.substring(reference.lastIndexOf('/') + 1);
        return file.endsWith(SUFFIX) ? file.substring(0, file.length() - SUFFIX.length()) : file;
    }

    static String ofModule(String module) {
        return MODULE_PREFIX + module;
    }

    static Optional<String> moduleOf(String schemaName) {
        if (!schemaName.startsWith(MODULE_PREFIX)) {
            return Optional.empty();
        }
        String module = schemaName.substring(MODULE_PREFIX.length());
        return module.isEmpty() || module.contains(".") ? Optional.empty() : Optional.of(module);
    }
}
