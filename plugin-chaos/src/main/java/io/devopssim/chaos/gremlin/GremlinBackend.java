package io.devopssim.chaos.gremlin;

import io.devopssim.core.chaos.ChaosBackend;
import io.devopssim.core.chaos.ChaosBackendException;
import io.devopssim.core.chaos.ChaosRequest;
import io.devopssim.core.chaos.ChaosTarget;
import io.devopssim.core.chaos.Fault;
import io.devopssim.core.chaos.FaultState;
import io.devopssim.core.chaos.FaultStatus;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Faults through Gremlin: one attack per fault, on the containers the target selects by label.
 * The attacks' own length ({@code -l}) is the experiment's duration, so Gremlin ends them even if
 * nobody halts them. No ramp: Gremlin applies an attack at full strength from its start.
 *
 * <p>Node failure is not offered here (this backend targets containers; use the Kubernetes backend).
 * Pod kill is Gremlin's {@code shutdown} of {@code count} matching containers.
 *
 * <p>The attacks an experiment started are recorded in an {@link AttackLedger} as soon as Gremlin names
 * them, so a restarted controller halts them too. An attack created but not yet recorded when the process
 * dies is ended by its own length (the dead man's switch), or by {@link GremlinClient#haltAll()}, the
 * team-wide kill switch.
 */
public final class GremlinBackend implements ChaosBackend {
    private final GremlinClient client;
    private final Map<String, String> canaryLabels;
    private final Map<String, String> appLabels;
    private final AttackLedger ledger;

    /**
     * @param canaryLabels container labels of the canary (e.g. {@code track: canary}), for CANARY targets
     * @param appLabels    container labels of the whole app (e.g. {@code app: checkout}), for PERCENT targets
     */
    public GremlinBackend(GremlinClient client, AttackLedger ledger, Map<String, String> canaryLabels,
                          Map<String, String> appLabels) {
        this.client = Objects.requireNonNull(client, "client");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.canaryLabels = Map.copyOf(canaryLabels);
        this.appLabels = Map.copyOf(appLabels);
    }

    @Override
    public String name() {
        return "gremlin";
    }

    @Override
    public synchronized void start(ChaosRequest request) throws ChaosBackendException {
        if (attacks(request.experimentId()).isPresent()) {
            return; // idempotent: one set of attacks per experiment
        }
        Map<String, String> labels = labels(request.target());
        List<AttackRequest> planned = new ArrayList<>();
        for (Fault fault : request.faults()) {
            planned.add(attack(fault, request, labels)); // all checked before any is created
        }
        try {
            ledger.begin(request.experimentId());
            for (AttackRequest attack : planned) {
                ledger.record(request.experimentId(), client.createAttack(attack));
            }
        } catch (GremlinException e) {
            throw new ChaosBackendException("gremlin: " + e.getMessage(), e); // the caller halts what was created
        } catch (IOException e) {
            throw new ChaosBackendException("gremlin: cannot record the attacks: " + e.getMessage(), e);
        }
    }

    @Override
    public FaultStatus observe(String experimentId) throws ChaosBackendException {
        List<String> guids = attacks(experimentId).orElse(null);
        if (guids == null) {
            return new FaultStatus(FaultState.UNKNOWN, "no attack of this experiment is known here");
        }
        List<AttackStatus> statuses = new ArrayList<>();
        for (String guid : List.copyOf(guids)) {
            try {
                statuses.add(client.attack(guid));
            } catch (GremlinException e) {
                throw new ChaosBackendException("gremlin: " + e.getMessage(), e);
            }
        }
        String detail = String.join(", ", statuses.stream().map(s -> s.guid() + " " + s.stage()).toList());
        if (statuses.stream().anyMatch(AttackStatus::failed)) {
            return new FaultStatus(FaultState.FAILED, detail);
        }
        if (statuses.stream().anyMatch(AttackStatus::mayBeActive)) {
            return new FaultStatus(FaultState.ACTIVE, detail);
        }
        if (statuses.stream().anyMatch(AttackStatus::halted)) {
            return new FaultStatus(FaultState.HALTED, detail);
        }
        return new FaultStatus(FaultState.COMPLETED, detail);
    }

    @Override
    public void halt(String experimentId) throws ChaosBackendException {
        List<String> guids = attacks(experimentId).orElse(null);
        if (guids == null) {
            return;
        }
        List<String> failures = new ArrayList<>();
        for (String guid : List.copyOf(guids)) {
            try {
                client.halt(guid);
                // API.md "Halt": after a halt, read the stage back; one still running is a failed halt, which
                // the runner retries (Halt and HaltDistributed are on their way to UserHalted: accepted)
                AttackStatus after = client.attack(guid);
                if (after.mayBeActive() && !after.halted()) {
                    failures.add("attack " + guid + " is still " + after.stage() + " after its halt");
                }
            } catch (GremlinException e) {
                if (e.status() != 404) {
                    failures.add(e.getMessage());
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new ChaosBackendException("gremlin: " + String.join("; ", failures));
        }
    }

    private Optional<List<String>> attacks(String experimentId) throws ChaosBackendException {
        try {
            return ledger.attacks(experimentId);
        } catch (IOException e) {
            throw new ChaosBackendException("gremlin: cannot read the attacks of " + experimentId + ": " + e.getMessage(), e);
        }
    }

    private Map<String, String> labels(ChaosTarget target) throws ChaosBackendException {
        Map<String, String> labels = switch (target.kind()) {
            case CANARY -> canaryLabels;
            case LABELS -> target.labels();
            case PERCENT -> appLabels;
        };
        if (labels.isEmpty()) {
            // an attack without labels would hit every client of the team (API.md "target")
            throw new ChaosBackendException("gremlin: no container labels configured for a " + target.kind() + " target");
        }
        return labels;
    }

    /** Flags per API.md "args" (from Gremlin's docs for latency, packet loss and memory; the SDK for the rest). */
    static AttackRequest attack(Fault fault, ChaosRequest request, Map<String, String> labels) throws ChaosBackendException {
        String length = Long.toString(Math.max(1, request.duration().toSeconds()));
        int percent = request.target().percent();
        if (fault instanceof Fault.Latency l) {
            return new AttackRequest("latency", "Latency", List.of("-l", length, "-m", Integer.toString(l.ms())), labels, percent, null);
        }
        if (fault instanceof Fault.PacketLoss p) {
            return new AttackRequest("packet_loss", "Packet Loss", List.of("-l", length, "-r", Integer.toString(p.percent())),
                    labels, percent, null);
        }
        if (fault instanceof Fault.Blackhole) {
            return new AttackRequest("blackhole", "Blackhole", List.of("-l", length), labels, percent, null);
        }
        if (fault instanceof Fault.Cpu c) {
            return new AttackRequest("cpu", "CPU", List.of("-l", length, "-c", Integer.toString(c.cores()),
                    "-p", Integer.toString(c.percent())), labels, percent, null);
        }
        if (fault instanceof Fault.Memory m) {
            // Gremlin's -m is in MB; a MiB asked for is at most 5 % more than that, which errs on the safe side
            return new AttackRequest("memory", "Memory", List.of("-l", length, "-m", Integer.toString(m.mib())), labels, percent, null);
        }
        if (fault instanceof Fault.ProcessKill p) {
            return new AttackRequest("process_killer", "Process Killer", List.of("-l", length, "-p", p.name()), labels, percent, null);
        }
        if (fault instanceof Fault.PodKill k) {
            // our mapping, not a documented equivalence: a container shutdown makes its pod restart it, which is
            // what a pod kill tests; "exact" with a Random target is inference from the SDK (API.md "How many")
            return new AttackRequest("shutdown", "Shutdown", List.of("-l", length, "-d", "0"), labels, null, k.count());
        }
        throw new ChaosBackendException("gremlin: " + fault.kind() + " is not supported here (use the kubernetes backend)");
    }
}
