package io.devopssim.multicloud;

import io.devopssim.core.state.RolloutState;
import io.devopssim.deploy.RolloutException;

/**
 * The rollout engine of one cluster as a wave drives it: start (or resume), advance, abort. plugin-deploy's
 * {@code CanaryEngine} is the one today; another strategy's engine plugs in the same way.
 */
public interface ClusterRollout {
    RolloutState start() throws RolloutException;

    RolloutState advance() throws RolloutException;

    RolloutState abort(String reason) throws RolloutException;
}
