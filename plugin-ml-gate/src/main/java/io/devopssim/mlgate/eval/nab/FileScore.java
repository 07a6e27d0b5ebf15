package io.devopssim.mlgate.eval.nab;

/**
 * One file's NAB score at a threshold.
 *
 * @param score           raw score (sum of window rewards, missed-window costs and false-positive costs)
 * @param windowsDetected windows with at least one detection
 * @param windowsMissed   windows with none
 * @param tp              detection rows inside windows (NAB's row counts, as in its score tables)
 * @param tn              quiet rows outside windows
 * @param fp              detection rows outside windows
 * @param fn              quiet rows inside windows
 */
public record FileScore(String name, double threshold, double score, int windowsDetected, int windowsMissed,
                        int tp, int tn, int fp, int fn) {
}
