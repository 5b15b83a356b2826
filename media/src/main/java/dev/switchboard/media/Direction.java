package dev.switchboard.media;

/** The SDP media direction attribute (RFC 3264 §5.1), as seen from the side that wrote it. */
public enum Direction {
    SENDRECV, SENDONLY, RECVONLY, INACTIVE;

    /** The direction the other side answers with: sendonly becomes recvonly and the reverse. */
    public Direction reversed() {
        return switch (this) {
            case SENDONLY -> RECVONLY;
            case RECVONLY -> SENDONLY;
            default -> this;
        };
    }

    /** Intersects our wish with what the other side allows, both written from our point of view. */
    public Direction and(Direction other) {
        boolean send = sends() && other.sends();
        boolean receive = receives() && other.receives();
        return send ? (receive ? SENDRECV : SENDONLY) : (receive ? RECVONLY : INACTIVE);
    }

    public boolean sends() {
        return this == SENDRECV || this == SENDONLY;
    }

    public boolean receives() {
        return this == SENDRECV || this == RECVONLY;
    }

    public String attribute() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
