package io.devopssim.multicloud;

import io.devopssim.core.gitops.CommitTrailers;
import io.devopssim.core.gitops.GitCredentials;
import io.devopssim.core.gitops.GitPromoter;
import io.devopssim.core.gitops.PromotionException;
import io.devopssim.core.gitops.PromotionResult;
import io.devopssim.core.gitops.ValueChange;
import io.devopssim.core.gitops.ValueLocator;
import io.devopssim.core.gitops.ValuesPromotionRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The weights in one manifest of the environment repository, changed together in one commit by core's promoter. */
public final class GitTrafficWeights implements TrafficWeights {
    private final GitPromoter promoter;
    private final String repoUrl;
    private final String branch;
    private final TrafficWeightsSpec spec;
    private final GitCredentials credentials;

    public GitTrafficWeights(GitPromoter promoter, String repoUrl, String branch, TrafficWeightsSpec spec,
                             GitCredentials credentials) {
        this.promoter = promoter;
        this.repoUrl = repoUrl;
        this.branch = branch;
        this.spec = spec;
        this.credentials = credentials;
    }

    @Override
    public Map<String, Integer> read(List<String> clusters) throws PromotionException {
        List<ValueLocator> locators = clusters.stream().map(spec::locator).toList();
        List<String> values = promoter.currentValues(repoUrl, branch, spec.file(), locators, credentials);
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (int i = 0; i < clusters.size(); i++) {
            String value = values.get(i);
            try {
                int weight = Integer.parseInt(value.trim());
                if (weight < 0) {
                    throw new NumberFormatException();
                }
                weights.put(clusters.get(i), weight);
            } catch (NumberFormatException e) {
                throw new PromotionException(spec.file() + ": the weight of " + clusters.get(i) + " at "
                        + spec.locator(clusters.get(i)).describe() + " is \"" + value + "\", not a whole number >= 0");
            }
        }
        return weights;
    }

    @Override
    public PromotionResult commit(Map<String, Integer> weights, String summary, CommitTrailers trailers)
            throws PromotionException {
        List<ValueChange> changes = new ArrayList<>();
        weights.forEach((cluster, weight) -> changes.add(new ValueChange(spec.locator(cluster), Integer.toString(weight))));
        return promoter.promoteValues(new ValuesPromotionRequest(repoUrl, branch, spec.file(), changes, summary, trailers,
                credentials));
    }
}
