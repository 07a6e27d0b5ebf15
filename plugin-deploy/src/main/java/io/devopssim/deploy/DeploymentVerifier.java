package io.devopssim.deploy;

import java.time.Instant;

/**
 * Port: after a promotion commit, is the deployment at that revision and healthy? Argo CD implements it;
 * {@link #NONE} trusts the commit (the simulator, or no GitOps controller to ask).
 */
public interface DeploymentVerifier {

    DeploymentVerifier NONE = new DeploymentVerifier() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public void begin(String revision) {
            // nothing to ask
        }

        @Override
        public Check check(String revision, Instant since) {
            return new Check(Check.Status.DONE, "no deployment controller to wait for");
        }
    };

    /** False when there is nothing to wait for. */
    boolean enabled();

    /** Asks the controller to deploy {@code revision} now (a refresh and a sync); safe to repeat. */
    void begin(String revision) throws VerificationException;

    /** Looks once; {@code since} is when the wait began, so a resumed wait keeps its deadline. */
    Check check(String revision, Instant since) throws VerificationException;

    record Check(Status status, String message) {
        public enum Status { PENDING, DONE, FAILED }
    }

    /** The controller could not be asked. */
    class VerificationException extends Exception {
        private static final long serialVersionUID = 1L;

        public VerificationException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
