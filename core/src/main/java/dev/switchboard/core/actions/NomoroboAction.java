package dev.switchboard.core.actions;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.switchboard.core.doc.Json;
import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import dev.switchboard.core.engine.WebClient;
import dev.switchboard.core.number.NumberNormalizer;
import tools.jackson.databind.JsonNode;

/**
 * {@code nomorobo} (spec §6.46): asks Nomorobo how likely the caller is a robocall. The score (0.0–1.0) times ten,
 * truncated, picks the child with the largest integer key not above it ("_" when none is). When the lookup fails:
 * "_" if the node has it, else {@code 0}, else the call ends.
 */
public final class NomoroboAction implements Action {
    static final String URL = "https://api.nomorobo.com/v1/check";

    @Override
    public String module() {
        return "nomorobo";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        Optional<Integer> score = score(ctx, data);
        if (score.isEmpty()) {
            ctx.event("nomorobo:failed");
            return ctx.hasChild("_") ? Next.CONTINUE : ctx.hasChild("0") ? Next.to("0") : Next.STOP;
        }
        ctx.event("nomorobo:score=" + score.get());
        TreeMap<Integer, String> thresholds = new TreeMap<>();
        for (String key : ctx.branchKeys()) {
            try {
                thresholds.putIfAbsent(Integer.parseInt(key.trim()), key);
            } catch (NumberFormatException e) {
                // only integer keys are score thresholds
            }
        }
        Map.Entry<Integer, String> child = thresholds.floorEntry(score.get());
        return child == null ? Next.CONTINUE : Next.to(child.getValue());
    }

    private static Optional<Integer> score(ActionContext ctx, JsonNode data) {
        String url = URL + "?From=" + npan(PresentedCallerId.own(ctx).number())
                + "&To=" + npan(ctx.call().info().dialled());
        String credentials = data.path("username").asString("") + ":" + data.path("password").asString("");
        Map<String, String> headers = Map.of("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        try {
            WebClient.Response response = ctx.services().web().request("GET", url, headers, null);
            if (response.status() != 200) {
                return Optional.empty();
            }
            JsonNode score = Json.parse(response.body()).path("score");
            return score.isNumber() || score.isString()
                    ? Optional.of((int) (Double.parseDouble(score.asString()) * 10)) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Ten digits for a North American number, the digits of the E.164 form otherwise. */
    private static String npan(String number) {
        String e164 = NumberNormalizer.normalize(number == null ? "" : number);
        String digits = e164.replaceAll("\\D", "");
        return e164.startsWith("+1") && digits.length() == 11 ? digits.substring(1) : digits;
    }
}
