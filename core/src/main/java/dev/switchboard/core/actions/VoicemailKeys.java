package dev.switchboard.core.actions;

/** The keys of the voicemail menus: KAZOO's defaults ({@code keys.voicemail}, spec §6.76). */
final class VoicemailKeys {
    static final String OPERATOR = "0";
    static final String LOGIN = "*";

    static final String REVIEW_SAVE = "1";
    static final String REVIEW_LISTEN = "2";
    static final String REVIEW_RECORD = "3";

    static final String HEAR_NEW = "1";
    static final String HEAR_SAVED = "2";
    static final String CONFIGURE = "5";
    static final String EXIT = "#";

    static final String RECORD_UNAVAILABLE = "1";
    static final String RECORD_NAME = "2";
    static final String SET_PIN = "3";
    static final String RECORD_TEMPORARY = "4";
    static final String DELETE_TEMPORARY = "5";
    static final String TOGGLE_ANNOUNCEMENT = "6";
    static final String RETURN_MAIN = "0";

    static final String KEEP = "1";
    static final String REPLAY = "2";
    static final String FORWARD = "3";
    static final String PREVIOUS = "4";
    static final String NEXT = "6";
    static final String DELETE = "7";
    static final String CALLBACK = "9";

    private VoicemailKeys() {
    }
}
