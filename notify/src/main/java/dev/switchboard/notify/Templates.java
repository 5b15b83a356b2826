package dev.switchboard.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * E-mail templates as plain files, {@code <name>.subject.txt}, {@code <name>.body.txt} and optionally
 * {@code <name>.html}: each read from the operator's directory when it is there, else from the defaults shipped in
 * {@code /templates/} on the classpath. Files are read at every use, so an edit counts from the next e-mail on.
 */
public final class Templates {
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,64}");
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*[\\r\\n]+\\s*");

    private final Path operatorDirectory;

    /** @param operatorDirectory where an operator's templates override the defaults; need not exist */
    public Templates(Path operatorDirectory) {
        this.operatorDirectory = operatorDirectory;
    }

    /**
     * @throws IllegalArgumentException when no subject or body exists for that name
     */
    RenderedEmail render(String name, Map<String, String> values) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a template name: " + name);
        }
        String subject = file(name + ".subject.txt").orElseThrow(() -> missing(name, "subject.txt"));
        String body = file(name + ".body.txt").orElseThrow(() -> missing(name, "body.txt"));
        String html = file(name + ".html").map(h -> TemplateRenderer.render(h, values, TemplateRenderer.Escaping.HTML))
                .orElse(null);
        // a value with a line break must not start a header of its own
        String oneLine = LINE_BREAKS.matcher(TemplateRenderer.render(subject, values, TemplateRenderer.Escaping.TEXT))
                .replaceAll(" ").strip();
        return new RenderedEmail(oneLine, TemplateRenderer.render(body, values, TemplateRenderer.Escaping.TEXT), html);
    }

    private Optional<String> file(String fileName) {
        Path own = operatorDirectory.resolve(fileName);
        try {
            if (Files.isRegularFile(own)) {
                return Optional.of(Files.readString(own, StandardCharsets.UTF_8));
            }
            try (InputStream shipped = Templates.class.getResourceAsStream("/templates/" + fileName)) {
                return shipped == null ? Optional.empty()
                        : Optional.of(new String(shipped.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the template " + fileName, e);
        }
    }

    private static IllegalArgumentException missing(String name, String part) {
        return new IllegalArgumentException("no e-mail template " + name + "." + part);
    }
}
