package io.devopssim.chaos.k8s;

import io.devopssim.core.chaos.ChaosBackend;
import io.devopssim.core.chaos.ChaosBackendException;
import io.devopssim.core.chaos.ChaosRequest;
import io.devopssim.core.chaos.ChaosTarget;
import io.devopssim.core.chaos.Fault;
import io.devopssim.core.chaos.FaultState;
import io.devopssim.core.chaos.FaultStatus;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Faults through the Kubernetes API (fabric8): what can be done to a workload without an agent on its
 * nodes.
 * <ul>
 *   <li>pod kill: deletes {@code count} of the target's pods (their ReplicaSet recreates them);</li>
 *   <li>node failure: cordons the node of the target's first pod, then drains the target namespace's
 *       pods from it by eviction (so PodDisruptionBudgets are honoured); halt uncordons it;</li>
 *   <li>blackhole: scales the target's Deployments to zero; halt scales them back.</li>
 * </ul>
 * Latency, packet loss, CPU, memory and process kill need an agent on the node: use Gremlin for those.
 * Such a request is refused before anything is done. No ramp (the actions are discrete).
 *
 * <p>What an experiment did is kept in a ConfigMap in the namespace ({@link ChaosLedger}), written before
 * each action's effect can be lost, so a halt from a restarted controller restores it all.
 *
 * <p>Only calls that behave the same on fabric8's CRUD mock and a real API server are used: reads,
 * create, delete, {@code edit()} (a JSON patch) and eviction. Strategic-merge patch, server-side apply
 * and the scale subresource are avoided (the mock answers 415 or keeps no scale subresource).
 */
