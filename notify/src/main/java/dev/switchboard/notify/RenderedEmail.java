package dev.switchboard.notify;

/**
 * An e-mail's words, ready to send.
 *
 * @param html the HTML alternative, or null when the template has none
 */
record RenderedEmail(String subject, String text, String html) {
}
