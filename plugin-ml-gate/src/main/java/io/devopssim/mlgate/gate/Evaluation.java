package io.devopssim.mlgate.gate;

/**
 * How a model did on a set of labelled examples at a decision threshold.
 *
 * @param examples    number of examples
 * @param logLoss     mean binary log loss (lower is better): what "not worse" is decided on
 * @param accuracy    share of examples decided right
 * @param missedBad   bad releases the model would have let through
 * @param falseAlarms healthy releases the model would have rolled back
 */
public record Evaluation(int examples, double logLoss, double accuracy, int missedBad, int falseAlarms) {
}
