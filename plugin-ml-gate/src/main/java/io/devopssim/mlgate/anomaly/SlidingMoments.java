package io.devopssim.mlgate.anomaly;

/**
 * Mean and standard deviation of the last {@code capacity} values, in constant memory and time per
 * value. The running sums are rebuilt from the buffer once per {@code capacity} updates, so that
 * rounding errors of the subtract-on-evict scheme cannot pile up over a long stream.
 */
final class SlidingMoments {
    private final double[] buffer;
    private int size;
    private int next;
    private int sinceRebuild;
    private double sum;
    private double sumOfSquares;

    SlidingMoments(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be at least 2: " + capacity);
        }
        this.buffer = new double[capacity];
    }

    void add(double value) {
        if (size == buffer.length) {
            double evicted = buffer[next];
            sum -= evicted;
            sumOfSquares -= evicted * evicted;
        } else {
            size++;
        }
        buffer[next] = value;
        next = (next + 1) % buffer.length;
        sum += value;
        sumOfSquares += value * value;
        if (++sinceRebuild >= buffer.length) {
            rebuild();
        }
    }

    int size() {
        return size;
    }

    int capacity() {
        return buffer.length;
    }

    double mean() {
        return sum / size;
    }

    /** Population standard deviation (as NAB's windowed Gaussian computes it). */
    double standardDeviation() {
        double mean = mean();
        return Math.sqrt(Math.max(sumOfSquares / size - mean * mean, 0));
    }

    private void rebuild() {
        sum = 0;
        sumOfSquares = 0;
        for (int i = 0; i < size; i++) {
            sum += buffer[i];
            sumOfSquares += buffer[i] * buffer[i];
        }
        sinceRebuild = 0;
    }
}
