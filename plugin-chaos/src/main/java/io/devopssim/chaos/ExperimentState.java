package io.devopssim.chaos;

import io.devopssim.core.chaos.ChaosResult;
import io.devopssim.core.chaos.ProbePoint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a resumed runner needs to carry on an experiment, saved after every transition.
 *
 * @param experimentId       the run
 * @param backend            the backend's name, so that a kill switch knows where to halt
 * @param specDigest         digest of the spec it was started with: a resume with another spec is refused
 * @param phase              where it is
 * @param faultsMayBeActive  set (and saved) before the backend is asked to start, cleared only when it
 *                           confirms a halt: a crash in between leaves it set, so nothing is forgotten
 * @param waitUntil          the next transition is not due before this; null: due now
 * @param faultsStartedAt    when the backend accepted the faults; null before
 * @param faultsHaltedAt     when the backend confirmed the halt; null before
 * @param recoveredAt        first check after the halt at which every probe held; null if none yet
 * @param failedChecksInARow checks in a row that found the steady state broken while faults ran
 * @param outcome            how it ends, decided when the faults are halted; null before
 * @param series             every probe's checks, in the spec's probe order
 * @param events             its history
 */
public record ExperimentState(String experimentId, String backend, String specDigest, ExperimentPhase phase,
                              boolean faultsMayBeActive, Instant waitUntil, Instant faultsStartedAt,
                              Instant faultsHaltedAt, Instant recoveredAt, int failedChecksInARow,
                              ChaosResult.Outcome outcome, Map<String, List<ProbePoint>> series,
                              List<ExperimentEvent> events) {

    public ExperimentState {
        Objects.requireNonNull(experimentId, "experimentId");
        Objects.requireNonNull(phase, "phase");
        series = copy(series);
        events = List.copyOf(events);
    }

    static ExperimentState initial(String experimentId, String backend, String specDigest, List<String> probes) {
        Map<String, List<ProbePoint>> series = new LinkedHashMap<>();
        probes.forEach(p -> series.put(p, List.of()));
        return new ExperimentState(experimentId, backend, specDigest, ExperimentPhase.CHECKING_BEFORE, false, null,
                null, null, null, 0, null, series, List.of());
    }

    public boolean isDone() {
        return phase == ExperimentPhase.DONE;
    }

    ExperimentState withPhase(ExperimentPhase next) {
        return new ExperimentState(experimentId, backend, specDigest, next, faultsMayBeActive, waitUntil, faultsStartedAt,
                faultsHaltedAt, recoveredAt, failedChecksInARow, outcome, series, events);
    }

    ExperimentState waitingUntil(Instant time) {
        return new ExperimentState(experimentId, backend, specDigest, phase, faultsMayBeActive, time, faultsStartedAt,
                faultsHaltedAt, recoveredAt, failedChecksInARow, outcome, series, events);
    }

    ExperimentState faultsRequested() {
        return new ExperimentState(experimentId, backend, specDigest, phase, true, waitUntil, faultsStartedAt,
                faultsHaltedAt, recoveredAt, failedChecksInARow, outcome, series, events);
    }

    ExperimentState faultsStarted(Instant time) {
        return new ExperimentState(experimentId, backend, specDigest, ExperimentPhase.RUNNING, true, waitUntil, time,
                faultsHaltedAt, recoveredAt, failedChecksInARow, outcome, series, events);
    }

    /** Faults to be halted on the next transition, ending as {@code end}. */
    ExperimentState halting(ChaosResult.Outcome end) {
        return new ExperimentState(experimentId, backend, specDigest, ExperimentPhase.HALTING, faultsMayBeActive, null,
                faultsStartedAt, faultsHaltedAt, recoveredAt, failedChecksInARow, end, series, events);
    }

    ExperimentState faultsHalted(Instant time) {
        return new ExperimentState(experimentId, backend, specDigest, phase, false, waitUntil, faultsStartedAt, time,
                recoveredAt, failedChecksInARow, outcome, series, events);
    }

    ExperimentState recovered(Instant time) {
        return new ExperimentState(experimentId, backend, specDigest, ExperimentPhase.DONE, faultsMayBeActive, null,
                faultsStartedAt, faultsHaltedAt, time, failedChecksInARow, outcome, series, events);
    }

    ExperimentState done(ChaosResult.Outcome end) {
        return new ExperimentState(experimentId, backend, specDigest, ExperimentPhase.DONE, faultsMayBeActive, null,
                faultsStartedAt, faultsHaltedAt, recoveredAt, failedChecksInARow, end, series, events);
    }

    ExperimentState withCheck(Map<String, ProbePoint> points, boolean held) {
        Map<String, List<ProbePoint>> next = new LinkedHashMap<>();
        series.forEach((probe, list) -> {
            List<ProbePoint> grown = new ArrayList<>(list);
            if (points.containsKey(probe)) {
                grown.add(points.get(probe));
            }
            next.put(probe, grown);
        });
        int inARow = held ? 0 : failedChecksInARow + 1;
        return new ExperimentState(experimentId, backend, specDigest, phase, faultsMayBeActive, waitUntil, faultsStartedAt,
                faultsHaltedAt, recoveredAt, inARow, outcome, next, events);
    }

    ExperimentState withEvent(Instant time, String message) {
        List<ExperimentEvent> next = new ArrayList<>(events);
        next.add(new ExperimentEvent(time, message));
        return new ExperimentState(experimentId, backend, specDigest, phase, faultsMayBeActive, waitUntil, faultsStartedAt,
                faultsHaltedAt, recoveredAt, failedChecksInARow, outcome, series, next);
    }

    private static Map<String, List<ProbePoint>> copy(Map<String, List<ProbePoint>> series) {
        Map<String, List<ProbePoint>> out = new LinkedHashMap<>();
        series.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(out);
    }
}
