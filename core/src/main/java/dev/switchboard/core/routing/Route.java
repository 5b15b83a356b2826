package dev.switchboard.core.routing;

import java.util.Map;

import dev.switchboard.core.doc.Document;

/**
 * The callflow a dialled number reached.
 *
 * @param captureGroup  the pattern's argument (longest capture, or the whole match), null for exact numbers
 * @param captureGroups named captures of the pattern
 * @param noMatch       reached through the account's {@code no_match} callflow
 */
public record Route(Document callflow, String captureGroup, Map<String, String> captureGroups, boolean noMatch) {
}
