package io.devopssim.chaos.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an experiment did to the cluster, kept in the cluster itself as a ConfigMap
 * {@code devsim-chaos-<experiment id>} in the target namespace: so a restarted controller (or a person
 * with kubectl) finds what to restore, and a repeated start sees that it already ran.
 *
 * @param state     {@code active} or {@code halted}
 * @param cordoned  nodes this experiment cordoned (not those already cordoned before)
 * @param scaled    deployments this experiment scaled to zero, with their replicas before
 * @param killed    pods it deleted or evicted (nothing to restore: their controllers recreate them)
 */
record ChaosLedger(String state, List<String> cordoned, Map<String, Integer> scaled, List<String> killed) {
    static final String PREFIX = "devsim-chaos-";
    static final String ACTIVE = "active";
    static final String HALTED = "halted";
    static final String LABEL = "devsim.io/chaos-experiment";

    static ChaosLedger started() {
        return new ChaosLedger(ACTIVE, List.of(), Map.of(), List.of());
    }

    static String name(String experimentId) {
        return PREFIX + experimentId;
    }

    ChaosLedger withCordoned(String node) {
        List<String> next = new ArrayList<>(cordoned);
        next.add(node);
        return new ChaosLedger(state, next, scaled, killed);
    }

    ChaosLedger withScaled(String deployment, int replicas) {
        Map<String, Integer> next = new LinkedHashMap<>(scaled);
        next.putIfAbsent(deployment, replicas);
        return new ChaosLedger(state, cordoned, next, killed);
    }

    ChaosLedger withKilled(String pod) {
        List<String> next = new ArrayList<>(killed);
        next.add(pod);
        return new ChaosLedger(state, cordoned, scaled, next);
    }

    ChaosLedger halted() {
        return new ChaosLedger(HALTED, cordoned, scaled, killed);
    }

    ConfigMap toConfigMap(String namespace, String experimentId) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("state", state);
        data.put("cordoned", String.join(",", cordoned));
        data.put("scaled", String.join(",", scaled.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
        data.put("killed", String.join(",", killed));
        return new ConfigMapBuilder().withNewMetadata().withName(name(experimentId)).withNamespace(namespace)
                .addToLabels(LABEL, experimentId).endMetadata().withData(data).build();
    }

    static ChaosLedger from(ConfigMap map) {
        Map<String, String> data = map.getData() == null ? Map.of() : map.getData();
        Map<String, Integer> scaled = new LinkedHashMap<>();
        for (String entry : split(data.get("scaled"))) {
            int eq = entry.lastIndexOf('=');
            scaled.put(entry.substring(0, eq), Integer.parseInt(entry.substring(eq + 1)));
        }
        return new ChaosLedger(data.getOrDefault("state", ACTIVE), split(data.get("cordoned")), scaled, split(data.get("killed")));
    }

    private static List<String> split(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value.split(","));
    }
}
