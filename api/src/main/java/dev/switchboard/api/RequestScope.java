package dev.switchboard.api;

import dev.switchboard.api.auth.Session;
import dev.switchboard.core.doc.Document;
import io.javalin.http.Context;

/**
 * What a handler works with: the HTTP exchange, the caller's session (null on public routes) and the account
 * named in the path, already checked to be within the caller's reach (null on routes without one).
 */
public record RequestScope(Context ctx, Session session, Document account) {

    public String accountId() {
        return account.id();
    }

    public String pathParam(String name) {
        return ctx.pathParam(name);
    }

    /** Writes need an admin token; a plain user may only read, or change what the handler allows itself. */
    public void requireAdmin() {
        if (session == null || !session.admin()) {
            throw ApiException.forbidden("this needs an admin of the account");
        }
    }
}
