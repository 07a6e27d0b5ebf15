package io.devopssim.core.history;

import java.util.Objects;

/**
 * Who or what decided how a rollout ended.
 *
 * @param kind what decided
 * @param name which one: the judge ({@code threshold}, {@code xgboost}, ...), the person's stated reason, the
 *             chaos experiment, the deployment controller, or the error
 */
public record Decider(Kind kind, String name) {
    public Decider {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    public enum Kind {
        /** An analysis step's verdict (PASSED for a promotion, anything else for a rollback). */
        JUDGE,
        /** A person aborted it. */
        USER,
        /** A chaos step's steady-state hypothesis broke. */
        CHAOS,
        /** After the promotion commit, the deployment controller (Argo CD) reported it failed or degraded. */
        DEPLOYMENT,
        /** Something failed (router, repository, chaos backend): no judgement of the release. */
        ERROR,
        /** Every step ran and none judged it (a rollout without analysis steps). */
        STEPS
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + name;
    }
}
