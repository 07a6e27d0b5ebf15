package io.devopssim.chaos.sim;

import io.devopssim.core.chaos.ChaosTarget;
import io.devopssim.core.chaos.Fault;
import io.devopssim.core.sim.FleetModel;
import io.devopssim.core.spec.RegressionSpec;
import io.devopssim.core.spec.SimulationSpec;

import java.util.List;

/**
 * How faults show in the simulated canary's metrics. The simulator knows error rate, latency and CPU,
 * so every fault becomes a change of those, scaled by the share of the target hit:
 * <ul>
 *   <li>latency: the median grows by the delay ({@code latencyFactor = 1 + ms / median});</li>
 *   <li>packet loss: that share of requests fails; blackhole: every request fails;</li>
 *   <li>pod kill, process kill (one pod), node failure: requests to the lost pods fail, in proportion
 *       to the canary's pods lost (the simulator does not reschedule; a node is assumed to hold half of
 *       the canary's pods, as when it is spread over two nodes);</li>
 *   <li>CPU: the extra cores burnt, relative to what a pod uses at the fleet's even share of traffic;</li>
 *   <li>memory: no effect (the simulator's memory series does not take faults).</li>
 * </ul>
 */
final class FaultModel {
    static final double NODE_SHARE_OF_CANARY = 0.5;

    private final SimulationSpec fleet;
    private final FleetModel model;

    FaultModel(SimulationSpec fleet, FleetModel model) {
        this.fleet = fleet;
        this.model = model;
    }

    /**
     * The regression of {@code faults} on top of {@code base}, at {@code intensity} 0..1 of full strength.
     *
     * @param canaryWeight the canary's traffic share now, which sets how many pods it has
     */
    RegressionSpec apply(RegressionSpec base, ChaosTarget target, List<Fault> faults, int canaryWeight, double intensity) {
        double share = target.share() * intensity;
        double errors = 0;
        double latency = 1;
        double cpu = 1;
        for (Fault fault : faults) {
            if (fault instanceof Fault.Latency l) {
                latency *= 1 + share * l.ms() / model.latencyMedianMs();
            } else if (fault instanceof Fault.PacketLoss p) {
                errors += share * p.percent() / 100.0;
            } else if (fault instanceof Fault.Blackhole) {
                errors += share;
            } else if (fault instanceof Fault.PodKill k) {
                errors += share * lostShare(k.count(), canaryWeight);
            } else if (fault instanceof Fault.ProcessKill) {
                errors += share * lostShare(1, canaryWeight);
            } else if (fault instanceof Fault.NodeFailure) {
                errors += share * NODE_SHARE_OF_CANARY;
            } else if (fault instanceof Fault.Cpu c) {
                cpu *= 1 + share * c.cores() * c.percent() / 100.0 / podCpu();
            }
            // Fault.Memory: not modelled (see the class comment)
        }
        return new RegressionSpec(Math.min(1, base.errorRateDelta() + errors), base.latencyFactor() * latency,
                base.cpuFactor() * cpu);
    }

    /** Share of the canary's pods that {@code count} pods are. */
    private double lostShare(int count, int canaryWeight) {
        int canaryPods = Math.max(1, (int) Math.ceil(fleet.pods() * canaryWeight / 100.0));
        return Math.min(1, (double) count / canaryPods);
    }

    /** CPU of one pod when the fleet's traffic is spread evenly. */
    private double podCpu() {
        return model.cpuIdleCores() + model.cpuCoresPerRequest() * fleet.requestsPerSecond() / fleet.pods();
    }
}
