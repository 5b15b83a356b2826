package dev.switchboard.core.call;

/** A received fax: TIFF pages, or why it failed. */
public record FaxResult(boolean success, int pages, byte[] tiff, String error) {
}
