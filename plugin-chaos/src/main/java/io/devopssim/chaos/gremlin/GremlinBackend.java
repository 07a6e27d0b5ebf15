package io.devopssim.chaos.gremlin;

import io.devopssim.core.chaos.ChaosBackend;
import io.devopssim.core.chaos.ChaosBackendException;
import io.devopssim.core.chaos.ChaosRequest;
import io.devopssim.core.chaos.ChaosTarget;
import io.devopssim.core.chaos.Fault;
import io.devopssim.core.chaos.FaultState;
import io.devopssim.core.chaos.FaultStatus;

import io.devopssim.chaos.gremlin.AttackLedger.LedgerEntry;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Faults through Gremlin: one attack per fault, on the containers the target selects by label.
 * The attacks' own length ({@code -l}) is the experiment's duration, so Gremlin ends them even if
 * nobody halts them. No ramp: Gremlin applies an attack at full strength from its start.
 *
 * <p>Node failure is not offered here (this backend targets containers; use the Kubernetes backend).
 * Pod kill is Gremlin's {@code shutdown} of {@code count} matching containers.
 *
 * <p>Never losing an attack: before each attack is asked for, an intent with a fresh client-generated tag is
 * written to the {@link AttackLedger}, and the attack is created carrying that tag as its
 * {@value #INTENT_ANNOTATION} annotation; its id is written down as soon as Gremlin names it. A process that
 * dies in between (or whose create answer is lost) leaves an intent without an id: the next {@link #start}
 * adopts the attack, and the next {@link #halt} halts it, by finding the tag among the team's active attacks.
 * That Gremlin keeps annotations is <b>inference</b> from API.md (see {@link GremlinClient#createAttack}), so each
 * new attack is read back, and one that came back without its tag fails the start (the runner then halts it):
 * the backend refuses to run faults it could lose. The attack's own length stays the last resort.
 */
public final class GremlinBackend implements ChaosBackend {
    /** The annotation that carries an attack's intent tag. Our name; Gremlin gives it no meaning. */
    public static final String INTENT_ANNOTATION = "devsim-intent";

    private final GremlinClient client;
    private final Map<String, String> canaryLabels;
    private final Map<String, String> appLabels;
    private final AttackLedger ledger;
    private final SecureRandom random = new SecureRandom();

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

    /** Why this backend cannot inject {@code fault}, so that a caller can refuse it before anything starts. */
    public static Optional<String> refusal(Fault fault) {
        return fault instanceof Fault.NodeFailure
                ? Optional.of("gremlin: " + fault.kind() + " is not supported here (use the kubernetes backend)")
                : Optional.empty();
    }

    /**
     * Creates the attacks not created yet: a repeated start creates nothing twice, and one after a crash
     * adopts the attack a dead process asked for but never wrote down, instead of creating another.
     */
    @Override
    public synchronized void start(ChaosRequest request) throws ChaosBackendException {
        String id = request.experimentId();
        Map<String, String> labels = labels(request.target());
        List<AttackRequest> planned = new ArrayList<>();
        for (Fault fault : request.faults()) {
            planned.add(attack(fault, request, labels)); // all checked before any is created
        }
        try {
            List<LedgerEntry> known = entries(id).orElse(List.of());
            ledger.begin(id);
            List<AttackStatus> active = null; // listed once, and only when a dead process left an intent
            for (int i = 0; i < planned.size(); i++) {
                int index = i;
                List<LedgerEntry> tries = known.stream().filter(e -> e.index() == index).toList();
                if (tries.stream().anyMatch(LedgerEntry::created)) {
                    continue;
                }
                if (!tries.isEmpty()) {
                    active = active != null ? active : client.activeAttacks();
                    Optional<AttackStatus> orphan = tagged(active, tries);
                    if (orphan.isPresent()) {
                        ledger.record(id, orphan.get().annotations().get(INTENT_ANNOTATION), orphan.get().guid());
                        continue;
                    }
                    // not among the active ones: never created, or already over; ask again under a new tag
                }
                String tag = newTag(id, index);
                ledger.intend(id, index, tag);
                String guid = client.createAttack(planned.get(index).annotated(INTENT_ANNOTATION, tag));
                ledger.record(id, tag, guid);
                requireTagKept(guid, tag);
            }
        } catch (GremlinException e) {
            throw new ChaosBackendException("gremlin: " + e.getMessage(), e); // the caller halts what was created
        } catch (IOException e) {
            throw new ChaosBackendException("gremlin: cannot record the attacks: " + e.getMessage(), e);
        }
    }

    @Override
    public FaultStatus observe(String experimentId) throws ChaosBackendException {
        List<LedgerEntry> entries = entries(experimentId).orElse(null);
        if (entries == null) {
            return new FaultStatus(FaultState.UNKNOWN, "no attack of this experiment is known here");
        }
        List<AttackStatus> statuses = new ArrayList<>();
        for (LedgerEntry e : entries) {
            if (!e.created()) {
                continue; // a start that had to ask again recorded the attack under its new tag
            }
            try {
                statuses.add(client.attack(e.guid()));
            } catch (GremlinException ex) {
                throw new ChaosBackendException("gremlin: " + ex.getMessage(), ex);
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

    /**
     * Halts every attack of the experiment: those in the ledger, and those a dead process asked for without
     * writing their id down, found among the team's active attacks by their tag (and then written down).
     */
    @Override
    public synchronized void halt(String experimentId) throws ChaosBackendException {
        List<LedgerEntry> entries = entries(experimentId).orElse(null);
        if (entries == null) {
            return;
        }
        List<String> failures = new ArrayList<>();
        Set<String> guids = new LinkedHashSet<>();
        entries.stream().filter(LedgerEntry::created).forEach(e -> guids.add(e.guid()));
        List<LedgerEntry> intents = entries.stream().filter(e -> !e.created()).toList();
        if (!intents.isEmpty()) {
            try {
                for (AttackStatus orphan : client.activeAttacks()) {
                    Optional<LedgerEntry> mine = intents.stream()
                            .filter(e -> e.tag().equals(orphan.annotations().get(INTENT_ANNOTATION))).findFirst();
                    if (mine.isPresent()) {
                        ledger.record(experimentId, mine.get().tag(), orphan.guid());
                        guids.add(orphan.guid());
                    }
                }
            } catch (GremlinException e) {
                failures.add(e.getMessage()); // the ones we know are still halted below; the runner retries
            } catch (IOException e) {
                failures.add("cannot record an attack found by its tag: " + e.getMessage());
            }
        }
        for (String guid : guids) {
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

    /** Reads the new attack back: without its tag it could not be found after a crash, so it must not run. */
    private void requireTagKept(String guid, String tag) throws GremlinException, ChaosBackendException {
        AttackStatus created = client.attack(guid);
        if (!tag.equals(created.annotations().get(INTENT_ANNOTATION))) {
            throw new ChaosBackendException("gremlin: attack " + guid + " came back without its " + INTENT_ANNOTATION
                    + " annotation, so an attack created during a controller crash could not be found again; refusing to"
                    + " run faults that could be lost (halting what was created)");
        }
    }

    private static Optional<AttackStatus> tagged(List<AttackStatus> active, List<LedgerEntry> tries) {
        return active.stream().filter(a -> tries.stream().anyMatch(t -> t.tag().equals(a.annotations().get(INTENT_ANNOTATION))))
                .filter(AttackStatus::mayBeActive).findFirst();
    }

    /** Unique per attempt: the experiment, the fault's index and 64 random bits (a replayed start gets a new one). */
    private String newTag(String experimentId, int index) {
        return experimentId + "." + index + "." + HexFormat.of().toHexDigits(random.nextLong());
    }

    private Optional<List<LedgerEntry>> entries(String experimentId) throws ChaosBackendException {
        try {
            return ledger.entries(experimentId);
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
