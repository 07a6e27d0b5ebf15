package io.devopssim.deploy;

import io.devopssim.core.sim.FleetSimulator;
import io.devopssim.core.traffic.TrafficChange;
import io.devopssim.core.traffic.TrafficRouter;
import io.devopssim.core.traffic.TrafficRoutingException;

import java.util.Optional;

/**
 * A router of record (GitOps) whose every change the simulated cluster applies at once, as Argo CD would: the
 * fleet's split follows what the branch holds, so analyses see the weights the commits set.
 */
public final class FleetAppliedRouter implements TrafficRouter {
    private final TrafficRouter record;
    private final FleetSimulator fleet;

    public FleetAppliedRouter(TrafficRouter record, FleetSimulator fleet) {
        this.record = record;
        this.fleet = fleet;
    }

    @Override
    public void setCanaryWeight(int percent) throws TrafficRoutingException {
        record.setCanaryWeight(percent);
        fleet.setCanaryWeight(record.canaryWeight());
    }

    @Override
    public int canaryWeight() throws TrafficRoutingException {
        return record.canaryWeight();
    }

    @Override
    public Optional<String> changeCanaryWeight(TrafficChange change) throws TrafficRoutingException {
        Optional<String> pending = record.changeCanaryWeight(change);
        fleet.setCanaryWeight(record.canaryWeight());
        return pending;
    }

    @Override
    public Optional<String> takeBack(TrafficChange change) throws TrafficRoutingException {
        Optional<String> pending = record.takeBack(change);
        fleet.setCanaryWeight(record.canaryWeight());
        return pending;
    }

    /** The cluster runs what the branch holds, whatever the saved state says. */
    @Override
    public void restoreCanaryWeight(int percent) throws TrafficRoutingException {
        record.restoreCanaryWeight(percent);
        fleet.setCanaryWeight(record.canaryWeight());
    }
}
