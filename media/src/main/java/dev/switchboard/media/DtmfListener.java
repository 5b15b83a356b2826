package dev.switchboard.media;

/** Hears the remote side's key presses. Called on an I/O thread: hand the event off, do not block. */
@FunctionalInterface
public interface DtmfListener {
    void onDtmf(MediaSession session, DtmfEvent event);
}
