package dev.switchboard.core.actions;

import dev.switchboard.core.call.Party;
import dev.switchboard.core.engine.ActionContext;
import tools.jackson.databind.node.ObjectNode;

/**
 * The caller ID a call presents onwards (spec §5.5 step 4): the call's own caller ID, which {@code check_cid},
 * {@code lookupcidname} and {@code dynamic_cid} change, with {@code prepend_cid}'s prefixes and then
 * {@code set_cid}'s rewrite applied. The parts live in the call's KVS under KAZOO's names, so each action changes
 * one part and the presented caller ID is computed again from all of them.
 */
final class PresentedCallerId {
    static final String OWN_NUMBER = "caller_id_number";
    static final String OWN_NAME = "caller_id_name";
    static final String PREFIX_NUMBER = "prepend_cid_number";
    static final String PREFIX_NAME = "prepend_cid_name";
    static final String REWRITE_NUMBER = "rewrite_cid_number";
    static final String REWRITE_NAME = "rewrite_cid_name";

    private PresentedCallerId() {
    }

    /** The call's own caller ID, without prefixes or rewrites: what arrived, unless an action changed it. */
    static Party own(ActionContext ctx) {
        ObjectNode kvs = ctx.state().kvs();
        Party arrived = ctx.call().info().from();
        String number = kvs.path(OWN_NUMBER).asString(arrived == null ? "" : nonNull(arrived.number()));
        String name = kvs.path(OWN_NAME).asString(arrived == null ? "" : nonNull(arrived.name()));
        return new Party(number, name);
    }

    /** Changes the call's own caller ID and presents it. */
    static void own(ActionContext ctx, Party party) {
        ctx.state().kvs().put(OWN_NUMBER, nonNull(party.number())).put(OWN_NAME, nonNull(party.name()));
        present(ctx);
    }

    /** Computes the presented caller ID again after a part of it changed. */
    static void present(ActionContext ctx) {
        ObjectNode kvs = ctx.state().kvs();
        Party own = own(ctx);
        String number = kvs.path(REWRITE_NUMBER).asString("");
        String name = kvs.path(REWRITE_NAME).asString("");
        Party presented = new Party(
                number.isEmpty() ? kvs.path(PREFIX_NUMBER).asString("") + own.number() : number,
                name.isEmpty() ? kvs.path(PREFIX_NAME).asString("") + own.name() : name);
        if (!presented.equals(ctx.call().callerId())) {
            ctx.call().callerId(presented);
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
