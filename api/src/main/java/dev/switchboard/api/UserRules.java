package dev.switchboard.api;

import java.util.Locale;

import dev.switchboard.api.auth.PasswordHasher;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentStore;
import dev.switchboard.core.doc.DocumentIndexes;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.schema.ValidationErrors;
import tools.jackson.databind.node.ObjectNode;

/**
 * Users: the user name is unique in the account; a password is never stored. What is kept is a slow hash of each
 * credential form KAZOO clients log in with ({@code md5("user:pass")} and {@code sha1("user:pass")}).
 */
final class UserRules implements DocumentRules {
    static final String MD5_CREDENTIALS = "pvt_md5_credentials_hash";
    static final String SHA1_CREDENTIALS = "pvt_sha1_credentials_hash";
    static final String CREDENTIALS_HINTS = "pvt_credentials_hints";

    @Override
    public void prepare(WriteContext write, ValidationErrors errors) {
        ObjectNode body = write.body();
        // only a string is lowercased; anything else is left for the schema to report as a type error
        if (body.path("username").isString()) {
            body.put("username", body.get("username").asString().toLowerCase(Locale.ROOT));
        }
        boolean renamed = write.existing() != null && body.path("username").isString()
                && !body.path("username").asString().equals(write.existing().body().path("username").asString(""));
        if (renamed && !body.has("password")) {
            errors.add("password", "required", "a new user name needs the password again, to keep them together");
        }
        if (body.has("password") && !body.has("username")) {
            errors.add("username", "required", "a password needs a user name to sign in with");
        }
    }

    @Override
    public void check(WriteContext write, ValidationErrors errors) {
        ObjectNode body = write.body();
        String username = body.path("username").asString("");
        Uniqueness.require(write, DocumentIndexes.USER_USERNAME, username, "username",
                "User name " + username + " is already in use", errors);
        if (errors.isEmpty() && body.has("password")) {
            String credentials = username + ":" + body.get("password").asString();
            body.remove("password");
            String md5 = PasswordHasher.md5Hex(credentials);
            String sha1 = PasswordHasher.sha1Hex(credentials);
            body.put(MD5_CREDENTIALS, PasswordHasher.hash(md5));
            body.put(SHA1_CREDENTIALS, PasswordHasher.hash(sha1));
            body.putArray(CREDENTIALS_HINTS).add(PasswordHasher.hint(md5)).add(PasswordHasher.hint(sha1));
        }
    }

    @Override
    public ObjectNode listing(Document doc, DocumentStore store) {
        ObjectNode row = Json.object().put("id", doc.id());
        for (String key : new String[] {"username", "first_name", "last_name", "email", "priv_level", "enabled",
                "presence_id"}) {
            if (doc.body().has(key)) {
                row.set(key, doc.body().get(key));
            }
        }
        return row;
    }
}
