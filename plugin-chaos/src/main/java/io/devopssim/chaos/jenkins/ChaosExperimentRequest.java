package io.devopssim.chaos.jenkins;

import java.io.Serializable;

/** The step's arguments as the execution receives them; serialized with the Pipeline program (no secret). */
public record ChaosExperimentRequest(String specFile, String spec, String experimentId, boolean failOnBrokenHypothesis)
        implements Serializable {
}
