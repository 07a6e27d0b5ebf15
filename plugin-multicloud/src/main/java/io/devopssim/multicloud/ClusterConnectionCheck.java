package io.devopssim.multicloud;

import io.devopssim.core.spec.InvalidSpecException;
import io.devopssim.core.spec.SpecProblem;
import io.devopssim.core.time.Clock;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * "Test connection" for one cluster as entered: the fields checked as the registry checks them, then one health look
 * with a client of its own (API reachable, nodes Ready, each Argo CD Application's sync and health), then the client
 * closed. The message never holds the credential's secret: whatever a server or library echoes is masked.
 */
public final class ClusterConnectionCheck {
    private final ClusterClientFactory factory;
    private final Clock clock;

    public ClusterConnectionCheck(ClusterClientFactory factory, Clock clock) {
        this.factory = factory;
        this.clock = clock;
    }

    /** What the form shows. */
    public record Result(Kind kind, String message) {
        public enum Kind { OK, WARNING, ERROR }
    }

    public Result check(ClusterFields fields, CredentialResolver credentials) {
        Cluster cluster;
        try {
            cluster = ClusterValidation.registry(List.of(fields), "cluster").clusters().get(0);
        } catch (InvalidSpecException e) {
            return new Result(Result.Kind.ERROR, "cannot test: " + e.problems().stream().map(SpecProblem::message)
                    .collect(Collectors.joining("; ")));
        }
        List<String> secrets = new ArrayList<>();
        CredentialResolver remembering = auth -> {
            ClusterCredential c = credentials.resolve(auth);
            secrets.addAll(secretsOf(c));
            return c;
        };
        ClusterHealth health;
        try (ClusterClients clients = new ClusterClients(factory, remembering)) {
            health = new KubernetesClusterHealth(clients, clock).check(cluster);
        }
        String message = mask(health.message(), secrets);
        return switch (health.status()) {
            case HEALTHY -> new Result(Result.Kind.OK, "API reachable: " + message);
            case UNHEALTHY -> new Result(Result.Kind.WARNING, "API reachable, but unhealthy: " + message);
            case UNREACHABLE -> new Result(Result.Kind.ERROR, "not reachable: " + message);
        };
    }

    private static List<String> secretsOf(ClusterCredential c) {
        if (c instanceof ClusterCredential.Token t) {
            return List.of(t.secret());
        }
        if (c instanceof ClusterCredential.ClientCertificate cc) {
            return List.of(cc.privateKeyPem(), cc.certificatePem());
        }
        return List.of();
    }

    private static String mask(String message, List<String> secrets) {
        String masked = message;
        for (String s : secrets) {
            if (!s.isBlank()) {
                masked = masked.replace(s.strip(), "****");
            }
        }
        return masked;
    }
}
