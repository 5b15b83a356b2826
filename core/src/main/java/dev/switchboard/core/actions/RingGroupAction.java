package dev.switchboard.core.actions;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import dev.switchboard.core.engine.Action;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.Next;
import tools.jackson.databind.JsonNode;

/**
 * {@code ring_group} (spec §6.61): ring a list of devices, users and groups. Data: {@code endpoints}
 * ({@code id}, {@code endpoint_type} device|user|group, {@code delay}, {@code timeout}, {@code weight},
 * {@code disable_until}), {@code strategy} simultaneous|single|weighted_random, {@code timeout} (s, 20),
 * {@code repeats} (1), {@code ringback}, {@code ringtones.internal/external}, {@code fail_on_single_reject},
 * {@code can_call_self}, {@code suppress_clid}. Does not answer. Answered → stop; failed → the cause/SIP-code
 * child if the flow has one, else the next repeat; nothing to ring or repeats exhausted → "_".
 */
public final class RingGroupAction implements Action {
    private final Supplier<RandomGenerator> random;

    public RingGroupAction() {
        this(ThreadLocalRandom::current);
    }

    /** @param random the source of weighted_random orders; tests pass a seeded one */
    RingGroupAction(Supplier<RandomGenerator> random) {
        this.random = random;
    }

    @Override
    public String module() {
        return "ring_group";
    }

    @Override
    public Next execute(ActionContext ctx, JsonNode data) {
        return RingGroups.ring(ctx, data, random.get());
    }
}
