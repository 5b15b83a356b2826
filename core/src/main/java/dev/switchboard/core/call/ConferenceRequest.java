package dev.switchboard.core.call;

/**
 * Put the caller into a conference room; returns when the caller leaves it.
 *
 * @param roomId     the conference document id, or a dynamic room name
 * @param moderator  joins as moderator
 */
public record ConferenceRequest(String roomId, String name, boolean moderator, boolean muted, boolean deaf,
                                boolean playEntryTone) {
}
