package dev.switchboard.media.audio;

/**
 * Audio as decoded from a file, before resampling: one float array per channel in -1..1.
 *
 * @param sampleRate samples per second per channel
 */
public record DecodedAudio(float[][] channels, int sampleRate) {

    /** The channels averaged to one. */
    public float[] mono() {
        if (channels.length == 1) {
            return channels[0];
        }
        int length = channels[0].length;
        float[] mixed = new float[length];
        for (float[] channel : channels) {
            for (int i = 0; i < length; i++) {
                mixed[i] += channel[i];
            }
        }
        for (int i = 0; i < length; i++) {
            mixed[i] /= channels.length;
        }
        return mixed;
    }

    /** Mono 8 kHz 16-bit, what sessions play and recorders write. */
    public short[] toNarrowband() {
        return Resampler.toPcm16(Resampler.resample(mono(), sampleRate, 8000));
    }
}
