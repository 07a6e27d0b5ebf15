package io.devopssim.chaos.jenkins;

import java.io.Serializable;

/**
 * The step's arguments as the execution receives them; serialized with the Pipeline program (ids and names,
 * never a secret).
 */
public record ChaosExperimentRequest(String specFile, String spec, String experimentId, boolean failOnBrokenHypothesis,
                                     BackendArguments backend) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** On the embedded simulated fleet. */
    public ChaosExperimentRequest(String specFile, String spec, String experimentId, boolean failOnBrokenHypothesis) {
        this(specFile, spec, experimentId, failOnBrokenHypothesis, BackendArguments.SIMULATOR);
    }
}
