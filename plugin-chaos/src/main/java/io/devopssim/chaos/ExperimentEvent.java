package io.devopssim.chaos;

import java.time.Instant;

/** One line of an experiment's history, for logs and the run summary. */
public record ExperimentEvent(Instant time, String message) {
}
