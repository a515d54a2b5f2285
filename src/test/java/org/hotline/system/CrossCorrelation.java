package org.hotline.system;

/**
 * Normalised cross-correlation of a template against every offset of a longer signal, computed with
 * a radix-2 FFT: {@code score[k] = Σ x[k+i]·t[i] / (‖t‖ · ‖x[k..k+m)‖)}, in [-1, 1]. A window with
 * (almost) no energy scores 0, so digital silence never matches. Stateless.
 */
final class CrossCorrelation {

    /** Windows quieter than this share of the template's energy score 0 (guards against 0/0). */
    private static final double MIN_WINDOW_ENERGY_RATIO = 1e-4;

    private CrossCorrelation() {
    }

    /** One score per offset k in [0, signal.length - template.length]; empty if the template is longer. */
    static double[] normalised(short[] signal, short[] template) {
        int n = signal.length;
        int m = template.length;
        if (m == 0 || n < m) {
            return new double[0];
        }
        double templateEnergy = energy(template);
        if (templateEnergy == 0) {
            return new double[n - m + 1];
        }
        double[] raw = raw(signal, template);
        double[] prefix = prefixEnergy(signal);
        double[] scores = new double[n - m + 1];
        double minWindowEnergy = templateEnergy * MIN_WINDOW_ENERGY_RATIO;
        for (int k = 0; k < scores.length; k++) {
            double windowEnergy = prefix[k + m] - prefix[k];
            scores[k] = windowEnergy <= minWindowEnergy ? 0 : raw[k] / Math.sqrt(templateEnergy * windowEnergy);
        }
        return scores;
    }

    /** {@code Σ signal[k+i]·template[i]} for every k in [0, n - m], by FFT. */
    static double[] raw(short[] signal, short[] template) {
        int n = signal.length;
        int m = template.length;
        int size = Integer.highestOneBit(n + m - 1);
        if (size < n + m - 1) {
            size <<= 1;
        }
        double[] sRe = new double[size];
        double[] sIm = new double[size];
        double[] tRe = new double[size];
        double[] tIm = new double[size];
        for (int i = 0; i < n; i++) {
            sRe[i] = signal[i];
        }
        for (int i = 0; i < m; i++) {
            tRe[i] = template[i];
        }
        fft(sRe, sIm, false);
        fft(tRe, tIm, false);
        for (int i = 0; i < size; i++) {
            // signal × conj(template): correlation instead of convolution
            double re = sRe[i] * tRe[i] + sIm[i] * tIm[i];
            double im = sIm[i] * tRe[i] - sRe[i] * tIm[i];
            sRe[i] = re;
            sIm[i] = im;
        }
        fft(sRe, sIm, true);
        double[] out = new double[n - m + 1];
        for (int k = 0; k < out.length; k++) {
            out[k] = sRe[k] / size;
        }
        return out;
    }

    private static double energy(short[] samples) {
        double sum = 0;
        for (short s : samples) {
            sum += (double) s * s;
        }
        return sum;
    }

    private static double[] prefixEnergy(short[] samples) {
        double[] prefix = new double[samples.length + 1];
        for (int i = 0; i < samples.length; i++) {
            prefix[i + 1] = prefix[i] + (double) samples[i] * samples[i];
        }
        return prefix;
    }

    /** In-place iterative radix-2 Cooley-Tukey; {@code re.length} is a power of two. Unscaled inverse. */
    private static void fft(double[] re, double[] im, boolean inverse) {
        int size = re.length;
        for (int i = 1, j = 0; i < size; i++) {
            int bit = size >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                swap(re, i, j);
                swap(im, i, j);
            }
        }
        for (int length = 2; length <= size; length <<= 1) {
            double angle = 2 * Math.PI / length * (inverse ? 1 : -1);
            double stepRe = Math.cos(angle);
            double stepIm = Math.sin(angle);
            for (int start = 0; start < size; start += length) {
                double wRe = 1;
                double wIm = 0;
                for (int k = 0; k < length / 2; k++) {
                    int a = start + k;
                    int b = a + length / 2;
                    double bRe = re[b] * wRe - im[b] * wIm;
                    double bIm = re[b] * wIm + im[b] * wRe;
                    re[b] = re[a] - bRe;
                    im[b] = im[a] - bIm;
                    re[a] += bRe;
                    im[a] += bIm;
                    double nextRe = wRe * stepRe - wIm * stepIm;
                    wIm = wRe * stepIm + wIm * stepRe;
                    wRe = nextRe;
                }
            }
        }
    }

    private static void swap(double[] values, int i, int j) {
        double t = values[i];
        values[i] = values[j];
        values[j] = t;
    }
}
