package io.devopssim.deploy.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.devopssim.core.state.Json;

import java.util.List;

/**
 * Every rollout of one build, in the order they started: what the build page's summary and the rollouts
 * page render, and (as JSON) what their charts read.
 */
public record RunRolloutsView(List<RolloutView> rollouts) {
    public RunRolloutsView {
        rollouts = List.copyOf(rollouts);
    }

    public boolean isEmpty() {
        return rollouts.isEmpty();
    }

    /** The rollouts waiting for a person to approve or abort. */
    public List<RolloutView> awaitingApproval() {
        return rollouts.stream().filter(RolloutView::awaitingApproval).toList();
    }

    /** All of it as JSON (times ISO-8601, missing numbers null), for charts on the page. */
    public String json() {
        try {
            return Json.mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the rollout view is plain data and always serializes", e);
        }
    }
}
