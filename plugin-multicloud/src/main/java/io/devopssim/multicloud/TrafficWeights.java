package io.devopssim.multicloud;

import io.devopssim.core.gitops.CommitTrailers;
import io.devopssim.core.gitops.PromotionException;
import io.devopssim.core.gitops.PromotionResult;

import java.util.List;
import java.util.Map;

/** Port: the clusters' shares of the application's traffic, as they are in the environment repository. */
public interface TrafficWeights {

    /** The weight of each named cluster, in the order given. */
    Map<String, Integer> read(List<String> clusters) throws PromotionException;

    /** Writes these weights in one commit; idempotent per trailers like every promotion. */
    PromotionResult commit(Map<String, Integer> weights, String summary, CommitTrailers trailers) throws PromotionException;
}
