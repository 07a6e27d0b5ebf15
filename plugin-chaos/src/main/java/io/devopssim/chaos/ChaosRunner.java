package io.devopssim.chaos;

import io.devopssim.core.chaos.ChaosBackend;
import io.devopssim.core.chaos.ChaosBackendException;
import io.devopssim.core.chaos.ChaosRequest;
import io.devopssim.core.chaos.ChaosResult;
import io.devopssim.core.chaos.FaultStatus;
import io.devopssim.core.chaos.ProbePoint;
import io.devopssim.core.metrics.MetricsProvider;
import io.devopssim.core.spec.Durations;
import io.devopssim.core.time.Clock;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs chaos experiments as resumable state machines: check the steady state, inject, check it every
 * interval (halting early when the abort policy says so), halt, wait for recovery. {@link #advance}
 * runs the transitions that are due and returns the state to wait on; it never sleeps, so no thread is
 * held while an experiment runs. State is saved after every transition, and the backend calls are
 * idempotent, so an experiment stopped at any point and resumed from its saved state ends as an
 * uninterrupted one.
 *
 * <p>Never leave a fault running: faults are marked as possibly active <em>before</em> the backend is
 * asked for them and unmarked only when it confirms the halt; the halt comes on abort, at the end of
 * the duration (also when the runner comes back late: that is the timeout), on {@link #stop} and on
 * {@link #haltAll}, the kill switch for every experiment in this runner's store.
 */
public final class ChaosRunner {
    private final ChaosBackend backend;
    private final ProbeChecker probes;
    private final Clock clock;
    private final ExperimentStore store;

    public ChaosRunner(ChaosBackend backend, MetricsProvider metrics, HttpProber http, Clock clock, ExperimentStore store) {
        this.backend = backend;
        this.probes = new ProbeChecker(metrics, http);
        this.clock = clock;
        this.store = store;
    }

    /** Starts the experiment, or returns its saved state if it already started (a resume). */
    public ExperimentState start(String experimentId, ExperimentSpec spec) throws ChaosException {
        Optional<ExperimentState> saved = load(experimentId);
        if (saved.isPresent()) {
            if (!saved.get().specDigest().equals(digest(spec))) {
                throw new ChaosException("experiment " + experimentId
                        + " was started with a different spec; use a new experiment id to run this one");
            }
            return saved.get();
        }
        List<String> names = spec.hypothesis().probes().stream().map(ProbeSpec::name).toList();
        ExperimentState s = ExperimentState.initial(experimentId, backend.name(), digest(spec), names);
        return save(s.withEvent(clock.now(), "experiment " + spec.name() + " on " + backend.name() + ": "
                + spec.faults().size() + " fault(s) for " + Durations.format(spec.duration())
                + "; checking the steady state first"));
    }

    /** Runs every transition that is due now; returns the state to wait on (or the final state). */
    public ExperimentState advance(String experimentId, ExperimentSpec spec) throws ChaosException {
        ExperimentState s = start(experimentId, spec);
        while (!s.isDone()) {
            if (s.waitUntil() != null && clock.now().isBefore(s.waitUntil())) {
                return s; // a check interval or a halt retry is still running
            }
            s = switch (s.phase()) {
                case CHECKING_BEFORE -> checkBefore(s, spec);
                case INJECTING -> inject(s, spec);
                case RUNNING -> watch(s, spec);
                case HALTING -> halt(s, spec);
                case RECOVERING -> recover(s, spec);
                case DONE -> s;
            };
        }
        return s;
    }

    /**
     * Stops the experiment at once: halts its faults now, and ends it as STOPPED.
     *
     * @throws ChaosException when the backend could not confirm the halt; the state then stays HALTING,
     *                        so the next {@link #advance} or {@link #haltAll} tries again
     */
    public ExperimentState stop(String experimentId, String reason) throws ChaosException {
        ExperimentState s = load(experimentId).orElseThrow(() -> new ChaosException("experiment " + experimentId + " was never started"));
        if (s.isDone() && !s.faultsMayBeActive()) {
            return s;
        }
        s = save(s.halting(ChaosResult.Outcome.STOPPED).withEvent(clock.now(), "stop requested: " + reason));
        if (s.faultsMayBeActive()) {
            try {
                backend.halt(experimentId);
            } catch (ChaosBackendException e) {
                save(s.withEvent(clock.now(), "halt failed, will retry: " + e.getMessage()));
                throw new ChaosException("could not halt experiment " + experimentId + ": " + e.getMessage(), e);
            }
            s = s.faultsHalted(clock.now());
        }
        return save(s.done(ChaosResult.Outcome.STOPPED).withEvent(clock.now(), "stopped; no fault left in force"));
    }

    /**
     * Kill switch: stops every unfinished experiment in this runner's store and halts any fault that may
     * still be in force. Tries every one before reporting the failures.
     *
     * @return the ids it stopped
     * @throws ChaosException naming every experiment that could not be halted
     */
    public List<String> haltAll(String reason) throws ChaosException {
        List<String> stopped = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<String> ids;
        try {
            ids = store.ids();
        } catch (IOException e) {
            throw new ChaosException("cannot list experiments: " + e.getMessage(), e);
        }
        for (String id : ids) {
            try {
                Optional<ExperimentState> s = load(id);
                if (s.isPresent() && (!s.get().isDone() || s.get().faultsMayBeActive())) {
                    stop(id, reason);
                    stopped.add(id);
                }
            } catch (ChaosException e) {
                failures.add(e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new ChaosException("kill switch could not halt everything: " + String.join("; ", failures));
        }
        return stopped;
    }

    /** The result of a finished experiment. */
    public ChaosResult result(String experimentId) throws ChaosException {
        ExperimentState s = load(experimentId).orElseThrow(() -> new ChaosException("experiment " + experimentId + " was never started"));
        if (!s.isDone()) {
            throw new ChaosException("experiment " + experimentId + " has not finished (" + s.phase() + ")");
        }
        return Results.of(s);
    }

    private ExperimentState checkBefore(ExperimentState s, ExperimentSpec spec) throws ChaosException {
        Instant now = clock.now();
        Map<String, ProbePoint> points = probes.check(spec.hypothesis(), now, ProbePoint.Stage.BEFORE);
        boolean held = allHeld(points);
        ExperimentState checked = s.withCheck(points, held);
        if (!held) {
            // injecting into a system that is already unwell proves nothing and may hurt it
            return save(checked.done(ChaosResult.Outcome.NOT_STEADY)
                    .withEvent(now, "steady state broken before any fault (" + broken(points) + "): nothing injected"));
        }
        return save(checked.withPhase(ExperimentPhase.INJECTING).withEvent(now, "steady state holds: injecting"));
    }

    private ExperimentState inject(ExperimentState s, ExperimentSpec spec) throws ChaosException {
        // saved before the call: if the controller dies during it, the kill switch still halts
        s = save(s.faultsRequested());
        Instant now = clock.now();
        try {
            backend.start(new ChaosRequest(s.experimentId(), spec.target(), spec.faults(), spec.duration(), spec.ramp()));
        } catch (ChaosBackendException e) {
            return save(s.halting(ChaosResult.Outcome.FAILED).withEvent(now, backend.name() + " could not inject: " + e.getMessage()));
        }
        return save(s.faultsStarted(now).waitingUntil(now.plus(spec.hypothesis().interval()))
                .withEvent(now, "faults in force: " + spec.faults().stream().map(f -> f.kind()).toList()));
    }

    private ExperimentState watch(ExperimentState s, ExperimentSpec spec) throws ChaosException {
        Instant now = clock.now();
        Instant end = s.faultsStartedAt().plus(spec.duration());
        if (!now.isBefore(end)) {
            return save(s.halting(ChaosResult.Outcome.COMPLETED).withEvent(now, "duration over: halting"));
        }
        FaultStatus status;
        try {
            status = backend.observe(s.experimentId());
        } catch (ChaosBackendException e) {
            return save(s.halting(ChaosResult.Outcome.FAILED).withEvent(now, "cannot observe the faults: " + e.getMessage()));
        }
        if (!status.state().mayBeActive()) {
            return save(s.halting(ChaosResult.Outcome.FAILED)
                    .withEvent(now, backend.name() + " reports the faults " + status.state() + " early: " + status.detail()));
        }
        Map<String, ProbePoint> points = probes.check(spec.hypothesis(), now, ProbePoint.Stage.DURING);
        boolean held = allHeld(points);
        ExperimentState checked = s.withCheck(points, held);
        if (checked.failedChecksInARow() >= spec.abort().afterFailedChecks()) {
            return save(checked.halting(ChaosResult.Outcome.ABORTED).withEvent(now, "abort: steady state broken at "
                    + checked.failedChecksInARow() + " check(s) in a row (" + broken(points) + "): halting at once"));
        }
        Instant next = now.plus(spec.hypothesis().interval());
        return save(checked.waitingUntil(next.isBefore(end) ? next : end));
    }

    private ExperimentState halt(ExperimentState s, ExperimentSpec spec) throws ChaosException {
        Instant now = clock.now();
        if (s.faultsMayBeActive()) {
            try {
                backend.halt(s.experimentId());
            } catch (ChaosBackendException e) {
                return save(s.waitingUntil(now.plus(spec.hypothesis().interval()))
                        .withEvent(now, "halt failed, retrying: " + e.getMessage()));
            }
        }
        if (s.faultsStartedAt() == null) {
            // the backend never accepted the faults: there is nothing to recover from
            return save(s.faultsHalted(now).done(s.outcome()).withEvent(now, "halted what may have been started"));
        }
        return save(s.faultsHalted(now).withPhase(ExperimentPhase.RECOVERING)
                .waitingUntil(now.plus(spec.hypothesis().interval()))
                .withEvent(now, "faults halted; waiting up to " + Durations.format(spec.hypothesis().recoveryTimeout())
                        + " for the steady state"));
    }

    private ExperimentState recover(ExperimentState s, ExperimentSpec spec) throws ChaosException {
        Instant now = clock.now();
        Map<String, ProbePoint> points = probes.check(spec.hypothesis(), now, ProbePoint.Stage.AFTER);
        boolean held = allHeld(points);
        ExperimentState checked = s.withCheck(points, held);
        if (held) {
            return save(checked.recovered(now).withEvent(now, "recovered "
                    + Durations.format(Duration.between(s.faultsHaltedAt(), now)) + " after the halt"));
        }
        Instant deadline = s.faultsHaltedAt().plus(spec.hypothesis().recoveryTimeout());
        if (!now.isBefore(deadline)) {
            return save(checked.done(s.outcome()).withEvent(now, "not recovered within "
                    + Durations.format(spec.hypothesis().recoveryTimeout()) + " (" + broken(points) + ")"));
        }
        Instant next = now.plus(spec.hypothesis().interval());
        return save(checked.waitingUntil(next.isBefore(deadline) ? next : deadline));
    }

    private static boolean allHeld(Map<String, ProbePoint> points) {
        return points.values().stream().allMatch(ProbePoint::held);
    }

    private static String broken(Map<String, ProbePoint> points) {
        return String.join(", ", points.entrySet().stream().filter(e -> !e.getValue().held())
                .map(e -> e.getKey() + "=" + e.getValue().value()).toList());
    }

    private Optional<ExperimentState> load(String experimentId) throws ChaosException {
        try {
            return store.load(experimentId);
        } catch (IOException e) {
            throw new ChaosException("cannot read experiment " + experimentId + ": " + e.getMessage(), e);
        }
    }

    private ExperimentState save(ExperimentState s) throws ChaosException {
        try {
            store.save(s);
            return s;
        } catch (IOException e) {
            throw new ChaosException("cannot save experiment " + s.experimentId() + ": " + e.getMessage(), e);
        }
    }

    static String digest(ExperimentSpec spec) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(spec.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
