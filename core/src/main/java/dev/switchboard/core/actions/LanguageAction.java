package dev.switchboard.core.actions;

import java.util.Locale;
import java.util.regex.Pattern;

import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;

/**
 * {@code language} (spec §6.40): prompts from here on are in {@code language} ("fr-ca"), which also becomes the
 * call's {@code default_language} channel variable for the legs it rings. A value that is not a language code
 * changes nothing.
 */
public final class LanguageAction implements Action {
    private static final Pattern CODE = Pattern.compile("^[A-Za-z]{2}(-[A-Za-z]{2})?$");

    @Override
    public String module() {
        return "language";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        String language = data.path("language").asString("");
        if (!CODE.matcher(language).matches()) {
            ctx.event("language:invalid:" + language);
            return Next.CONTINUE;
        }
        String code = language.toLowerCase(Locale.ROOT);
        ctx.call().language(code);
        ctx.state().variables().put("default_language", code);
        return Next.CONTINUE;
    }
}
