package dev.switchboard.core.engine;

/** What actions reach beyond the call; real implementations in the server, recording ones in the simulator. */
public record Services(Notifier notifier, WebClient web, Presence presence, ActiveCalls activeCalls) {
}
