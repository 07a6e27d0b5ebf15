package io.devopssim.core.chaos;

/**
 * Port: injects and ends faults. Implementations: the embedded simulator, Kubernetes (fabric8), the
 * Gremlin REST API. Every call is idempotent by {@link ChaosRequest#experimentId()}: a start repeated
 * after a controller restart does not inject twice, a halt of something already halted (or never
 * started) succeeds, so that the caller can always halt to be safe.
 */
public interface ChaosBackend {

    /** Short name for logs and results: {@code simulator}, {@code kubernetes}, {@code gremlin}. */
    String name();

    /** Injects the faults, unless this experiment id was started before. */
    void start(ChaosRequest request) throws ChaosBackendException;

    /** Where the experiment's faults are now; {@link FaultState#UNKNOWN} for an id never started. */
    FaultStatus observe(String experimentId) throws ChaosBackendException;

    /** Ends the experiment's faults and restores what can be restored; a no-op when nothing runs. */
    void halt(String experimentId) throws ChaosBackendException;
}
