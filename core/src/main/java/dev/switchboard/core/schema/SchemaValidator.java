package dev.switchboard.core.schema;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.format.PatternFormat;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.SchemaRegistryConfig;
import dev.switchboard.core.doc.Json;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates documents against our draft-07 JSON Schemas (classpath folder {@code schemas/}) the way Crossbar does:
 * schema defaults are injected into the document first, then every failure is collected in KAZOO's error shape.
 * Callflows additionally get their patterns and each flow node's data checked ({@link CallflowValidation}).
 *
 * <p>All schemas are compiled once at load; an instance is immutable and safe to share between threads.
 */
public final class SchemaValidator {
    public static final String FOLDER = "schemas";

    private final Map<String, JsonNode> sources;
    private final Map<String, Schema> compiled;
    private final SortedSet<String> names;
    private final SortedSet<String> modules;
    private final SchemaDefaults defaults;

    private SchemaValidator(Map<String, JsonNode> sources) {
        this.sources = Map.copyOf(sources);
        this.defaults = new SchemaDefaults(this.sources);
        // our x-ref, x-children and x-category annotate the schemas for the builder; they assert nothing
        Dialect draft7 = Dialect.builder(Dialects.getDraft7())
                .keyword(new NonValidationKeyword("x-ref"))
                .keyword(new NonValidationKeyword("x-children"))
                .keyword(new NonValidationKeyword("x-category"))
                // an address at a private domain (pbx.local, corp.lan) is a real mailbox to an MSP; the
                // library's e-mail format insists on a public top-level domain
                .format(PatternFormat.of("email", "^[^@\\s]+@[^@\\s]+$", "format.email"))
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(draft7, builder -> builder
                .schemas(iri -> iri.startsWith(SchemaNames.BASE_IRI) ? text(SchemaNames.fromReference(iri)) : null)
                .schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true)
                        .locale(Locale.ENGLISH)
                        .build()));
        Map<String, Schema> schemas = new HashMap<>();
        SortedSet<String> moduleNames = new TreeSet<>();
        for (String name : sources.keySet()) {
            Schema schema = registry.getSchema(SchemaLocation.of(SchemaNames.iri(name)));
            schema.initializeValidators();
            schemas.put(name, schema);
            SchemaNames.moduleOf(name).ifPresent(moduleNames::add);
        }
        this.compiled = Map.copyOf(schemas);
        this.names = Collections.unmodifiableSortedSet(new TreeSet<>(sources.keySet()));
        this.modules = Collections.unmodifiableSortedSet(moduleNames);
    }

    public static SchemaValidator load() {
        return load(FOLDER);
    }

    /** Loads several classpath folders; a schema in a later folder replaces the one of the same name before it. */
    public static SchemaValidator load(String... classpathFolders) {
        Map<String, JsonNode> sources = new TreeMap<>();
        for (String folder : classpathFolders) {
            sources.putAll(ClasspathSchemas.read(SchemaValidator.class.getClassLoader(), folder));
        }
        return new SchemaValidator(sources);
    }

    /**
     * Injects defaults into {@code document} and returns every failure (empty when valid). {@code callflows}
     * documents get the full callflow check of {@link #validateCallflow}.
     *
     * @throws IllegalArgumentException when there is no schema of that name
     */
    public ValidationErrors validate(String schemaName, ObjectNode document) {
        return SchemaNames.CALLFLOWS.equals(schemaName)
                ? validateCallflow(document)
                : validateDocument(schemaName, document, List.of());
    }

    /**
     * The callflow document against {@code callflows}, its patterns as regular expressions, and the data of each
     * flow node against {@code callflows.<module>} (errors under {@code flow.data.*}, {@code flow.children.<k>.*}).
     */
    public ValidationErrors validateCallflow(ObjectNode callflow) {
        return CallflowValidation.run(this, callflow);
    }

    ValidationErrors validateDocument(String schemaName, ObjectNode document, List<String> at) {
        Schema schema = compiled.get(schemaName);
        if (schema == null) {
            throw new IllegalArgumentException("no schema named " + schemaName);
        }
        defaults.inject(schemaName, document);
        return ErrorTranslator.translate(schema.validate(document), document, at);
    }

    public SortedSet<String> schemaNames() {
        return names;
    }

    /** Callflow modules that have a data schema ({@code callflows.<module>.json}). */
    public SortedSet<String> moduleNames() {
        return modules;
    }

    public boolean hasModule(String module) {
        return modules.contains(module);
    }

    public boolean hasSchema(String schemaName) {
        return sources.containsKey(schemaName);
    }

    /** A copy of the schema as written, e.g. for the OpenAPI description and the UI's generated forms. */
    public JsonNode schema(String schemaName) {
        JsonNode schema = sources.get(schemaName);
        if (schema == null) {
            throw new IllegalArgumentException("no schema named " + schemaName);
        }
        return schema.deepCopy();
    }

    private String text(String schemaName) {
        JsonNode schema = sources.get(schemaName);
        return schema == null ? null : Json.write(schema);
    }
}
