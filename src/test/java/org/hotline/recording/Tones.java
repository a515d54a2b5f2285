package org.hotline.recording;

/** Test tones and what a channel of a recording sounds like: its frequency (zero crossings) and level. Stateless. */
final class Tones {

    private static final double RATE = 8000;
    private static final double AMPLITUDE = 8000;

    private Tones() {
    }

    /** {@code count} samples of a sine of {@code hz} starting at sample {@code first} (phase-continuous). */
    static short[] sine(double hz, long first, int count) {
        short[] samples = new short[count];
        for (int i = 0; i < count; i++) {
            samples[i] = (short) Math.round(AMPLITUDE * Math.sin(2 * Math.PI * hz * (first + i) / RATE));
        }
        return samples;
    }

    /**
     * The frequency of a pure tone in {@code [from, to)}, from its zero crossings over the samples
     * that are not silence (a packet lost as late on a loaded machine leaves a silent gap, which
     * says nothing about the tone).
     */
    static double frequency(short[] samples, int from, int to) {
        int crossings = 0;
        int sounding = 0;
        for (int i = from + 1; i < to; i++) {
            if (samples[i] == 0 && samples[i - 1] == 0) {
                continue;
            }
            sounding++;
            if ((samples[i - 1] < 0) != (samples[i] < 0)) {
                crossings++;
            }
        }
        return sounding == 0 ? 0 : crossings / 2.0 / (sounding / RATE);
    }

    static double rms(short[] samples, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) samples[i] * samples[i];
        }
        return Math.sqrt(sum / (to - from));
    }
}
