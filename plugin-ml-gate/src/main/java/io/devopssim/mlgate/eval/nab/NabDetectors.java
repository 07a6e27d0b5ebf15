package io.devopssim.mlgate.eval.nab;

import io.devopssim.mlgate.anomaly.AnomalyDetector;
import io.devopssim.mlgate.anomaly.DetectorConfig;
import io.devopssim.mlgate.anomaly.SurpriseDetector;

import java.util.function.Function;

/** Detectors set up for a NAB file the way NAB sets up its own (it tells each detector the probationary period). */
public final class NabDetectors {
    private NabDetectors() {
    }

    /**
     * {@link SurpriseDetector} with its defaults and a daily season, resting a fifth of the probationary
     * period after an alarm, as NAB's CAD OSE detector does ({@code restPeriod = probationaryPeriod / 5}).
     */
    public static Function<LabelledSeries, AnomalyDetector> surprise() {
        return file -> new SurpriseDetector(DetectorConfig.daily(NabScorer.probationRows(file.rows()) / 5));
    }
}
