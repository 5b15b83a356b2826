package dev.switchboard.core.actions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.switchboard.core.engine.ActionContext;
import tools.jackson.databind.JsonNode;

/**
 * The e-mail addresses of a {@code recipients} list ({@code missed_call_alert}, {@code notification}): each item
 * is {@code {"type": "user", "id": <user id or ids>}} (the user's {@code email}) or
 * {@code {"type": "email", "id": <address or addresses>}}; duplicates are dropped, order is kept.
 */
final class Recipients {
    private Recipients() {
    }

    static List<String> emails(ActionContext ctx, JsonNode recipients) {
        Set<String> emails = new LinkedHashSet<>();
        if (!recipients.isArray()) {
            return List.of();
        }
        for (JsonNode recipient : recipients) {
            boolean user = recipient.path("type").asString("").equals("user");
            for (String id : ids(recipient.path("id"))) {
                String email = user ? ctx.documents().get("user", id)
                        .map(u -> u.body().path("email").asString("")).orElse("") : id;
                if (email.contains("@")) {
                    emails.add(email.trim());
                }
            }
        }
        return List.copyOf(emails);
    }

    private static List<String> ids(JsonNode id) {
        List<String> ids = new ArrayList<>();
        if (id.isArray()) {
            id.forEach(i -> ids.add(i.asString("")));
        } else if (id.isString()) {
            ids.add(id.asString());
        }
        return ids;
    }
}