public final class KubernetesBackend implements ChaosBackend {
    private static final Pattern DNS = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,240}[a-z0-9])?");

    private final KubernetesClient client;
    private final String namespace;
    private final Map<String, String> canaryLabels;
    private final Map<String, String> appLabels;

    /**
     * @param canaryLabels pod labels of the canary (CANARY targets)
     * @param appLabels    pod labels of the whole app (PERCENT targets)
     */
    public KubernetesBackend(KubernetesClient client, String namespace, Map<String, String> canaryLabels,
                             Map<String, String> appLabels) {
        this.client = Objects.requireNonNull(client, "client");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.canaryLabels = Map.copyOf(canaryLabels);
        this.appLabels = Map.copyOf(appLabels);
    }

    @Override
    public String name() {
        return "kubernetes";
    }

    /** Why this backend cannot inject {@code fault}, so that a caller can refuse it before anything starts. */
    public static Optional<String> refusal(Fault fault) {
        if (fault instanceof Fault.PodKill || fault instanceof Fault.NodeFailure || fault instanceof Fault.Blackhole) {
            return Optional.empty();
        }
        return Optional.of("kubernetes: " + fault.kind() + " needs an agent on the node and is not supported here (use gremlin)");
    }

    @Override
    public synchronized void start(ChaosRequest request) throws ChaosBackendException {
        String id = checkedId(request.experimentId());
        for (Fault fault : request.faults()) {
            Optional<String> refusal = refusal(fault);
            if (refusal.isPresent()) {
                throw new ChaosBackendException(refusal.get());
            }
        }
        Map<String, String> labels = labels(request.target());
        try {
            if (ledger(id) != null) {
                return; // idempotent: this experiment already acted (or is acting) on the cluster
            }
            ChaosLedger ledger = save(id, ChaosLedger.started(), true);
            for (Fault fault : request.faults()) {
                if (fault instanceof Fault.PodKill k) {
                    ledger = killPods(id, ledger, labels, k.count());
                } else if (fault instanceof Fault.NodeFailure) {
                    ledger = failNode(id, ledger, labels);
                } else {
                    ledger = scaleToZero(id, ledger, labels, request.target());
                }
            }
        } catch (KubernetesClientException e) {
            throw new ChaosBackendException("kubernetes: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized FaultStatus observe(String experimentId) throws ChaosBackendException {
        try {
            ChaosLedger ledger = ledger(checkedId(experimentId));
            if (ledger == null) {
                return new FaultStatus(FaultState.UNKNOWN, "no ledger " + ChaosLedger.name(experimentId) + " in " + namespace);
            }
            String detail = "cordoned " + ledger.cordoned() + ", scaled to zero " + ledger.scaled().keySet()
                    + ", pods killed " + ledger.killed().size();
            return new FaultStatus(ChaosLedger.HALTED.equals(ledger.state()) ? FaultState.HALTED : FaultState.ACTIVE, detail);
        } catch (KubernetesClientException e) {
            throw new ChaosBackendException("kubernetes: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void halt(String experimentId) throws ChaosBackendException {
        String id = checkedId(experimentId);
        try {
            ChaosLedger ledger = ledger(id);
            if (ledger == null || ChaosLedger.HALTED.equals(ledger.state())) {
                return;
            }
            for (String node : ledger.cordoned()) {
                if (client.nodes().withName(node).get() != null) {
                    client.nodes().withName(node).edit(n -> new NodeBuilder(n).editOrNewSpec().withUnschedulable(false).endSpec().build());
                }
            }
            for (Map.Entry<String, Integer> scaled : ledger.scaled().entrySet()) {
                if (client.apps().deployments().inNamespace(namespace).withName(scaled.getKey()).get() != null) {
                    // never lower on halt: an overlapping experiment may have recorded the zero another one set
                    client.apps().deployments().inNamespace(namespace).withName(scaled.getKey())
                            .edit(d -> new DeploymentBuilder(d).editSpec().withReplicas(Math.max(scaled.getValue(),
                                    d.getSpec().getReplicas() == null ? 0 : d.getSpec().getReplicas())).endSpec().build());
                }
            }
            save(id, ledger.halted(), false);
        } catch (KubernetesClientException e) {
            throw new ChaosBackendException("kubernetes: " + e.getMessage(), e);
        }
    }

    private ChaosLedger killPods(String id, ChaosLedger ledger, Map<String, String> labels, int count) {
        List<Pod> pods = running(labels);
        for (Pod pod : pods.subList(0, Math.min(count, pods.size()))) {
            ledger = save(id, ledger.withKilled(pod.getMetadata().getName()), false);
            client.pods().inNamespace(namespace).withName(pod.getMetadata().getName()).delete();
        }
        return ledger;
    }

    private ChaosLedger failNode(String id, ChaosLedger ledger, Map<String, String> labels) {
        String node = running(labels).stream().map(p -> p.getSpec() == null ? null : p.getSpec().getNodeName())
                .filter(Objects::nonNull).findFirst()
                .orElseThrow(() -> new KubernetesClientException("no target pod is scheduled on a node"));
        var current = client.nodes().withName(node).get();
        if (current == null) {
            throw new KubernetesClientException("node " + node + " does not exist");
        }
        if (!Boolean.TRUE.equals(current.getSpec() == null ? null : current.getSpec().getUnschedulable())) {
            // recorded first: a crash right after the cordon still leaves the uncordon to do
            ledger = save(id, ledger.withCordoned(node), false);
            client.nodes().withName(node).edit(n -> new NodeBuilder(n).editOrNewSpec().withUnschedulable(true).endSpec().build());
        }
        // filtered here rather than by a spec.nodeName field selector, which the CRUD mock does not apply
        for (Pod pod : client.pods().inNamespace(namespace).list().getItems()) {
            if (pod.getSpec() == null || !node.equals(pod.getSpec().getNodeName()) || isDaemonSetPod(pod)) {
                continue; // a drain leaves DaemonSet pods, as kubectl drain --ignore-daemonsets does
            }
            ledger = save(id, ledger.withKilled(pod.getMetadata().getName()), false);
            client.pods().inNamespace(namespace).withName(pod.getMetadata().getName()).evict();
        }
        return ledger;
    }

    private ChaosLedger scaleToZero(String id, ChaosLedger ledger, Map<String, String> labels, ChaosTarget target) {
        List<Deployment> deployments = client.apps().deployments().inNamespace(namespace).withLabels(labels).list().getItems();
        if (deployments.isEmpty()) {
            throw new KubernetesClientException("no Deployment in " + namespace + " carries the labels " + labels);
        }
        for (Deployment d : deployments) {
            String name = d.getMetadata().getName();
            int replicas = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
            int keep = replicas - (int) Math.ceil(replicas * target.share());
            ledger = save(id, ledger.withScaled(name, replicas), false);
            client.apps().deployments().inNamespace(namespace).withName(name)
                    .edit(x -> new DeploymentBuilder(x).editSpec().withReplicas(keep).endSpec().build());
        }
        return ledger;
    }

    /** The target's pods, oldest name first, so a replay of the same request picks the same ones. */
    private List<Pod> running(Map<String, String> labels) {
        return client.pods().inNamespace(namespace).withLabels(labels).list().getItems().stream()
                .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
                .sorted(Comparator.comparing(p -> p.getMetadata().getName()))
                .toList();
    }

    private static boolean isDaemonSetPod(Pod pod) {
        List<OwnerReference> owners = pod.getMetadata().getOwnerReferences();
        return owners != null && owners.stream().anyMatch(o -> "DaemonSet".equals(o.getKind()));
    }

    private ChaosLedger ledger(String id) {
        ConfigMap map = client.configMaps().inNamespace(namespace).withName(ChaosLedger.name(id)).get();
        return map == null ? null : ChaosLedger.from(map);
    }

    private ChaosLedger save(String id, ChaosLedger ledger, boolean create) {
        ConfigMap map = ledger.toConfigMap(namespace, id);
        if (create) {
            client.configMaps().inNamespace(namespace).resource(map).create();
        } else {
            client.configMaps().inNamespace(namespace).withName(map.getMetadata().getName())
                    .edit(old -> new io.fabric8.kubernetes.api.model.ConfigMapBuilder(old).withData(map.getData()).build());
        }
        return ledger;
    }

    private Map<String, String> labels(ChaosTarget target) throws ChaosBackendException {
        Map<String, String> labels = switch (target.kind()) {
            case CANARY -> canaryLabels;
            case LABELS -> target.labels();
            case PERCENT -> appLabels;
        };
        if (labels.isEmpty()) {
            // an empty selector selects every pod of the namespace
            throw new ChaosBackendException("kubernetes: no pod labels configured for a " + target.kind() + " target");
        }
        return labels;
    }

    /** Why {@code experimentId} cannot name this backend's ledger ConfigMap, so a caller can refuse it before anything starts. */
    public static Optional<String> idRefusal(String experimentId) {
        return DNS.matcher(experimentId).matches() && (ChaosLedger.PREFIX + experimentId).length() <= 253 ? Optional.empty()
                : Optional.of("kubernetes: experiment id \"" + experimentId
                        + "\" cannot name a ConfigMap (lowercase letters, digits, '-' and '.', at most 240 characters)");
    }

    private static String checkedId(String experimentId) throws ChaosBackendException {
        Optional<String> refusal = idRefusal(experimentId);
        if (refusal.isPresent()) {
            throw new ChaosBackendException(refusal.get());
        }
        return experimentId;
    }
}
