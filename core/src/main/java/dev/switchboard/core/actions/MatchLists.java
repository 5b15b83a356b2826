package dev.switchboard.core.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentIndexes;
import dev.switchboard.core.engine.AccountDocuments;
import dev.switchboard.core.number.NumberNormalizer;
import dev.switchboard.core.schema.PcrePattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Match lists (spec §7.12) and how a caller-ID number matches their entries: {@code number} exactly (compared in
 * E.164), {@code prefix} as the start of the number (a leading {@code +} ignored on both sides), {@code pattern}
 * or {@code regexp} as a regular expression found in the number.
 */
final class MatchLists {

    /** A list entry; {@code key} is its {@code capture_group_key} (the object key in a legacy list). */
    record Entry(ObjectNode body, String key) {
        String text(String field) {
            return body.path(field).asString("");
        }

        /** The name to show: displayname, name, KAZOO's legacy cid_name, else first and last name. */
        String displayName() {
            for (String field : new String[] {"displayname", "name", "cid_name"}) {
                if (!text(field).isBlank()) {
                    return text(field);
                }
            }
            return (text("firstname") + " " + text("lastname")).trim();
        }

        /** The caller-ID number it gives (dynamic_cid): number, else the legacy cid_number. */
        String callerIdNumber() {
            return !text("number").isBlank() ? text("number") : text("cid_number");
        }

        String callerIdName() {
            return !text("name").isBlank() ? text("name") : text("cid_name");
        }
    }

    private MatchLists() {
    }

    /** The list document, if it exists. */
    static Optional<Document> list(AccountDocuments docs, String listId) {
        return docs.get("list", listId);
    }

    /** The entries of a list: entry documents and the legacy entries kept inside the list document. */
    static List<Entry> entries(AccountDocuments docs, String listId) {
        List<Entry> entries = new ArrayList<>();
        if (listId == null || listId.isEmpty()) {
            return entries;
        }
        for (Document d : docs.find(DocumentIndexes.LIST_ENTRY_LIST, listId)) {
            if (d.type().equals("list_entry")) {
                entries.add(new Entry(d.body(), d.body().path("capture_group_key").asString("")));
            }
        }
        list(docs, listId).ifPresent(list -> {
            for (Map.Entry<String, JsonNode> legacy : list.body().path("entries").properties()) {
                if (legacy.getValue() instanceof ObjectNode body) {
                    entries.add(new Entry(body, legacy.getKey()));
                }
            }
        });
        return entries;
    }

    /**
     * How many characters of the number the entry's {@code number} or {@code prefix} covers; 0 when it does not
     * match that way.
     */
    static int prefixMatch(Entry entry, String callerNumber) {
        String number = stripPlus(callerNumber);
        String exact = entry.text("number");
        if (!exact.isEmpty() && NumberNormalizer.normalize(exact).equals(NumberNormalizer.normalize(callerNumber))) {
            return number.length();
        }
        String prefix = stripPlus(entry.text("prefix"));
        return !prefix.isEmpty() && number.startsWith(prefix) ? prefix.length() : 0;
    }

    /** The entry has a regular expression and it is found in the number; an invalid one matches nothing. */
    static boolean patternMatches(Entry entry, String callerNumber) {
        String regex = !entry.text("pattern").isEmpty() ? entry.text("pattern") : entry.text("regexp");
        return !regex.isEmpty() && PcrePattern.isValid(regex) && PcrePattern.compile(regex).matcher(callerNumber).find();
    }

    static boolean matches(Entry entry, String callerNumber) {
        return prefixMatch(entry, callerNumber) > 0 || patternMatches(entry, callerNumber);
    }

    private static String stripPlus(String number) {
        return number.startsWith("+") ? number.substring(1) : number;
    }
}
