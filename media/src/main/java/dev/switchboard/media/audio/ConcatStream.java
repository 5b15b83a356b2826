package dev.switchboard.media.audio;

import dev.switchboard.media.AudioContext;
import dev.switchboard.media.AudioSource;
import dev.switchboard.media.AudioStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Plays streams one after another. All parts are opened up front, because reads on the clock may not block. */
public final class ConcatStream implements AudioStream {
    private final List<AudioStream> parts;
    private int current;

    private ConcatStream(List<AudioStream> parts) {
        this.parts = parts;
    }

    public static AudioStream open(List<AudioSource> sources, AudioContext context) throws IOException {
        List<AudioStream> opened = new ArrayList<>(sources.size());
        try {
            for (AudioSource source : sources) {
                opened.add(source.open(context));
            }
        } catch (IOException | RuntimeException e) {
            opened.forEach(AudioStream::close);
            throw e;
        }
        return new ConcatStream(opened);
    }

    @Override
    public int read(short[] buffer, int offset, int length) {
        while (current < parts.size()) {
            int n = parts.get(current).read(buffer, offset, length);
            if (n > 0) {
                return n;
            }
            parts.get(current).close();
            current++;
        }
        return -1;
    }

    @Override
    public void close() {
        for (int i = current; i < parts.size(); i++) {
            parts.get(i).close();
        }
        current = parts.size();
    }
}
