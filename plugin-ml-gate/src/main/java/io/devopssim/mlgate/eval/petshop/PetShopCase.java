package io.devopssim.mlgate.eval.petshop;

import io.devopssim.core.judge.AnalysisInput;

/**
 * One canary decision drawn from PetShop.
 *
 * @param id        e.g. {@code high_traffic/issue_4} or {@code high_traffic/normal@120}
 * @param scenario  high_traffic, low_traffic, temporal_traffic1, temporal_traffic2
 * @param faultType what was injected, e.g. {@code search errors 1%}, or {@code normal}
 * @param bad       whether the right decision is a rollback
 * @param input     canary = the slice, baseline = the scenario's normal operation around it (empty
 *                  when the scenario has no normal-operation file)
 */
public record PetShopCase(String id, String scenario, String faultType, boolean bad, AnalysisInput input) {
    public static final String NORMAL = "normal";

    public boolean hasBaseline() {
        return input.series().values().stream().anyMatch(s -> !s.baseline().isEmpty());
    }
}
